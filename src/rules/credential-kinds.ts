// Who may call what, as the spec's x-credentials says: a pure decision for the fake (and the
// contract command) on the kind of token a request carries.
import { operations } from "../../generated/request-rules";
import type { OperationId } from "./request";

/** App-only (a client-credentials token) or App+User (a delegated token, as the secure application model gives). */
export type CredentialKind = "app" | "app+user";

/** The kinds of credential `operationId` takes, by the spec (its docs page, D35). */
export function credentialKinds(operationId: OperationId): readonly CredentialKind[] {
  return operations[operationId].credentials.kinds;
}

/** Whether a token of `kind` may call `operationId`. */
export function mayCall(operationId: OperationId, kind: CredentialKind): boolean {
  return credentialKinds(operationId).includes(kind);
}
