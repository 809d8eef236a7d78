// One check of the contract command: a request sent, its answer held to the spec (status
// documented, headers, body) and to what the check takes as its status, and timed.
import type { ValidationProblem } from "../../errors";
import { reasonOf } from "../../internal/printable";
import { mayCall } from "../../rules/credential-kinds";
import type { OperationName } from "../../rules/operation-types";
import type { RequestParts } from "../../rules/request";
import type { Answer, SendRaw } from "../fuzz";
import { validateResponse } from "../validate-response";

export interface CheckResult {
  /** Which check: the operation and what is checked, the same in every run. */
  name: string;
  /** What this run checked it on (an order id), when the run's data picks it. */
  subject?: string;
  status?: number;
  problems: ValidationProblem[];
  /** Why the check did not run. */
  skipped?: string;
  /** What to re-run by hand: a failing generated request as a curl line. */
  details?: string;
  /** No answer came: the request could not be sent or its answer never arrived. */
  unreachable?: boolean;
  ms: number;
}

/** A check's result with the answer it got, for the checks that read on from it. */
export type Checked = CheckResult & { answer?: Answer };

export const timed = async (work: () => Promise<Omit<CheckResult, "ms">>): Promise<CheckResult> => {
  const started = performance.now();
  const result = await work();
  return { ...result, ms: Math.round(performance.now() - started) };
};

/** What a check takes as its answer's status: the problem with it, or undefined. */
export type StatusJudge = (answer: Answer) => string | undefined;

const success: StatusJudge = (answer) =>
  answer.status >= 300 ? `expected a success, got ${answer.status}: ${answer.text.slice(0, 200)}` : undefined;

/** Sends one request and holds its answer to the spec: a status the judge takes (a success unless told), documented, conforming. */
export async function check(
  send: SendRaw,
  name: string,
  operationId: OperationName,
  method: string,
  path: string,
  request: RequestParts,
  judge = success,
): Promise<Checked> {
  let answer: Answer | undefined;
  const result = await timed(async () => {
    try {
      answer = await send(method, path, request);
    } catch (error) {
      return {
        name,
        unreachable: true,
        problems: [{ path: "request", message: `could not be sent: ${reasonOf(error)}` }],
      };
    }
    const problems = validateResponse(operationId, answer.status, answer.text, answer.headers).problems;
    const wrong = judge(answer);
    if (wrong) problems.unshift({ path: "status", message: wrong });
    return { name, status: answer.status, problems };
  });
  return { ...result, answer };
}

/** A check that did not run, and why. */
export const skippedCheck = (name: string, why: string): CheckResult => ({ name, problems: [], skipped: why, ms: 0 });

/** An answer's body, or undefined when it is not JSON. */
export const json = (answer: Answer | undefined): unknown => {
  try {
    return answer ? JSON.parse(answer.text) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A 403 to an operation the docs give to App+User credentials alone (x-credentials, D35) is the
 * service refusing an App-only token: not a contract violation, a check this token cannot run.
 */
export function needsAppUser(operationId: OperationName, result: Checked): Checked {
  if (result.status !== 403 || mayCall(operationId, "app")) return result;
  return {
    ...result,
    problems: [],
    skipped:
      "needs App+User credentials (the token was refused with 403, as an App-only token is): sign in App+User to run it",
  };
}
