// Test matchers for Jest and Vitest (`expect.extend(partnerCenterMatchers)`): an answer or a
// request held to the spec, failing with one block per problem, what the spec expects against
// what was received.
import type { ValidationProblem } from "../errors";
import type { OperationName } from "../rules/operation-types";
import type { RequestParts } from "../rules/request";
import { validateRequest } from "./validate-request";
import { validateResponse, type ContractResult, type HeadersLike } from "./validate-response";

export interface PartnerCenterMatchers<R = unknown> {
  /** The received body is a documented `status` answer of `operationId` (and `headers`, if given, its documented headers). */
  toMatchPartnerCenterResponse(operationId: OperationName, status: number, headers?: HeadersLike): R;
  /** The received `{ path, query, header, body }` is a request Partner Center takes for `operationId`. */
  toMatchPartnerCenterRequest(operationId: OperationName): R;
}

/** The part of Jest's and Vitest's matcher context the matchers use. */
interface Context {
  isNot?: boolean;
  utils?: { EXPECTED_COLOR?: (text: string) => string; RECEIVED_COLOR?: (text: string) => string };
}

/** "must be >= 1, got 0" as what the spec expects against what was received; other problems as they are. */
function block(problem: ValidationProblem, context: Context): string {
  const expected = context.utils?.EXPECTED_COLOR ?? ((text: string) => text);
  const received = context.utils?.RECEIVED_COLOR ?? ((text: string) => text);
  const [wanted, got] =
    problem.message === "is required" ? ["present", "(missing)"] : problem.message.split(/, got (?=[^,]*$)/);
  if (got === undefined) return `  ${problem.path}: ${problem.message}`;
  return `  ${problem.path}\n  ${expected(`- expected: ${wanted}`)}\n  ${received(`+ received: ${got}`)}`;
}

function outcome(context: Context, what: string, checked: ContractResult) {
  return {
    pass: checked.valid,
    message: () =>
      checked.valid
        ? `expected ${what} not to match the spec, but it does`
        : `expected ${what} to match the spec; it breaks it in ${checked.problems.length} place${checked.problems.length === 1 ? "" : "s"}:\n\n${checked.problems.map((p) => block(p, context)).join("\n\n")}`,
  };
}

export const partnerCenterMatchers = {
  toMatchPartnerCenterResponse(
    this: Context,
    received: unknown,
    operationId: OperationName,
    status: number,
    headers?: HeadersLike,
  ) {
    return outcome(
      this,
      `a ${status} answer of ${operationId}`,
      validateResponse(operationId, status, received, headers),
    );
  },
  toMatchPartnerCenterRequest(this: Context, received: RequestParts, operationId: OperationName) {
    return outcome(this, `a ${operationId} request`, validateRequest(operationId, received));
  },
};
