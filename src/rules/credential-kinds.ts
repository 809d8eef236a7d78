// Who may call what, as the spec's x-credentials says: a pure decision for the fake (and the
// contract command) on the kind of token a request carries.
import { credentials } from "../../generated/request-rules";
import { isPartnerCenterError, PartnerCenterError } from "../errors";
import type { OperationId } from "./request";

/** App-only (a client-credentials token) or App+User (a delegated token, as the secure application model gives). */
export type CredentialKind = "app" | "app+user";

/** The kinds of credential `operationId` takes, by the spec (its docs page, D35). */
export function credentialKinds(operationId: OperationId): readonly CredentialKind[] {
  return credentials[operationId].kinds;
}

/** Whether a token of `kind` may call `operationId`. */
export function mayCall(operationId: OperationId, kind: CredentialKind): boolean {
  return credentialKinds(operationId).includes(kind);
}

/**
 * A 403 to an operation the docs give to App+User credentials alone, said so whatever the body
 * (the service's may be a bare "Forbidden"): the likeliest cause is an App-only token (D35).
 */
export function withCredentialHint(operationId: OperationId, error: unknown): unknown {
  if (!isPartnerCenterError(error) || error.status !== 403 || mayCall(operationId, "app")) return error;
  const rule = credentials[operationId] as { kinds: readonly string[]; roles?: readonly string[] };
  const roles = rule.roles ?? [];
  const hint = `; ${operationId} takes App+User credentials only${roles.length ? ` (${roles.join(" or ")})` : ""}: an App-only token is refused with 403 (D35)`;
  return new PartnerCenterError(error.message + hint, { ...error, cause: error });
}
