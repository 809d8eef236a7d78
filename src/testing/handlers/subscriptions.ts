// What listSubscriptionsByOrder answers: the subscriptions of the orders' provisioned lines.
import { asText } from "../../internal/as-text";
import type { OperationId } from "../../rules/request";
import { subscriptionsOf } from "../state/subscriptions";
import { collection, NOT_FOUND, type Handler } from "./context";

const listSubscriptionsByOrder: Handler = (ctx, { customerId, query }) => {
  // Without order_id, every subscription of the customer (E9).
  const placed =
    query.order_id === undefined ? ctx.store.list(customerId) : [ctx.store.get(customerId, asText(query.order_id))];
  if (placed.some((o) => !o)) return NOT_FOUND;
  return collection(placed.flatMap((o) => subscriptionsOf(o!)));
};

export const SUBSCRIPTION_HANDLERS = { listSubscriptionsByOrder } satisfies Partial<Record<OperationId, Handler>>;
