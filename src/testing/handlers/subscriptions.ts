// What the subscription operations answer: a customer's subscriptions (all, or an order's, a
// reseller's, a product type's), one by id (404 20003), and a change as the service makes it
// (state/subscriptions.ts); each change is written to the audit log.
import type { Subscription } from "../../../generated/schema";
import { asText } from "../../internal/as-text";
import type { OperationId } from "../../rules/request";
import { collection, correlationIdOf, NOT_FOUND, type Handler, type HandlerContext } from "./context";

const synced = (ctx: HandlerContext, customerId: string) => ctx.subscriptions.sync(ctx.store.list(customerId));
const same = (a: unknown, b: string | undefined) =>
  b === undefined || (typeof a === "string" && a.toLowerCase() === b.toLowerCase());
const text = (value: unknown) => (value === undefined ? undefined : asText(value));

const listSubscriptions: Handler = (ctx, { customerId, query }) => {
  const orderId = text(query.order_id);
  if (orderId !== undefined && !ctx.store.get(customerId, orderId)) return NOT_FOUND;
  synced(ctx, customerId);
  const [mpnId, type, subtype] = [text(query.mpn_id), text(query.product_type), text(query.product_subtype)];
  const keep = (s: Subscription) =>
    same(s.orderId, orderId) &&
    same(s.partnerId, mpnId) &&
    same(s.productType?.id, type) &&
    same((s.productType as { subType?: { id?: unknown } } | undefined)?.subType?.id, subtype);
  return collection(ctx.subscriptions.list(customerId, keep));
};

const getSubscription: Handler = (ctx, { customerId, path }) => {
  synced(ctx, customerId);
  return ctx.subscriptions.get(customerId, asText(path.subscription_id));
};

const updateSubscription: Handler = (ctx, { customerId, path, body, headers }) => {
  synced(ctx, customerId);
  const ifMatch = typeof headers["if-match"] === "string" ? headers["if-match"] : undefined;
  const { answer, before, after } = ctx.subscriptions.update(
    customerId,
    asText(path.subscription_id),
    body as Subscription,
    ifMatch,
  );
  if (before && after) ctx.audit.subscriptionUpdated(customerId, before, after, correlationIdOf(headers));
  return answer;
};

export const SUBSCRIPTION_HANDLERS = {
  listSubscriptions,
  getSubscription,
  updateSubscription,
} satisfies Partial<Record<OperationId, Handler>>;
