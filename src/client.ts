// createPartnerCenterClient: openapi-fetch typed from generated/, sending through the client's
// own fetch (ids, auth, timeouts, retries), plus pc.orders, pc.carts, pc.subscriptions and pc.follow.
import { callOperation, type ClientCore } from "./calls/call";
import { followLinks, type FollowOptions } from "./calls/follow";
import type { LinkInput } from "./calls/links";
import { openapiFetchBridge, type JsonClient } from "./calls/openapi-fetch-bridge";
import { createTokenProvider } from "./credentials/credential";
import { sleep } from "./internal/async/sleep";
import type { CallOptions, ClientOptions } from "./options";
import { createSender, type SenderConfig } from "./pipeline/send";
import { pollerDepsFor } from "./polling/poller";
import { leaseSlackMs, pacerFor } from "./rate-limit/pacer-for";
import { resolveOptions } from "./resolve-options";
import { cartsApi, type CartsApi } from "./resources/carts";
import { ordersApi, type OrdersApi } from "./resources/orders";
import { subscriptionsApi, type SubscriptionsApi } from "./resources/subscriptions";
import type { OperationName, OperationRequest, OperationResult } from "./rules/operation-types";

export type { FollowOptions } from "./calls/follow";

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
  const bridge = openapiFetchBridge({ baseUrl: resolved.baseUrl, headers: resolved.headers, fetch: sender.fetch });
  const { client } = bridge;
  const core: ClientCore = {
    baseUrl: resolved.baseUrl,
    baseHeaders: resolved.headers,
    hasMiddleware: bridge.hasMiddleware,
    request: client.request as unknown as ClientCore["request"],
    sender,
  };

  const follow = followLinks(core);

  // One poller state per client: polls of one order never overlap, whichever method waits.
  const pollerDeps = pollerDepsFor((operationId, customerId, orderId, callOptions, onHeaders) =>
    callOperation(core, operationId, { path: { customer_id: customerId, order_id: orderId } }, callOptions, onHeaders),
  );
  return Object.assign(client, {
    orders: ordersApi(core, follow, resolved.baseUrl, pollerDeps),
    carts: cartsApi(core, pollerDeps),
    subscriptions: subscriptionsApi(core, follow, resolved.baseUrl),
    call: <K extends OperationName>(operationId: K, request: OperationRequest<K>, callOptions?: CallOptions) =>
      callOperation<OperationResult<K>>(core, operationId, request as never, callOptions),
    follow,
    baseUrl: resolved.baseUrl,
  });
}
