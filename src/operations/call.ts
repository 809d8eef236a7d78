// The one path every client method takes: ids, checks against the spec's rules, the call
// through openapi-fetch (so the caller's middleware sees it), and the answer read or thrown.
import { operations } from "../../generated/request-rules";
import { PartnerCenterError, PartnerCenterValidationError, type ValidationProblem } from "../errors";
import type { Sender } from "../fetch/send";
import { timeoutProblems, type CallOptions } from "../options";
import { errorFromResponse, successBody } from "../response";
import { toFormData } from "./form-data";
import { bindRequest, headerParameterProblems, operationRuleProblems, type OperationId, type RequestParts } from "../validation/request";

export interface Transport {
  /** openapi-fetch's `request`, untyped so that operationIds and links can name any path. */
  request(
    method: string,
    path: string,
    init: Record<string, unknown>,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  /** The fetch for a call with these options, or undefined for the client's own. */
  senderFor(options: CallOptions): Sender | undefined;
}

export interface CallIds {
  requestId: string;
  correlationId: string;
}

/** The call's MS-RequestId and MS-CorrelationId: the caller's, else new ones. */
export function callIds(options: CallOptions): CallIds {
  return {
    requestId: options.requestId ?? crypto.randomUUID(),
    correlationId: options.correlationId ?? crypto.randomUUID(),
  };
}

/** Problems with the per-call options themselves (ids the client made up need no check). */
export function callOptionProblems(options: CallOptions): ValidationProblem[] {
  const problems = timeoutProblems(options.timeoutMs, "options.timeoutMs");
  if (options.requestId !== undefined) {
    problems.push(...headerParameterProblems("MS-RequestId", options.requestId, "options.requestId"));
  }
  if (options.correlationId !== undefined) {
    problems.push(...headerParameterProblems("MS-CorrelationId", options.correlationId, "options.correlationId"));
  }
  return problems;
}

/** Sends a request and returns the parsed body of a 2xx answer, or throws PartnerCenterError. */
export async function exchange<T>(
  transport: Transport,
  method: string,
  path: string,
  init: Record<string, unknown>,
  ids: CallIds,
  options: CallOptions,
): Promise<T> {
  const meta = { method, path, ...ids };
  let answer: Awaited<ReturnType<Transport["request"]>>;
  try {
    answer = await transport.request(method.toLowerCase(), path, {
      parseAs: "text",
      ...init,
      signal: options.signal,
      fetch: transport.senderFor(options),
    });
  } catch (failure) {
    // undici fails a body cut off mid-read with a TypeError; anything else (the caller's abort,
    // a middleware's own error, a PartnerCenterError from below) goes through as it is.
    if (!(failure instanceof TypeError) || options.signal?.aborted) throw failure;
    throw new PartnerCenterError(`${method} ${path} failed while reading the answer: ${failure.message}`, {
      code: "NETWORK_ERROR",
      isRetryable: true,
      ...ids,
      method,
      cause: failure,
    });
  }
  const { data, error, response } = answer;
  if (!response.ok) throw errorFromResponse(response, error, meta);
  return data instanceof Blob ? (data as T) : successBody<T>(response, data, meta);
}

const ORDER = ["path", "query", "header", "body", "options"];

/** Problems in the order a reader fixes them: path, query, headers, body, options. */
function sortProblems(problems: ValidationProblem[]): ValidationProblem[] {
  const rank = (p: ValidationProblem) => ORDER.indexOf(p.path.split(/[.[]/)[0]!);
  return problems.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map(({ p }) => p);
}

/**
 * Calls the operation `operationId`: binds every part of the request as the service would (the
 * body that is sent is the bound one) and refuses, with nothing sent, what the spec's rules refuse.
 */
export async function callOperation<T>(
  transport: Transport,
  operationId: OperationId,
  request: RequestParts,
  options: CallOptions = {},
): Promise<T> {
  const bound = bindRequest(operationId, request);
  // An operation's own rule says more than the schema's "is required" at the same place.
  const specific = operationRuleProblems(operationId, bound);
  const reported = new Set(specific.map((p) => p.path));
  const problems = [...specific, ...bound.problems.filter((p) => !reported.has(p.path)), ...callOptionProblems(options)];
  if (problems.length) throw new PartnerCenterValidationError(operationId, sortProblems(problems));
  const ids = callIds(options);
  const header: Record<string, string> = { ...bound.header, "MS-RequestId": ids.requestId, "MS-CorrelationId": ids.correlationId };
  const rule = operations[operationId];
  const init: Record<string, unknown> = { params: { path: bound.path, query: bound.query, header } };
  if (bound.body !== undefined) init.body = bound.body;
  if ("body" in rule && rule.body.contentType === "multipart/form-data") init.bodySerializer = toFormData;
  if ("answer" in rule) {
    // A file: asked for by its media type (errors still come as JSON) and read as bytes.
    header.Accept = `${rule.answer}, application/json`;
    return exchange<T>(transport, rule.method, rule.path, { ...init, parseAs: "blob" }, ids, options);
  }
  return exchange<T>(transport, rule.method, rule.path, init, ids, options);
}
