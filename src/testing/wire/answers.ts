// What the fake Partner Center answers with: a status, headers and a body, and the Partner Center
// error body (ApiFault) its refusals carry.
import type { ValidationProblem } from "../../errors";

export interface Answer {
  status: number;
  /** A JSON value, or a string sent as is (an HTML page, truncated JSON). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** The documented error body: `{code, description, data, source}`. */
export function apiFault(code: number, description: string, data: string[] = []): Record<string, unknown> {
  return { code, description, data, source: "FakePartnerCenter" };
}

export function errorAnswer(status: number, code: number, description: string, data: string[] = []): Answer {
  return { status, body: apiFault(code, description, data) };
}

/** 400 with the problems in `data`, as Partner Center lists what is wrong with a request. */
export function invalidInput(
  problems: readonly ValidationProblem[],
  code = 800002,
  description = "Invalid request input.",
): Answer {
  return errorAnswer(
    400,
    code,
    description,
    problems.map((p) => `${p.path} ${p.message}`),
  );
}
