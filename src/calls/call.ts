// The one path every client method takes: ids, checks against the spec's rules, the call, and the
// answer read or thrown. While middleware is registered the call goes through openapi-fetch, so
// the middleware sees a Request and a Response; otherwise the client serialises it with
// openapi-fetch's own serialisers and reads the answer's bytes itself, which spares a Request
// and a Response per call (tests/unit/calls/paths.test.ts shows both send the same).
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { LightHeaders } from "../internal/fast/light-headers";
import { parameterMsCorrelationId, parameterMsRequestId } from "../../generated/request-rules";
import { PartnerCenterValidationError, type ValidationProblem } from "../errors";
import type { Sender } from "../pipeline/send";
import type { CallOptions } from "../options";
import { timeoutProblems } from "../rules/is-whole";
import { errorFromResponse, successBody, type CallMeta } from "./read-answer";
import { toFormData } from "./form-data";
import { traceCall, tracingCalls, type CallContext } from "../diagnostics/diagnostics";
import { withCredentialHint } from "../rules/credential-hint";
import { bindOperation, headerParameterProblems, operationProblems, type RequestParts } from "../rules/bind-request";
import type { Operation } from "../rules/rule-types";
import { acceptedAnswer } from "./accepted-answer";

export interface ClientCore {
  /** The API root, without a trailing slash. */
  baseUrl: string;
  /** Headers every call sends (Accept, MS-Contract-Version, ...). */
  baseHeaders: Record<string, string>;
  /** What sends every call: a call's own timeoutMs travels on it. */
  sender: Sender;
  /** The way through openapi-fetch's middleware, on a client that has openapi-fetch's methods (through-middleware.ts). */
  middleware?: MiddlewareRoute;
}

/** A call as exchange() has it ready to send. */
export interface ReadyCall {
  method: string;
  path: string;
  params: CallRequest["params"];
  call: CallRequest;
  options: CallOptions;
  meta: CallMeta;
  url: string;
}

export interface MiddlewareRoute {
  /** Whether middleware is registered, which then must see every call. */
  active(): boolean;
  exchange<T>(ready: ReadyCall): Promise<T>;
}

/** A call, serialisable either way. */
export interface CallRequest {
  params: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: unknown;
  /** The body is multipart/form-data, one part per field. */
  multipart?: boolean;
  /** The success answer is a file of this media type, read as a Blob. */
  answer?: string;
  /** The success answer is a bare JSON array. */
  arrayAnswer?: boolean | undefined;
  /** Shown the success answer's headers (a poller reads Retry-After). */
  onHeaders?: (headers: Headers) => void;
  /** The operation may answer 202 with no body: then its headers are the answer (acceptedAnswer). */
  acceptedWithoutBody?: boolean | undefined;
  /** Told the attempts and the final status, when the call is traced (diagnostics.ts). */
  trace?: { attempts: number; status?: number };
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
    problems.push(...headerParameterProblems(options.requestId, "options.requestId", parameterMsRequestId));
  }
  if (options.correlationId !== undefined) {
    problems.push(...headerParameterProblems(options.correlationId, "options.correlationId", parameterMsCorrelationId));
  }
  return problems;
}

const querySerializer = createQuerySerializer();

/**
 * A call's headers, merged as openapi-fetch merges them (Content-Type lowest, for a JSON body
 * only; a later value replaces an earlier one, null removes it). Every value was checked before.
 */
function callHeaders(json: boolean, ...sources: Record<string, unknown>[]): LightHeaders {
  const headers = new LightHeaders();
  if (json) headers.set("Content-Type", "application/json");
  for (const source of sources) {
    for (const [name, value] of Object.entries(source)) {
      if (value === null) headers.delete(name);
      else if (value !== undefined) headers.set(name, typeof value === "string" ? value : JSON.stringify(value));
    }
  }
  return headers;
}
const decoder = new TextDecoder();

/** Sends a call and returns the parsed body of a 2xx answer, or throws PartnerCenterError. */
export async function exchange<T>(
  transport: ClientCore,
  method: string,
  path: string,
  call: CallRequest,
  ids: CallIds,
  options: CallOptions,
): Promise<T> {
  const meta = { method, path, ...ids, baseUrl: transport.baseUrl, array: call.arrayAnswer };
  const header: Record<string, unknown> = {
    ...call.params.header,
    "MS-RequestId": ids.requestId,
    "MS-CorrelationId": ids.correlationId,
  };
  // A file is asked for by its media type; its errors still come as JSON.
  if (call.answer) header.Accept = `${call.answer}, application/json`;
  // Not `{ ...call.params, header }`: on Node 20 a key added after a spread costs about a microsecond.
  const params = Object.assign({}, call.params, { header });
  const url = createFinalURL(path, {
    baseUrl: transport.baseUrl,
    params,
    querySerializer,
    pathSerializer: defaultPathSerializer,
  });
  if (transport.middleware?.active()) {
    return transport.middleware.exchange<T>({ method, path, params, call, options, meta, url });
  }
  const body =
    call.body === undefined
      ? undefined
      : call.multipart
        ? toFormData(call.body as Record<string, unknown>)
        : JSON.stringify(call.body);
  const headers = callHeaders(typeof body === "string", transport.baseHeaders, header);
  const outgoing = {
    method,
    url,
    headers,
    body,
    signal: options.signal,
    trace: call.trace,
    timeoutMs: options.timeoutMs,
  };
  const received = await transport.sender.send(outgoing);
  const answer = { status: received.status, headers: received.headers, url };
  if (received.status >= 300) throw errorFromResponse(answer, decoder.decode(received.body), meta);
  call.onHeaders?.(received.headers);
  if (received.status === 202 && call.acceptedWithoutBody) return acceptedAnswer(received.headers) as T;
  if (call.answer) return new Blob([received.body], { type: received.headers.get("content-type") ?? call.answer }) as T;
  return successBody<T>(answer, decoder.decode(received.body), meta);
}

const ORDER = ["path", "query", "header", "body", "options"];

/** Problems in the order a reader fixes them: path, query, headers, body, options. */
function sortProblems(problems: ValidationProblem[]): ValidationProblem[] {
  const rank = (p: ValidationProblem) => ORDER.indexOf(p.path.split(/[.[]/)[0]!);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

/**
 * Calls `operation`: binds every part of the request as the service would (the body that is sent
 * is the bound one) and refuses, with nothing sent, what the spec's rules refuse.
 */
export async function callOperation<T>(
  transport: ClientCore,
  operation: Operation,
  request: RequestParts,
  options: CallOptions = {},
  onHeaders?: (headers: Headers) => void,
): Promise<T> {
  const { rule } = operation;
  const { operationId } = rule;
  const bound = bindOperation(rule, request ?? {});
  const problems = [...operationProblems(operation, bound), ...callOptionProblems(options ?? {})];
  if (problems.length) throw new PartnerCenterValidationError(operationId, sortProblems(problems));
  const ids = callIds(options);
  const call: CallRequest = {
    params: { path: bound.path, query: bound.query, header: bound.header },
    body: bound.body,
    multipart: rule.body?.contentType === "multipart/form-data",
    answer: rule.answer,
    arrayAnswer: rule.arrayAnswer,
    onHeaders,
    acceptedWithoutBody: rule.acceptedWithoutBody,
  };
  const hinted = (error: unknown) => {
    throw withCredentialHint(rule, error);
  };
  if (!tracingCalls()) return exchange<T>(transport, rule.method, rule.path, call, ids, options).catch(hinted);
  const { customer_id: customerId, order_id: orderId } = bound.path;
  const context: CallContext = {
    operationId,
    method: rule.method,
    ...ids,
    ...(typeof customerId === "string" ? { customerId } : {}),
    ...(typeof orderId === "string" ? { orderId } : {}),
    attempts: 0,
  };
  return traceCall(context, () =>
    exchange<T>(transport, rule.method, rule.path, { ...call, trace: context }, ids, options).catch(hinted),
  );
}
