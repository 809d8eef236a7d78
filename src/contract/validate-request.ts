// validateRequest: would Partner Center take this request? Bound and checked exactly as the
// client checks its own before sending (keys in any casing, null as unset, read-only fields
// ignored, typos and documented errors refused), so a consuming service's fixtures and mocks are
// held to what the service refuses, no more.
import { operations } from "../../generated/request-rules";
import type { OperationName } from "../rules/operation-types";
import { printable } from "../internal/printable";
import { bindRequest, requestProblems, type RequestParts } from "../rules/request";
import type { ContractResult } from "./validate-response";

export function validateRequest(operationId: OperationName, request: RequestParts): ContractResult {
  if (!Object.hasOwn(operations, operationId)) {
    return {
      valid: false,
      problems: [
        { path: "operationId", message: `${printable(String(operationId), 100)} is not an operation of the spec` },
      ],
    };
  }
  const problems = requestProblems(operationId, bindRequest(operationId, request));
  return { valid: problems.length === 0, problems };
}
