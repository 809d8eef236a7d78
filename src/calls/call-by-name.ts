// pc.call: any operation of the spec by its operationId, which is the caller's data (an own key of
// the spec's operations, so that `constructor` is not one). The only call path that carries every
// operation's rules; the methods of pc.orders and the rest name theirs.
import { PartnerCenterValidationError } from "../errors";
import { printable } from "../internal/printable";
import type { CallOptions } from "../options";
import type { RequestParts } from "../rules/bind-request";
import { isOperationId, operationNamed, type OperationId } from "../rules/request";
import { callOperation, type ClientCore } from "./call";

export async function callNamed<T>(
  core: ClientCore,
  operationId: OperationId,
  request: RequestParts,
  options: CallOptions = {},
): Promise<T> {
  if (!isOperationId(operationId)) {
    throw new PartnerCenterValidationError("call", [
      {
        path: "operationId",
        message: `must be an operationId of the spec, got ${printable(String(operationId), 100)}`,
      },
    ]);
  }
  return callOperation<T>(core, operationNamed(operationId), request, options);
}
