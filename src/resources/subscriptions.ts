// The subscriptions an order bought: listSubscriptionsByOrder, read page after page as links.next
// leads (list-pages.ts), and pc.subscriptions.listByOrder, the same bound to one client.
import { listSubscriptionsByOrderRule } from "../../generated/request-rules";
import type { Subscription, SubscriptionCollection } from "../../generated/schema";
import { callOperation } from "../calls/call";
import { coreOf, type PartnerCenterCore } from "../calls/core-handle";
import { followLinks } from "../calls/follow";
import { listPages, type ListOptions } from "../calls/list-pages";
import { pathWithQuery } from "../calls/paging";
import type { Operation } from "../rules/rule-types";
import { boundTo } from "./bound-to";

const LIST_SUBSCRIPTIONS_BY_ORDER: Operation = { rule: listSubscriptionsByOrderRule };

/**
 * listSubscriptionsByOrder: the subscriptions an order created, each with its `orderId`. A line
 * item has one once it is provisioned: wait for the order first (pollProvisioning,
 * createOrderAndWait, checkoutCartAndWait).
 */
export async function* listSubscriptionsByOrder(
  client: PartnerCenterCore,
  customerId: string,
  orderId: string,
  options: ListOptions = {},
): AsyncGenerator<Subscription, void, undefined> {
  const core = coreOf(client, "listSubscriptionsByOrder");
  const request = { path: { customer_id: customerId }, query: { order_id: orderId } };
  const list = {
    operationId: "listSubscriptionsByOrder",
    subject: `order ${orderId}`,
    firstPath: pathWithQuery(`/customers/${encodeURIComponent(customerId)}/subscriptions`, request.query),
    first: (ids: { requestId: string; correlationId: string }) =>
      callOperation<SubscriptionCollection>(core, LIST_SUBSCRIPTIONS_BY_ORDER, request, { ...options, ...ids }),
  };
  yield* listPages<Subscription>(list, options, followLinks(core), core.baseUrl);
}

/** pc.subscriptions: the functions above, bound to one client. */
export function subscriptionsApi(client: PartnerCenterCore) {
  const on = boundTo(client);
  return {
    /** listSubscriptionsByOrder: the subscriptions an order created (see listSubscriptionsByOrder). */
    listByOrder: on(listSubscriptionsByOrder),
  };
}

export type SubscriptionsApi = ReturnType<typeof subscriptionsApi>;
