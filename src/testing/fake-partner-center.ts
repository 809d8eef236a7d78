// A fake Partner Center for tests: a real node:http server on loopback with stateful orders that
// provision as Partner Center's do, bearer auth, requests bound and checked as the service binds
// them, strict MS-RequestId idempotency, paged lists, an optional rate limit, and faults injected
// on schedule or at a rate. It runs inside other
// services' test processes, so nothing that arrives can make it throw into them: every request
// gets an answer in the documented error shape or a closed socket, and its own errors go to
// `onError` and `stats`. Prism cannot keep state or script failures.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { PlacedOrder } from "../../generated/schema";
import { bindRequest, operationRuleProblems } from "../rules/request";
import { errorAnswer, invalidInput, type Answer } from "./wire/answers";
import { AttemptCounter, drawFault, faultAnswer, type Fault, type FaultRate } from "./faults";
import { cancellationRefusal, DOCUMENTED_OFFER_KINDS, type OfferKind } from "./state/cancellation";
import { CartStore, cartInProgress } from "./state/carts";
import { handleOperation, type HandlerContext } from "./handlers";
import { answerClientError, readBody, requestUrl, writeAnswer } from "./wire/http";
import { DEFAULT_IDEMPOTENCY_RETENTION_MS, IdempotencyRecords } from "./wire/idempotency";
import { Lifecycle } from "./state/lifecycle";
import { credentialKinds, mayCall, type CredentialKind } from "../rules/credential-kinds";
import { checkedOptions, DEFAULT_CART_LIFETIME_MS, type FakePartnerCenterOptions } from "./options";
import { isTokenPath, TokenEndpoint } from "./wire/token-endpoint";
import { isAnswer, readRequest } from "./wire/read-request";
import { invalidRequest } from "./wire/documented-faults";
import { matchRoute, type Route } from "./wire/routes";
import type { BoundRequest, OperationId } from "../rules/request";

/** A request the fake takes: its operation and its body bound, its MS-RequestId not yet looked at. */
interface Prepared {
  prepared: true;
  operationId: OperationId;
  cartId: string | number | undefined;
  bound: BoundRequest;
  kind: CredentialKind;
}
import { OrderStore, type NewOrder } from "./state/store";
import { Throttle } from "./wire/throttle";
import { isInProgress } from "../rules/in-progress";

export interface FakePartnerCenterStats {
  /** Requests received, faulted ones included. */
  requests: number;
  /** Orders created. */
  created: number;
  /** Requests answered from an earlier one with the same MS-RequestId. */
  replays: number;
  /** Requests refused because their MS-RequestId was used for another request. */
  conflicts: number;
  /** Faults injected. */
  faults: number;
  /** Requests whose client went away before sending all of them. */
  aborted: number;
  /** Errors inside the fake, each also given to `onError`. */
  errors: number;
  /** Requests answered 429 by the rate limit (`rateLimit`), injected 429s not included. */
  throttled: number;
  /** Requests to the token endpoint. */
  tokenExchanges: number;
  /** Requests answered 409 800060: their MS-RequestId's first request was still being answered. */
  inProgress: number;
}

export interface FakePartnerCenter {
  /** Base URL to give the client (`baseUrl`). */
  readonly url: string;
  /**
   * The fake's identity platform, to give createRefreshTokenCredential (`authorityHost`): its
   * `POST /{tenant}/oauth2/v2.0/token` takes the refresh-token grant and issues App+User tokens.
   */
  readonly authorityHost: string;
  /** A refresh token the token endpoint takes, as the one-time consent gives a partner. */
  issueRefreshToken(): string;
  /** Revokes every refresh token issued so far: the next exchange is refused with invalid_grant (AADSTS50173). */
  revokeRefreshTokens(): void;
  /** Expires one refresh token, as 90 days unused do: its next exchange is refused with invalid_grant (AADSTS700082). */
  expireRefreshToken(refreshToken: string): void;
  /** Every order, or one customer's. */
  orders(customerId?: string): PlacedOrder[];
  readonly stats: Readonly<FakePartnerCenterStats>;
  /** Faults for the next requests, in order; `null` lets one through. */
  injectFaults(...faults: (Fault | null)[]): void;
  /** Faults at a rate, drawn per MS-RequestId and attempt; `undefined` stops them. */
  setFaultRate(plan: FaultRate | undefined): void;
  /** Adds `count` orders for a customer directly, without requests (for paging tests). */
  seedOrders(customerId: string, count: number, order?: NewOrder): void;
  /** Forgets orders, faults, idempotency records and stats. */
  reset(): void;
  close(): Promise<void>;
}

export type { FakePartnerCenterOptions };

export async function startFakePartnerCenter(options: FakePartnerCenterOptions = {}): Promise<FakePartnerCenter> {
  const settings = checkedOptions(options);
  const retention = options.idempotencyRetentionMs ?? DEFAULT_IDEMPOTENCY_RETENTION_MS;
  const store = new OrderStore(new Lifecycle(options));
  const fresh = (): FakePartnerCenterStats => ({
    requests: 0,
    created: 0,
    replays: 0,
    conflicts: 0,
    faults: 0,
    aborted: 0,
    errors: 0,
    throttled: 0,
    tokenExchanges: 0,
    inProgress: 0,
  });
  const signIn = new TokenEndpoint();
  const stats = fresh();
  const limit = options.rateLimit;
  const throttle =
    limit &&
    new Throttle(Math.floor((limit.requestsPerMinute * (limit.windowMs ?? 60_000)) / 60_000), limit.windowMs ?? 60_000);
  const records = new IdempotencyRecords(retention);
  /** MS-RequestIds (lower-cased) whose first request is still being answered. */
  const placing = new Set<string>();
  const attempts = new AttemptCounter(retention);
  let scheduled: (Fault | null)[] = [];
  let rate: FaultRate | undefined;
  const sockets = new Set<Socket>();
  // Offer ids are data: a Map, never an object's keys.
  const offerKinds = new Map<string, OfferKind>(Object.entries({ ...DOCUMENTED_OFFER_KINDS, ...options.offerKinds }));
  const tenant = options.tenant ?? "production";
  const listDelayMs = options.listDelayMs ?? 0;
  const onCreate = () => void (stats.created += 1);
  const attestationOffers = new Set(options.attestationOffers ?? []);
  const carts = new CartStore(store, {
    lifetimeMs: options.cartLifetimeMs ?? DEFAULT_CART_LIFETIME_MS,
    checkoutDelayMs: options.checkoutDelayMs ?? 0,
    // Offer ids are data: a Map, never an object's keys.
    errors: new Map(Object.entries(options.cartErrors ?? {})),
    checkoutErrors: new Map(Object.entries(options.checkoutErrors ?? {})),
    attestationOffers,
    onCreate,
    now: Date.now,
  });
  const handlers: HandlerContext = {
    store,
    carts,
    placementDelayMs: options.placementDelayMs ?? 0,
    attestationOffers,
    pageSize: settings.pageSize,
    onCreate,
    refuseCancel: (customerId, order) =>
      cancellationRefusal(order, customerId, (offer) => offerKinds.get(offer) ?? "new-commerce", tenant, Date.now()),
    listed: (order) => listDelayMs === 0 || Date.now() - Date.parse(order.creationDate ?? "") >= listDelayMs,
  };
  // A token is the request's data: looked up in a Map, never as a key of an object.
  const tokens = new Map<string, CredentialKind>(Object.entries(options.tokens ?? {}));
  if (options.token !== undefined) tokens.set(options.token, "app+user");
  /** The kind of credential `token` is, or undefined when the fake does not take it. */
  const tokenKind = (token: string): CredentialKind | undefined =>
    signIn.kindOf(token) ?? (tokens.size === 0 ? "app+user" : tokens.get(token));

  function report(error: unknown, request: { method: string; url: string }): void {
    stats.errors += 1;
    try {
      options.onError?.(error, request);
    } catch {
      // The hook's own failure must not reach the host either.
    }
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
    return { prepared: true, operationId: route.operationId, cartId: route.path.cart_id, bound, kind };
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    stats.requests += 1;
    const read = await readBody(request, settings.maxBodyBytes);
    if ("gone" in read) {
      stats.aborted += 1;
      return;
    }
    const ids = {
      "MS-RequestId": String(request.headers["ms-requestid"] ?? ""),
      "MS-CorrelationId": String(request.headers["ms-correlationid"] ?? ""),
      "MS-CV": "fake.0",
    };
    const reply = (answered: Answer) => writeAnswer(response, answered, ids);
    if ("tooLarge" in read) {
      response.setHeader("Connection", "close");
      reply(errorAnswer(413, 413, `The request body is larger than ${settings.maxBodyBytes} bytes.`));
      response.on("finish", () => request.socket.destroy());
      return;
    }
    const url = requestUrl(request.url);
    if (!url) return reply(errorAnswer(400, 800002, "Invalid request input.", ["The request target is not a URL."]));
    if (request.method === "POST" && isTokenPath(url.pathname)) {
      stats.tokenExchanges += 1;
      return reply(signIn.exchange(new URLSearchParams(read.body.toString("utf8"))));
    }
    const wait = throttle?.check();
    if (wait !== undefined) {
      stats.throttled += 1;
      return reply(faultAnswer({ type: "status", status: 429, retryAfter: String(wait) })!);
    }

    const requestId = typeof request.headers["ms-requestid"] === "string" ? request.headers["ms-requestid"] : undefined;
    const attempt = requestId ? attempts.next(requestId) : 1;
    const injected = scheduled.length
      ? (scheduled.shift() ?? undefined)
      : rate && requestId
        ? drawFault(rate, requestId, attempt)
        : undefined;
    if (injected) stats.faults += 1;
    if (injected && !injected.after) {
      if (injected.type === "reset") return void request.socket.destroy();
      if (injected.type === "stall") return;
      return reply(faultAnswer(injected)!);
    }

    const authorization = request.headers.authorization ?? "";
    const token = /^Bearer\s+(\S.*)$/.exec(authorization)?.[1];
    const kind = token === undefined ? undefined : tokenKind(token);
    if (!kind) return reply(errorAnswer(401, 3000, "The authentication token is missing or invalid."));

    const route = matchRoute(request.method ?? "GET", url.pathname.replace(/^\/v1(?=\/)/i, ""));
    const prepared = await prepare(request, url, read.body, kind, route);
    const result =
      "prepared" in prepared
        ? await once(requestId, request, url, read.body, prepared, () =>
            handleOperation(handlers, prepared.operationId, prepared.bound, url, request.headers, prepared.kind),
          )
        : prepared;
    if (injected?.type === "reset") return void request.socket.destroy();
    if (injected?.type === "stall") return;
    reply(injected ? faultAnswer(injected)! : result);
  }

  /**
   * A prepared request's answer under its MS-RequestId: the first answer again for a repeat, 409
   * for the id reused with another request, "in progress" while the first is still answered
   * (D39, D43), else `handle()`'s, remembered. GETs are answered anew.
   */
  async function once(
    requestId: string | undefined,
    request: IncomingMessage,
    url: URL,
    body: Buffer,
    prepared: Prepared,
    handle: () => Promise<Answer>,
  ): Promise<Answer> {
    if (!requestId || request.method === "GET") return handle();
    const upn = request.headers["x-ms-customeruser-upn"];
    const identity = {
      method: String(request.method),
      path: samePath(url),
      customer: customerOf(url.pathname),
      upn: String(upn ?? "").toLowerCase(),
      body,
    };
    const known = records.lookup(requestId, identity);
    const key = requestId.toLowerCase();
    if (known.kind === "replay") {
      stats.replays += 1;
      return known.answer;
    }
    if (known.kind === "conflict") {
      stats.conflicts += 1;
      return errorAnswer(409, 409, known.description);
    }
    if (placing.has(key)) {
      stats.inProgress += 1;
      return prepared.operationId === "checkoutCart"
        ? cartInProgress(String(prepared.cartId))
        : errorAnswer(
            409,
            800060,
            "Your order is in progress. Check your order history for recent orders in few minutes.",
          );
    }
    placing.add(key);
    let result: Answer;
    try {
      result = await handle();
    } finally {
      placing.delete(key);
    }
    // "Still being answered" (800060, 800064) is no answer to remember: a retry is answered anew.
    if (result.status < 500 && !isInProgress(result.status, result.body)) records.remember(requestId, identity, result);
    return result;
  }

  const server = createServer(
    {
      headersTimeout: settings.headersTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      // Node checks those timeouts only this often (30 s by default).
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(settings.headersTimeoutMs / 4))),
    },
    (request, response) => {
      serve(request, response).catch((error: unknown) => {
        report(error, { method: String(request.method), url: String(request.url) });
        if (response.headersSent) response.destroy();
        else writeAnswer(response, errorAnswer(500, 500, "The fake Partner Center failed; see its onError hook."), {});
      });
    },
  );
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => answerClientError(error, socket));
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  // Errors on the listening socket after start (rare) are the fake's own: reported, never thrown.
  server.on("error", (error) => report(error, { method: "", url: "" }));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    authorityHost: `http://127.0.0.1:${port}`,
    issueRefreshToken: () => signIn.issueRefreshToken(),
    revokeRefreshTokens: () => signIn.revokeAll(),
    expireRefreshToken: (refreshToken) => signIn.expire(refreshToken),
    orders: (customerId) => (customerId ? store.list(customerId) : store.all()),
    stats,
    injectFaults: (...faults) => void scheduled.push(...faults),
    setFaultRate: (plan) => void (rate = plan),
    seedOrders(
      customerId,
      count,
      order = { lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] },
    ) {
      for (let i = 0; i < count; i++) store.create(customerId, order);
    },
    reset() {
      store.clear();
      carts.clear();
      records.clear();
      attempts.clear();
      scheduled = [];
      rate = undefined;
      throttle?.clear();
      signIn.clear();
      Object.assign(stats, fresh());
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** A request's path and query as one resource: the customer's GUID in any casing, as the service matches it. */
function samePath(url: URL): string {
  return (
    url.pathname.replace(/(\/customers\/)([^/]+)/, (_m, prefix: string, id: string) => prefix + id.toLowerCase()) +
    url.search
  );
}

/** The customer a request is for, lower-cased (GUIDs match in any casing), from its path. */
function customerOf(pathname: string): string {
  return /\/customers\/([^/]+)/.exec(pathname)?.[1]?.toLowerCase() ?? "";
}
