// createPartnerCenterClient: openapi-fetch typed from generated/, sending through the client's
// own fetch (ids, auth, timeouts, retries), plus pc.orders, pc.carts, pc.subscriptions, pc.call
// and pc.follow. The client is also a core for the per-operation functions (createOrder(pc, ...)).
import type { ClientCore } from "./calls/call";
import { callNamed } from "./calls/call-by-name";
import { withCore, type PartnerCenterCore } from "./calls/core-handle";
import { followLinks, type FollowOptions } from "./calls/follow";
import type { LinkInput } from "./calls/links";
import { openapiFetchBridge, type JsonClient } from "./calls/openapi-fetch-bridge";
import { throughMiddleware, type RawRequest } from "./calls/through-middleware";
import { senderFetch } from "./pipeline/sender-fetch";
import { createSharedRateLimiter } from "./rate-limit/shared-store";
import { senderFor } from "./core";
import type { CallOptions, ClientOptions } from "./options";
import { resolveOptions } from "./resolve-options";
import { cartsApi, type CartsApi } from "./resources/carts";
import { ordersApi, type OrdersApi } from "./resources/orders";
import { subscriptionsApi, type SubscriptionsApi } from "./resources/subscriptions";
import { auditRecordsApi, type AuditRecordsApi } from "./resources/audit-records";
import { catalogApi, type CatalogApi } from "./resources/catalog";
import { prerequisitesApi, type PrerequisitesApi } from "./resources/prerequisites";
import type { OperationName, OperationRequest, OperationResult } from "./rules/operation-types";

export type { FollowOptions } from "./calls/follow";

export type PartnerCenterClient = JsonClient &
  PartnerCenterCore & {
    /** One method per Orders operation. */
    orders: OrdersApi;
    /** One method per Carts operation, and checkoutAndWait. */
    carts: CartsApi;
    /** A customer's subscriptions: get, list, listByOrder, update (sent whole), cancel (within the window). */
    subscriptions: SubscriptionsApi;
    /** The partner's audit records: list, 30-day windows at most 90 days back. */
    auditRecords: AuditRecordsApi;
    /** The catalog, by country and by customer, and offers(): every purchasable offer with its catalogItemId. */
    catalog: CatalogApi;
    /** What a purchase needs first: agreements, the reseller's MPA, qualifications, inventory, promotions. */
    prerequisites: PrerequisitesApi;
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
  };

export function createPartnerCenterClient(options: ClientOptions): PartnerCenterClient {
  // Any store: the whole client carries the shared limiter (a core only through sharedStore).
  const resolved = resolveOptions(options, createSharedRateLimiter);
  const sender = senderFor(resolved);
  const bridge = openapiFetchBridge({
    baseUrl: resolved.baseUrl,
    headers: resolved.headers,
    fetch: senderFetch(sender),
  });
  const { client } = bridge;
  const core: ClientCore = {
    baseUrl: resolved.baseUrl,
    baseHeaders: resolved.headers,
    sender,
    middleware: throughMiddleware(client.request as unknown as RawRequest, sender, bridge.hasMiddleware),
  };
  const pc = withCore(Object.assign(client, { baseUrl: resolved.baseUrl }), core);
  return Object.assign(pc, {
    orders: ordersApi(pc),
    carts: cartsApi(pc),
    subscriptions: subscriptionsApi(pc),
    auditRecords: auditRecordsApi(pc),
    catalog: catalogApi(pc),
    prerequisites: prerequisitesApi(pc),
    call: <K extends OperationName>(operationId: K, request: OperationRequest<K>, callOptions?: CallOptions) =>
      callNamed<OperationResult<K>>(core, operationId, request as never, callOptions),
    follow: followLinks(core),
  });
}
