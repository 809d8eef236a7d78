// A request's rules found by its operationId, for what receives or checks requests by name: the
// fake Partner Center, the contract kit and pc.call. The client's methods bind against the rule
// itself (bind-request.ts), so that a bundle keeps only what it calls.
import { operations } from "../../generated/request-rules";
import type { ValidationProblem } from "../errors";
import { bindOperation, operationProblems, type RequestParts } from "./bind-request";
import {
  createCartCheck,
  createCustomerAgreementCheck,
  createCustomerQualificationCheck,
  getResellerAgreementStatusCheck,
  listSubscriptionsCheck,
  createOrderAttachmentsCheck,
  createOrderCheck,
  updateCartCheck,
  updateOrderCheck,
} from "./operation-checks";
import type { BoundRequest, Operation } from "./rule-types";

export type OperationId = keyof typeof operations;
export type { BoundRequest, RequestParts };

/** Whether `name` is an operation of the spec: an own key, so that `constructor` is not. */
export function isOperationId(name: unknown): name is OperationId {
  return typeof name === "string" && Object.hasOwn(operations, name);
}

const CHECKS: Partial<Record<OperationId, Operation["check"]>> = {
  createOrder: createOrderCheck,
  updateOrder: updateOrderCheck,
  createCart: createCartCheck,
  updateCart: updateCartCheck,
  createOrderAttachments: createOrderAttachmentsCheck,
  createCustomerQualification: createCustomerQualificationCheck,
  listSubscriptions: listSubscriptionsCheck,
};

// Refused before sending by the client and the contract kit, but not by the fake's binding: the
// service answers these with codes of their own (2000, 2001, 600002), which the fake's handlers give.
const SERVICE_ANSWERED: Partial<Record<OperationId, Operation["check"]>> = {
  getResellerAgreementStatus: getResellerAgreementStatusCheck,
  createCustomerAgreement: createCustomerAgreementCheck,
};

const own = <T>(table: Partial<Record<OperationId, T>>, operationId: OperationId) =>
  Object.hasOwn(table, operationId) ? table[operationId] : undefined;

/** The operation `operationId` names: its rule and its own check. */
export function operationNamed(operationId: OperationId): Operation {
  // Own keys only: an operation id is the caller's data.
  const check = own(CHECKS, operationId) ?? own(SERVICE_ANSWERED, operationId);
  return { rule: operations[operationId], ...(check ? { check } : {}) };
}

/** The request bound as the service would bind it (see bindOperation). */
export function bindRequest(
  operationId: OperationId,
  parts: RequestParts,
  how: { lenient?: boolean } = {},
): BoundRequest {
  return bindOperation(operations[operationId], parts, how);
}

/** What the fake refuses beyond the schemas as a binding mistake (800002 and the like). */
export function operationRuleProblems(operationId: OperationId, request: BoundRequest): ValidationProblem[] {
  return own(CHECKS, operationId)?.(request) ?? [];
}

/** Every way a bound request breaks the rules. */
export function requestProblems(operationId: OperationId, bound: BoundRequest): ValidationProblem[] {
  return operationProblems(operationNamed(operationId), bound);
}
