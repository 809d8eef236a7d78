// pc.subscriptions: what an order bought. listByOrder is listSubscriptionsByOrder, read page after
// page as links.next leads (list-pages.ts).
import type { Subscription, SubscriptionCollection } from "../../generated/schema";
import { callOperation, type ClientCore } from "../calls/call";
import { listPages, type Follow, type ListOptions } from "../calls/list-pages";
import { pathWithQuery } from "../calls/paging";

export function subscriptionsApi(core: ClientCore, follow: Follow, baseUrl: string) {
  return {
    /**
     * listSubscriptionsByOrder: the subscriptions an order created, each with its `orderId`. A line
     * item has one once it is provisioned: wait for the order first (pollProvisioning,
     * createAndWait, checkoutAndWait).
     */
    async *listByOrder(
      customerId: string,
      orderId: string,
      options: ListOptions = {},
    ): AsyncGenerator<Subscription, void, undefined> {
      const request = { path: { customer_id: customerId }, query: { order_id: orderId } };
      yield* listPages<Subscription>(
        {
          operationId: "listSubscriptionsByOrder",
          subject: `order ${orderId}`,
          firstPath: pathWithQuery(`/customers/${encodeURIComponent(customerId)}/subscriptions`, request.query),
          first: (ids) =>
            callOperation<SubscriptionCollection>(core, "listSubscriptionsByOrder", request, {
              ...options,
              ...ids,
            }),
        },
        options,
        follow,
        baseUrl,
      );
    },
  };
}

export type SubscriptionsApi = ReturnType<typeof subscriptionsApi>;
