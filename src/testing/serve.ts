// The fake's request path, step by step: read the body, the token endpoint, the rate limit, a
// scheduled or drawn fault, the bearer token, the route and its credential kind, binding as the
// service binds, the MS-RequestId's history, the handler, the reply. Nothing here throws into the
// host: serve()'s caller turns a failure into a 500 and onError.
import type { IncomingMessage, ServerResponse } from "node:http";
import { credentialKinds, mayCall, type CredentialKind } from "../rules/credential-kinds";
import { bindRequest, operationRuleProblems, type BoundRequest, type OperationId } from "../rules/request";
import { drawFault, faultAnswer, type AttemptCounter, type Fault, type FaultRate } from "./faults";
import { handleOperation, type HandlerContext } from "./handlers";
import type { FakePartnerCenterOptions } from "./options";
import { cartInProgress } from "./state/carts";
import type { AnswerOnce } from "./wire/answer-once";
import { errorAnswer, invalidInput, type Answer } from "./wire/answers";
import { invalidRequest } from "./wire/documented-faults";
import { readBody, requestUrl, writeAnswer } from "./wire/http";
import { isAnswer, readRequest } from "./wire/read-request";
import { matchRoute, type Route } from "./wire/routes";
import type { Throttle } from "./wire/throttle";
import { isTokenPath, type TokenEndpoint } from "./wire/token-endpoint";

/** Everything the request path reads and counts: built once by startFakePartnerCenter. */
export interface FakeContext {
  maxBodyBytes: number;
  stats: {
    requests: number;
    aborted: number;
    tokenExchanges: number;
    throttled: number;
    faults: number;
  };
  signIn: TokenEndpoint;
  throttle: Throttle | undefined;
  once: AnswerOnce;
  attempts: AttemptCounter;
  faults: { scheduled: (Fault | null)[]; rate: FaultRate | undefined };
  handlers: HandlerContext;
  /** The kind of credential `token` is, or undefined when the fake does not take it. */
  tokenKind(token: string): CredentialKind | undefined;
  options: FakePartnerCenterOptions;
}

/** A request the fake takes: its operation and its body bound, its MS-RequestId not yet looked at. */
interface Prepared {
  operationId: OperationId;
  cartId: string | number | undefined;
  bound: BoundRequest;
  kind: CredentialKind;
}

type Reply = (answer: Answer) => void;

export async function serve(fake: FakeContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  fake.stats.requests += 1;
  const read = await readBody(request, fake.maxBodyBytes);
  if ("gone" in read) return void (fake.stats.aborted += 1);
  const reply = replyTo(request, response);
  if ("tooLarge" in read) return refuseTooLarge(fake, request, response, reply);
  const url = requestUrl(request.url);
  if (!url) return reply(errorAnswer(400, 800002, "Invalid request input.", ["The request target is not a URL."]));
  const early = signInOrThrottle(fake, request, url, read.body);
  if (early) return reply(early);
  const injected = nextFault(fake, request);
  if (injected && !injected.after) return strike(injected, request, reply);
  const kind = credentialOf(fake, request);
  if (!kind) return reply(errorAnswer(401, 3000, "The authentication token is missing or invalid."));
  const result = await answer(fake, request, url, read.body, kind);
  // A fault that strikes after the work: the order is placed, the answer lost.
  if (injected) return strike(injected, request, reply);
  reply(result);
}

/** Answers carry the request's ids back, as the service's do. */
function replyTo(request: IncomingMessage, response: ServerResponse): Reply {
  const ids = {
    "MS-RequestId": String(request.headers["ms-requestid"] ?? ""),
    "MS-CorrelationId": String(request.headers["ms-correlationid"] ?? ""),
    "MS-CV": "fake.0",
  };
  return (answered) => writeAnswer(response, answered, ids);
}

function refuseTooLarge(fake: FakeContext, request: IncomingMessage, response: ServerResponse, reply: Reply): void {
  response.setHeader("Connection", "close");
  reply(errorAnswer(413, 413, `The request body is larger than ${fake.maxBodyBytes} bytes.`));
  response.on("finish", () => request.socket.destroy());
}

/** The token endpoint's answer, or the rate limit's 429: both come before faults and auth. */
function signInOrThrottle(fake: FakeContext, request: IncomingMessage, url: URL, body: Buffer): Answer | undefined {
  if (request.method === "POST" && isTokenPath(url.pathname)) {
    fake.stats.tokenExchanges += 1;
    return fake.signIn.exchange(new URLSearchParams(body.toString("utf8")));
  }
  const wait = fake.throttle?.check();
  if (wait === undefined) return undefined;
  fake.stats.throttled += 1;
  return faultAnswer({ type: "status", status: 429, retryAfter: String(wait) });
}

/** The next scheduled fault, or one drawn for this MS-RequestId and attempt at the fault rate. */
function nextFault(fake: FakeContext, request: IncomingMessage): Fault | undefined {
  const requestId = typeof request.headers["ms-requestid"] === "string" ? request.headers["ms-requestid"] : undefined;
  const attempt = requestId ? fake.attempts.next(requestId) : 1;
  const { scheduled, rate } = fake.faults;
  const injected = scheduled.length
    ? (scheduled.shift() ?? undefined)
    : rate && requestId
      ? drawFault(rate, requestId, attempt)
      : undefined;
  if (injected) fake.stats.faults += 1;
  return injected;
}

/** A fault's effect: a reset socket, no answer at all, or its answer. */
function strike(fault: Fault, request: IncomingMessage, reply: Reply): void {
  if (fault.type === "reset") return void request.socket.destroy();
  if (fault.type === "stall") return;
  reply(faultAnswer(fault)!);
}

function credentialOf(fake: FakeContext, request: IncomingMessage): CredentialKind | undefined {
  const token = /^Bearer\s+(\S.*)$/.exec(request.headers.authorization ?? "")?.[1];
  return token === undefined ? undefined : fake.tokenKind(token);
}

/** An authenticated request's answer: prepared, then answered once under its MS-RequestId. */
async function answer(
  fake: FakeContext,
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  kind: CredentialKind,
): Promise<Answer> {
  const route = matchRoute(request.method ?? "GET", url.pathname.replace(/^\/v1(?=\/)/i, ""));
  const prepared = await prepare(request, url, body, kind, route);
  if (!("bound" in prepared)) return prepared;
  const inProgress = () =>
    prepared.operationId === "checkoutCart"
      ? cartInProgress(String(prepared.cartId))
      : errorAnswer(
          409,
          800060,
          "Your order is in progress. Check your order history for recent orders in few minutes.",
        );
  return fake.once.answer(request, url, body, inProgress, () =>
    handleOperation(fake.handlers, prepared.operationId, prepared.bound, url, request.headers, prepared.kind),
  );
}

/**
 * An authenticated request routed, allowed for its kind of token, and bound as the service binds
 * it (unknown keys ignored, D23), or the answer that refuses it. It comes before the MS-RequestId
 * is looked at: a request the service would not take uses no id up.
 */
async function prepare(
  request: IncomingMessage,
  url: URL,
  raw: Buffer,
  kind: CredentialKind,
  route: Route,
): Promise<Answer | Prepared> {
  if (route && typeof route === "object" && "allow" in route)
    return { ...errorAnswer(405, 405, "Method not allowed."), headers: { Allow: route.allow.join(", ") } };
  if (route === "escape")
    return errorAnswer(400, 800002, "Invalid request input.", ["The path is not valid percent-encoding."]);
  if (!route) return errorAnswer(404, 404, "No such resource.");
  if (!mayCall(route.operationId, kind)) {
    // error-codes' own code for it (D35).
    return errorAnswer(403, 900329, "This resource does not support application-only authentication.", [
      `${route.operationId} takes ${credentialKinds(route.operationId).join(", ")} credentials; the token is App-only.`,
    ]);
  }
  const parts = await readRequest(route.operationId, route.path, url, request.headers, raw);
  if (isAnswer(parts)) return parts;
  const bound = bindRequest(route.operationId, parts, { lenient: true });
  if (bound.problems.length) return invalidRequest(route.operationId, bound.problems);
  const refused = operationRuleProblems(route.operationId, bound);
  if (refused.length) {
    return route.operationId === "createOrder"
      ? invalidInput(refused, 800071, "Line Item number should be from 0 to number of line items count.")
      : invalidRequest(route.operationId, refused);
  }
  return { operationId: route.operationId, cartId: route.path.cart_id, bound, kind };
}
