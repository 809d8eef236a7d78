// What the Orders operations do to the fake's orders: the answers Partner Center would give.
import type { Order, PlacedOrder } from "../../../generated/schema";
import { enumKey } from "../../rules/bind";
import type { OperationId } from "../../rules/request";
import type { NewOrder } from "../state/store";
import { purchaseRefusal } from "../state/purchase-rules";
import { errorAnswer } from "../wire/answers";
import { collection, correlationIdOf, NOT_FOUND, type Handler } from "./context";
import { decodeToken, encodeToken } from "./continuation-token";

const link = (uri: string, headers: { key: string; value: string }[] = []) => ({ uri, method: "GET", headers });

const createOrder: Handler = async (ctx, { customerId, body, headers }) => {
  const unattested = (body as NewOrder).lineItems.flatMap((line, i) =>
    ctx.attestationOffers.has(line.offerId) && line.attestationAccepted !== true
      ? [`lineItems[${i}].attestationAccepted must be true: offer ${line.offerId} enforces attestation`]
      : [],
  );
  if (unattested.length) return errorAnswer(400, 800002, "Invalid request input.", unattested);
  const lines = (body as NewOrder).lineItems.map((line) => ({
    offerId: line.offerId,
    resellerId: line.partnerIdOnRecord,
  }));
  const refused = purchaseRefusal(ctx.catalog, ctx.prerequisites, customerId, lines);
  if (refused) return refused;
  if (ctx.placementDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, ctx.placementDelayMs));
  const order = ctx.store.create(customerId, body as NewOrder);
  ctx.onCreate(customerId, order, correlationIdOf(headers));
  return { status: 201, body: order };
};

const listOrders: Handler = (ctx, { customerId, query, headers, url }) => {
  const wanted = typeof query.billingType === "string" ? enumKey(query.billingType) : undefined;
  const token = headers["ms-continuationtoken"];
  const offset = typeof token === "string" ? decodeToken(token) : 0;
  if (offset === undefined) return errorAnswer(400, 800002, "Invalid request input.", ["Bad MS-ContinuationToken."]);
  const keep = (o: PlacedOrder) => ctx.listed(o) && (wanted === undefined || enumKey(o.billingCycle ?? "") === wanted);
  // The token holds a position among the customer's orders, so a page costs what it holds.
  const { items, next } = ctx.store.page(customerId, offset, ctx.pageSize, keep);
  const self = `/customers/${customerId}/orders${url.search}`;
  const links =
    next === undefined
      ? { self: link(self) }
      : { self: link(self), next: link(`/v1${self}`, [{ key: "MS-ContinuationToken", value: encodeToken(next) }]) };
  return collection(items, { links });
};

const getOrder: Handler = (ctx, { order, kind }) => {
  // An App-only caller is refused the provisioning status (D35): its reads of the order are its
  // polls, so its order is provisioned too, as the service's own clock would do it.
  if (order && kind === "app") ctx.store.read(order);
  return order ? { status: 200, body: order } : NOT_FOUND;
};

const updateOrder: Handler = (ctx, { customerId, order, body, headers }) => {
  if (!order) return NOT_FOUND;
  const before = JSON.stringify(order);
  const updated = ctx.store.update(customerId, order.id, body as Order, (found) => ctx.refuseCancel(customerId, found));
  if (!updated || "code" in updated)
    return updated ? errorAnswer(updated.status, updated.code, updated.description) : NOT_FOUND;
  ctx.audit.orderUpdated(customerId, before, updated, correlationIdOf(headers));
  return { status: 200, body: updated };
};

const listLineItemActivationLinks: Handler = (ctx, { order, path }) => {
  const number = path.line_item_number as number;
  if (!order || !order.lineItems.some((l) => l.lineItemNumber === number)) return NOT_FOUND;
  return { status: 200, body: ctx.store.activationLinks(order, number) };
};

const listSubscriptionActivationLinks: Handler = (ctx, { customerId, path }) => {
  const owner = ctx.store
    .list(customerId)
    .find((o) => o.lineItems.some((l) => l.subscriptionId === path.subscription_id));
  return owner ? { status: 200, body: ctx.store.activationLinks(owner) } : NOT_FOUND;
};

const createOrderAttachments: Handler = async (ctx, { order, body }) => {
  if (!order) return NOT_FOUND;
  const upload = body as { POFiles: File[]; TenderFiles?: File[] };
  const created = await ctx.store.attach(order, upload.POFiles, upload.TenderFiles ?? []);
  return { ...collection(created), status: 201 };
};

const getOrderAttachment: Handler = (ctx, { order, path }) => {
  const attachment = order && ctx.store.attachments(order).find((a) => a.metadata.attachmentId === path.attachment_id);
  if (!attachment) return errorAnswer(404, 20000, "Attachment not found.");
  return { status: 200, body: attachment.content, headers: { "Content-Type": attachment.contentType } };
};

export const ORDER_HANDLERS = {
  createOrder,
  listOrders,
  getOrder,
  updateOrder,
  getOrderProvisioningStatus: (ctx, { order }) =>
    order ? { status: 200, body: ctx.store.provisioningStatus(order) } : NOT_FOUND,
  listOrderActivationLinks: (ctx, { order }) =>
    order ? { status: 200, body: ctx.store.activationLinks(order) } : NOT_FOUND,
  listLineItemActivationLinks,
  listSubscriptionActivationLinks,
  createOrderAttachments,
  listOrderAttachments: (ctx, { order }) =>
    order ? collection(ctx.store.attachments(order).map((a) => a.metadata)) : NOT_FOUND,
  getOrderAttachment,
} satisfies Partial<Record<OperationId, Handler>>;
