// A 403 to an operation the docs give to App+User credentials alone, said so whatever the body
// (the service's may be a bare "Forbidden"): the likeliest cause is an App-only token (D35).
import { isPartnerCenterError, PartnerCenterError } from "../errors";
import type { OperationRule } from "./rule-types";

export function withCredentialHint(rule: OperationRule, error: unknown): unknown {
  const { kinds, roles = [] } = rule.credentials;
  if (!isPartnerCenterError(error) || error.status !== 403 || kinds.includes("app")) return error;
  const hint = `; ${rule.operationId} takes App+User credentials only${roles.length ? ` (${roles.join(" or ")})` : ""}: an App-only token is refused with 403 (D35)`;
  return new PartnerCenterError(error.message + hint, { ...error, cause: error });
}
