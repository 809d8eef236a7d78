// Which documented code the service answers a request it cannot bind with: error-codes gives many
// binding mistakes their own (an enum it cannot parse, 900126; a term duration, 800121; a line's
// quantity, 900275; a custom term end date, 900242; a cart line's catalog item, 900142; an
// upload's files, tender and metadata, 900252-900254; an MPA status query's MPN or tenant id,
// 2000), and 800002 "Invalid request input" is the rest. A pure decision on the first problem; every problem still goes in `data` (D51).
import type { ValidationProblem } from "../../errors";
import type { OperationId } from "../../rules/request";
import { invalidInput, type Answer } from "./answers";

interface DocumentedFault {
  /** Whether the problem is this fault's. */
  matches(problem: ValidationProblem, operationId: OperationId): boolean;
  code: number;
  describe(problem: ValidationProblem): string;
}

/** The line item a problem's path names (`body.lineItems[2].quantity` is 2), or 0. */
const lineOf = (problem: ValidationProblem) => Number(/lineItems\[(\d+)\]/.exec(problem.path)?.[1] ?? 0);
/** The value an enum problem quotes (`... got "weekly"`), as the service quotes it back. */
const quoted = (problem: ValidationProblem) => {
  const got = /got ("(?:[^"\\]|\\.)*"|\S+?)(?:;|$)/.exec(problem.message)?.[1];
  try {
    return got === undefined ? "" : String(JSON.parse(got));
  } catch {
    return got ?? "";
  }
};
const field = (problem: ValidationProblem, name: string) => problem.path.endsWith(`.${name}`);

const FAULTS: readonly DocumentedFault[] = [
  {
    matches: (p) => p.message.startsWith("must be one of"),
    code: 900126,
    describe: (p) => `Unable to parse enum: ${quoted(p)}`,
  },
  { matches: (p) => field(p, "termDuration"), code: 800121, describe: () => "The term duration provided is invalid." },
  {
    matches: (p) => field(p, "quantity") && /lineItems\[/.test(p.path),
    code: 900275,
    describe: (p) =>
      `The requested quantity for line item ${lineOf(p)} is not within the allowed quantity for this offer.`,
  },
  {
    matches: (p) => field(p, "customTermEndDate"),
    code: 900242,
    describe: (p) =>
      `The custom term end date specified for line item ${lineOf(p)} does not match with the end date of any active non-trial OnlineServicesNCE subscription or align with the end of the calendar month. Partners should select a new custom term end date.`,
  },
  {
    matches: (p, op) => (op === "createCart" || op === "updateCart") && field(p, "catalogItemId"),
    code: 900142,
    describe: () => "The catalog item ID isn't present",
  },
  {
    matches: (p, op) => op === "getResellerAgreementStatus" && p.path === "query.mpnId",
    code: 2000,
    describe: () => "MPN Id must be numeric.",
  },
  {
    matches: (p, op) => op === "getResellerAgreementStatus" && p.path === "query.tenantId",
    code: 2000,
    describe: () => "Tenant Id must be a GUID.",
  },
  {
    matches: (p, op) => op === "createOrderAttachments" && p.path === "body.POFiles",
    code: 900252,
    describe: () => "Purchase order document is required.",
  },
  {
    matches: (p, op) => op === "createOrderAttachments" && p.path === "body.Metadata.tenderLink",
    code: 900253,
    describe: () => "When part of tender, either tender link or tender document is required.",
  },
  {
    matches: (p, op) => op === "createOrderAttachments" && p.path.startsWith("body.Metadata"),
    code: 900254,
    describe: () => "Invalid metadata. (If the customer price, currency is missing).",
  },
];

/** The 400 for a request with these problems: the documented code of the first that has one, else 800002. */
export function invalidRequest(operationId: OperationId, problems: readonly ValidationProblem[]): Answer {
  for (const problem of problems) {
    const fault = FAULTS.find((f) => f.matches(problem, operationId));
    if (fault) return invalidInput(problems, fault.code, fault.describe(problem));
  }
  return invalidInput(problems);
}
