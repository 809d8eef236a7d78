// Generated requests per operation (--fuzz N): valid ones drawn from the request rules, and
// invalid ones made by breaking a valid one in a single place the rules forbid. A valid request
// must get a 2xx or a documented 4xx, an invalid one a 400 with the documented error body, never
// a 5xx, and every answer must match the spec. A failure is shrunk by fast-check and shown as a
// curl line that re-sends it (the token redacted).
import fc from "fast-check";
import { operations } from "../../generated/request-rules";
import type { ValidationProblem } from "../errors";
import type { OperationName } from "../rules/operation-types";
import type { OperationRule, RuleSchema } from "../rules/rule-types";
import type { RequestParts } from "../rules/request";
import { breakagesOf, broken, valueOf, type Breakage } from "./arbitraries";
import { validateRequest } from "./validate-request";
import { validateResponse } from "./validate-response";
import { asText } from "../internal/as-text";
import { reasonOf } from "../internal/printable";

const RULES: Readonly<Record<OperationName, OperationRule>> = operations;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** Sends a request the way the CLI does (its token, ids and timeout); never checks it first. */
export type SendRaw = (method: string, path: string, request: RequestParts) => Promise<Answer>;

export interface FuzzFailure {
  /** What the request was: valid, or broken in one named place. */
  what: string;
  problems: ValidationProblem[];
  /** The shrunk request, as a curl line. */
  curl: string;
}

export interface FuzzReport {
  operationId: OperationName;
  /** Requests sent, shrinking included. */
  requests: number;
  failure?: FuzzFailure;
}

/**
 * Never generated, since what a generated request did could not be undone: a purchase, a
 * partner's confirmation that a customer accepted the MCA (a statement with legal weight), a
 * qualification submitted for vetting, a change to a subscription (a cancel, a seat removed or
 * auto-renew turned off, which no window may let back).
 */
const NEVER_GENERATED = new Set<string>([
  "createOrder",
  "checkoutCart",
  "createCustomerAgreement",
  "createCustomerQualification",
  "updateSubscription",
]);

/** The operations `--fuzz` covers: JSON bodies only (multipart is not generated), writes only when allowed. */
export function fuzzableOperations(writes: boolean): OperationName[] {
  return (Object.keys(RULES) as OperationName[]).filter((id) => {
    const rule = RULES[id];
    return (
      (!rule.body || rule.body.contentType === "application/json") &&
      (writes ? !NEVER_GENERATED.has(id) : rule.method === "GET")
    );
  });
}

/** What JSON Schema cannot say, made true: line items numbered 0..n-1, a patch's id the path's. */
function fitOperationRules(operationId: OperationName, request: RequestParts): RequestParts {
  const body = request.body as Record<string, unknown> | undefined;
  if (operationId === "createOrder" && Array.isArray(body?.lineItems)) {
    return {
      ...request,
      body: {
        ...body,
        lineItems: body.lineItems.map((item: Record<string, unknown>, i: number) => ({ ...item, lineItemNumber: i })),
      },
    };
  }
  if (operationId === "updateOrder" && body && "id" in body)
    return { ...request, body: { ...body, id: request.path?.order_id } };
  return request;
}

/** Valid requests for an operation: path and query parameters, and the body, from the rules. */
export function validRequests(operationId: OperationName): fc.Arbitrary<RequestParts> {
  const rule = RULES[operationId];
  const inPlace = (where: string) =>
    rule.parameters
      .filter((p) => p.in === where)
      .map((p) => [p.name, p.required ? valueOf(p.schema) : fc.option(valueOf(p.schema), { nil: undefined })] as const);
  const parts = {
    path: fc.record(Object.fromEntries(inPlace("path"))),
    query: fc.record(Object.fromEntries(inPlace("query"))),
    // A file is asked for by its media type, as the client asks for it.
    header: fc.constant(rule.answer ? { Accept: `${rule.answer}, application/json` } : {}),
    body: rule.body ? valueOf(rule.body.schema) : fc.constant(undefined),
  };
  return fc
    .record(parts)
    .map((request) => fitOperationRules(operationId, request as RequestParts))
    .filter((request) => validateRequest(operationId, request).valid);
}

/** Every single-place breakage of a request, the body's and the path parameters'. */
function breakagesOfRequest(operationId: OperationName, request: RequestParts): Breakage[] {
  const rule = RULES[operationId];
  const pathParameters = rule.parameters.filter((p) => p.in === "path");
  const queryParameters = rule.parameters.filter((p) => p.in === "query");
  // A URL carries text: a number where a text parameter goes is not of the wrong type there.
  const onTheWire = (p: { schema: RuleSchema }) => (b: Breakage) =>
    !(typeof b.value === "number" && p.schema.type === "string");
  return [
    ...pathParameters.flatMap((p) =>
      breakagesOf(request.path?.[p.name], p.schema, ["path", p.name]).filter(onTheWire(p)),
    ),
    // A query parameter drawn is broken like a path one; a required one may also be left out.
    ...queryParameters.flatMap((p) => [
      ...(request.query?.[p.name] === undefined
        ? []
        : breakagesOf(request.query[p.name], p.schema, ["query", p.name]).filter(onTheWire(p))),
      ...(p.required ? [{ path: ["query", p.name], value: undefined, what: `query ${p.name} left out` }] : []),
    ]),
    ...(rule.body ? breakagesOf(request.body, rule.body.schema, ["body"]) : []),
  ];
}

/** Requests broken in one place, each with what was broken; only those the rules refuse. */
export function invalidRequests(operationId: OperationName): fc.Arbitrary<{ request: RequestParts; what: string }> {
  return validRequests(operationId)
    .chain((request) => {
      const breakages = breakagesOfRequest(operationId, request);
      return breakages.length
        ? fc.constantFrom(...breakages).map((b) => ({ request: broken(request, b), what: b.what }))
        : fc.constant(undefined);
    })
    .filter(
      (candidate): candidate is { request: RequestParts; what: string } =>
        candidate !== undefined && !validateRequest(operationId, candidate.request).valid,
    );
}

/** What is wrong with an answer to a valid or an invalid request. */
export function answerProblems(operationId: OperationName, valid: boolean, answer: Answer): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (answer.status >= 500)
    problems.push({
      path: "status",
      message: `a ${valid ? "valid" : "refusable"} request got ${answer.status}: a server error, never an answer to a request`,
    });
  else if (!valid && answer.status !== 400)
    problems.push({ path: "status", message: `a request the spec refuses got ${answer.status}, not 400` });
  else if (valid && answer.status >= 300 && answer.status < 400)
    problems.push({ path: "status", message: `got ${answer.status}: not a 2xx or a documented 4xx` });
  problems.push(...validateResponse(operationId, answer.status, answer.text, answer.headers).problems);
  return problems;
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A curl line re-sending `request` to `baseUrl`, the token shown as [redacted]. */
export function curlOf(baseUrl: string, operationId: OperationName, request: RequestParts): string {
  const rule = RULES[operationId];
  const path = rule.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
    encodeURIComponent(asText(request.path?.[name] ?? "")),
  );
  const query = new URLSearchParams(
    Object.entries(request.query ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  const parts = [
    `curl -X ${rule.method}`,
    quote(`${baseUrl}${path}${query ? `?${query}` : ""}`),
    `-H ${quote("Authorization: Bearer [redacted]")}`,
  ];
  for (const [name, value] of Object.entries(request.header ?? {}))
    parts.push(`-H ${quote(`${name}: ${String(value)}`)}`);
  if (request.body !== undefined)
    parts.push(`-H ${quote("Content-Type: application/json")}`, `--data-raw ${quote(JSON.stringify(request.body))}`);
  return parts.join(" ");
}

/**
 * Sends `runs` valid and `runs` invalid requests of `operationId`; on the first failure, fast-check
 * shrinks it to the smallest request that still fails.
 */
export async function fuzzOperation(
  operationId: OperationName,
  send: SendRaw,
  baseUrl: string,
  runs: number,
  seed: number,
): Promise<FuzzReport> {
  const rule = RULES[operationId];
  let requests = 0;
  let failure: FuzzFailure | undefined;
  const attempt = async (request: RequestParts, valid: boolean, what: string) => {
    requests += 1;
    let answer: Answer;
    try {
      answer = await send(rule.method, rule.path, request);
    } catch (error) {
      // No answer (a reset, a timeout) fails the request as surely as a wrong one, and shrinks the same way.
      failure = {
        what,
        problems: [
          { path: "request", message: `got no answer: ${error instanceof Error ? error.message : String(error)}` },
        ],
        curl: curlOf(baseUrl, operationId, request),
      };
      return false;
    }
    const problems = answerProblems(operationId, valid, answer);
    if (problems.length) {
      failure = { what, problems, curl: curlOf(baseUrl, operationId, request) };
      return false;
    }
    return true;
  };
  // No time limit: the runs bound the loop, the client's timeout bounds each request, and a run
  // cut short would pass with fewer requests than asked for.
  const options = { numRuns: runs, seed };
  const phases = [
    () =>
      fc.check(
        fc.asyncProperty(validRequests(operationId), (request) => attempt(request, true, "a valid request")),
        options,
      ),
    () =>
      fc.check(
        fc.asyncProperty(invalidRequests(operationId), ({ request, what }) =>
          attempt(request, false, `a request with ${what}`),
        ),
        options,
      ),
  ];
  for (const phase of phases) {
    const details = await phase();
    // attempt never throws, so a failed run without a failure is fast-check's own (a generator that gave up).
    if (details.failed && !failure)
      failure = {
        what: "the generated requests",
        problems: [{ path: "generator", message: reasonOf(details.errorInstance ?? "failed") }],
        curl: "",
      };
    if (failure) break;
  }
  return { operationId, requests, failure };
}
