// createPartnerCenterClient: openapi-fetch typed from generated/, sending through the client's
// own fetch (ids, auth, timeouts, retries), plus pc.orders, pc.carts, pc.subscriptions and pc.follow.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/schema";
import { createTokenProvider } from "./credentials/credential";
import { PartnerCenterValidationError } from "./errors";
import { LightRequest } from "./internal/fast/light-request";
import { RateLimiter, type Pacer } from "./rate-limit/rate-limiter";
import { SharedRateLimiter } from "./rate-limit/shared-rate-limiter";
import { ReplayableRequest } from "./internal/fast/replay";
import { createSender, type SenderConfig } from "./pipeline/send";
import { sleep } from "./internal/async/sleep";
import { resolveLink, type LinkInput } from "./calls/links";
import { callIds, callOperation, callOptionProblems, exchange, type ClientCore } from "./calls/call";
import { cartsApi, type CartsApi } from "./resources/carts";
import { ordersApi, type OrdersApi } from "./resources/orders";
import { pollerDepsFor } from "./polling/poller";
import { subscriptionsApi, type SubscriptionsApi } from "./resources/subscriptions";
import type { OperationName, OperationRequest, OperationResult } from "./rules/operation-types";
import type { CallOptions, ClientOptions, ResolvedOptions } from "./options";
import { resolveOptions } from "./resolve-options";

export interface FollowOptions extends CallOptions {
  /** JSON body to send, for links whose method takes one (patchOperation). */
  body?: unknown;
}

/** The client asks for JSON (`Accept: application/json`), so the raw methods type the JSON answers. */
type JsonClient = Client<paths, "application/json">;

export type PartnerCenterClient = JsonClient & {
  /** One method per Orders operation. */
  orders: OrdersApi;
  /** One method per Carts operation, and checkoutAndWait. */
  carts: CartsApi;
  /** What an order bought: listByOrder. */
  subscriptions: SubscriptionsApi;
  /**
   * Calls any operation of the spec by its operationId, checked and sent like pc.orders' methods:
   * returns the success body or throws PartnerCenterError.
   */
  call<K extends OperationName>(
    operationId: K,
    request: OperationRequest<K>,
    options?: CallOptions,
  ): Promise<OperationResult<K>>;
  /** Fetches any Link the API returns (provisioningStatus, patchOperation, activationLinks, next, ...). */
  follow<T = unknown>(link: LinkInput, options?: FollowOptions): Promise<T>;
  /** The API root every path is relative to. */
  readonly baseUrl: string;
};

/** How much longer than an attempt's timeout a shared slot is leased: the token's timeout and a second. */
const leaseSlackMs = ({ tokenTimeoutMs }: ResolvedOptions) => tokenTimeoutMs + 1_000;

/** The client's pacing: none, this process's own, or shared through a store. */
function pacerFor(resolved: ResolvedOptions): Pacer | undefined {
  const { rateLimit, logger, timeoutMs } = resolved;
  if (!rateLimit) return undefined;
  if (!rateLimit.shared) return new RateLimiter(rateLimit.allowance, rateLimit.windowMs);
  return new SharedRateLimiter({
    ...rateLimit.shared,
    allowance: rateLimit.allowance,
    windowMs: rateLimit.windowMs,
    // Set aside for as long as a store that stalled takes to time out a few times: then asked again.
    retryStoreMs: 1_000,
    defaultLeaseMs: timeoutMs + leaseSlackMs(resolved),
    // The longest shared 429 pause a store may name: the longest the client waits one out.
    maxPauseMs: resolved.policy.maxRetryAfterMs,
    logger,
    sleep,
    now: Date.now,
  });
}

export function createPartnerCenterClient(options: ClientOptions): PartnerCenterClient {
  const resolved = resolveOptions(options);
  const config: SenderConfig = {
    transport: resolved.transport,
    tokens: createTokenProvider(resolved.credential, resolved.scope, resolved.tokenTimeoutMs),
    policy: resolved.policy,
    timeoutMs: resolved.timeoutMs,
    maxResponseBytes: resolved.maxResponseBytes,
    logger: resolved.logger,
    recordCustomerIds: resolved.recordCustomerIds,
    limiter: pacerFor(resolved),
    leaseSlackMs: leaseSlackMs(resolved),
    now: Date.now,
    random: Math.random,
    sleep,
  };
  const sender = createSender(config);
  // The middleware openapi-fetch holds, mirrored (its use and eject, one entry per registration):
  // while there is none, openapi-fetch builds light requests, and the client's own calls skip it.
  const middleware: unknown[] = [];
  let perCallMiddleware = false;
  const RequestFor = function (input: string | URL, init?: RequestInit) {
    return middleware.length || perCallMiddleware ? new ReplayableRequest(input, init) : new LightRequest(input, init);
  } as unknown as typeof Request;
  const client = createClient<paths, "application/json">({
    baseUrl: resolved.baseUrl,
    fetch: sender.fetch,
    Request: RequestFor,
    headers: resolved.headers,
  });
  const use = client.use.bind(client);
  const eject = client.eject.bind(client);
  client.use = (...added) => {
    use(...added);
    middleware.push(...added);
  };
  client.eject = (...removed) => {
    eject(...removed);
    for (const m of removed) if (middleware.includes(m)) middleware.splice(middleware.indexOf(m), 1);
  };
  // A raw call may bring middleware of its own (openapi-fetch's per-request `middleware`), which
  // must see a real Request too; openapi-fetch builds the request before its first await.
  const raw = client as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "request"]) {
    const original = raw[method]!.bind(client);
    raw[method] = (...args: unknown[]) => {
      const init = args[method === "request" ? 2 : 1] as { middleware?: unknown[] } | undefined;
      perCallMiddleware = Boolean(init?.middleware?.length);
      try {
        return original(...args);
      } finally {
        perCallMiddleware = false;
      }
    };
  }
  const transport: ClientCore = {
    baseUrl: resolved.baseUrl,
    baseHeaders: resolved.headers,
    hasMiddleware: () => middleware.length > 0,
    request: client.request as unknown as ClientCore["request"],
    senderFor: (call) =>
      call.timeoutMs === undefined || call.timeoutMs === config.timeoutMs
        ? sender
        : createSender({ ...config, timeoutMs: call.timeoutMs }),
  };

  async function follow<T = unknown>(link: LinkInput, followOptions: FollowOptions = {}): Promise<T> {
    const target = resolveLink(link, resolved.baseUrl);
    const ids = callIds(followOptions);
    const problems = [...(Array.isArray(target) ? target : []), ...callOptionProblems(followOptions)];
    if (problems.length || Array.isArray(target)) throw new PartnerCenterValidationError("follow", problems);
    return exchange<T>(
      transport,
      target.method,
      target.path,
      { params: { header: target.headers }, body: followOptions.body },
      ids,
      followOptions,
    );
  }

  // One poller state per client: polls of one order never overlap, whichever method waits.
  const pollerDeps = pollerDepsFor((operationId, customerId, orderId, callOptions, onHeaders) =>
    callOperation(
      transport,
      operationId,
      { path: { customer_id: customerId, order_id: orderId } },
      callOptions,
      onHeaders,
    ),
  );
  return Object.assign(client, {
    orders: ordersApi(transport, follow, resolved.baseUrl, pollerDeps),
    carts: cartsApi(transport, pollerDeps),
    subscriptions: subscriptionsApi(transport, follow, resolved.baseUrl),
    call: <K extends OperationName>(operationId: K, request: OperationRequest<K>, callOptions?: CallOptions) =>
      callOperation<OperationResult<K>>(transport, operationId, request as never, callOptions),
    follow,
    baseUrl: resolved.baseUrl,
  });
}
