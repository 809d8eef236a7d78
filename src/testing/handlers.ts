// What each operation does to the fake's orders and carts, given a request already bound and checked
// against the spec: the answer Partner Center would give.
import type { CredentialKind } from "../rules/credential-kinds";
import type { IncomingHttpHeaders } from "node:http";
import type { Cart, Order, PlacedOrder } from "../../generated/schema";
import { enumKey } from "../rules/bind";
import type { BoundRequest, OperationId } from "../rules/request";
import { errorAnswer, type Answer } from "./wire/answers";
import type { Refusal } from "./state/cancellation";
import type { CartStore } from "./state/carts";
import type { NewOrder, OrderStore } from "./state/store";
import { subscriptionsOf } from "./state/subscriptions";
import { asText } from "../internal/as-text";

export interface HandlerContext {
  store: OrderStore;
  carts: CartStore;
  /** Orders per listOrders page. */
  pageSize: number;
  /** Counted when an order is created. */
  onCreate(): void;
  /** Why the service would refuse to cancel an order, if it would. */
  refuseCancel(customerId: string, order: PlacedOrder): Refusal | undefined;
  /** Whether an order is old enough to appear in listOrders (the service's list delay). */
  listed(order: PlacedOrder): boolean;
  /** How long placing an order takes before createOrder answers, in milliseconds. */
  placementDelayMs: number;
  /** Offers whose lines need `attestationAccepted: true`. */
  attestationOffers: ReadonlySet<string>;
}

/** A continuation token: where the next page starts, opaque to the client. */
const encodeToken = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString("base64url");
function decodeToken(token: string): number | undefined {
  try {
    const { offset } = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { offset?: unknown };
    return typeof offset === "number" && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

const NOT_FOUND = errorAnswer(404, 20000, "Order ID not found.");
const link = (uri: string, headers: { key: string; value: string }[] = []) => ({ uri, method: "GET", headers });

export async function handleOperation(
  ctx: HandlerContext,
  operationId: OperationId,
  request: BoundRequest,
  url: URL,
  headers: IncomingHttpHeaders,
  kind: CredentialKind = "app+user",
): Promise<Answer> {
  const { store } = ctx;
  const { path, query, body } = request;
  const customerId = String(path.customer_id);
  const order = path.order_id === undefined ? undefined : store.get(customerId, asText(path.order_id));
  switch (operationId) {
    case "createOrder": {
      const unattested = (body as NewOrder).lineItems.flatMap((line, i) =>
        ctx.attestationOffers.has(line.offerId) && line.attestationAccepted !== true
          ? [`lineItems[${i}].attestationAccepted must be true: offer ${line.offerId} enforces attestation`]
          : [],
      );
      if (unattested.length) return errorAnswer(400, 800002, "Invalid request input.", unattested);
      if (ctx.placementDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, ctx.placementDelayMs));
      ctx.onCreate();
      return { status: 201, body: store.create(customerId, body as NewOrder) };
    }
    case "listOrders": {
      const wanted = typeof query.billingType === "string" ? enumKey(query.billingType) : undefined;
      const all = store
        .list(customerId)
        .filter((o) => ctx.listed(o) && (wanted === undefined || enumKey(o.billingCycle ?? "") === wanted));
      const token = headers["ms-continuationtoken"];
      const offset = typeof token === "string" ? decodeToken(token) : 0;
      if (offset === undefined)
        return errorAnswer(400, 800002, "Invalid request input.", ["Bad MS-ContinuationToken."]);
      const items = all.slice(offset, offset + ctx.pageSize);
      const next = offset + ctx.pageSize < all.length ? offset + ctx.pageSize : undefined;
      const self = `/customers/${customerId}/orders${url.search}`;
      const links =
        next === undefined
          ? { self: link(self) }
          : { self: link(self), next: link(`/v1${self}`, [{ key: "MS-ContinuationToken", value: encodeToken(next) }]) };
      return {
        status: 200,
        body: { totalCount: items.length, items, links, attributes: { objectType: "Collection" } },
      };
    }
    case "getOrder":
      // An App-only caller is refused the provisioning status (D35): its reads of the order are its
      // polls, so its order is provisioned too, as the service's own clock would do it.
      if (order && kind === "app") store.read(order);
      return order ? { status: 200, body: order } : NOT_FOUND;
    case "updateOrder": {
      if (!order) return NOT_FOUND;
      const updated = store.update(customerId, order.id, body as Order, (found) => ctx.refuseCancel(customerId, found));
      return updated && "code" in updated
        ? errorAnswer(updated.status, updated.code, updated.description)
        : { status: 200, body: updated };
    }
    case "getOrderProvisioningStatus":
      return order ? { status: 200, body: store.provisioningStatus(order) } : NOT_FOUND;
    case "listOrderActivationLinks":
      return order ? { status: 200, body: store.activationLinks(order) } : NOT_FOUND;
    case "listLineItemActivationLinks": {
      const number = path.line_item_number as number;
      if (!order || !order.lineItems.some((l) => l.lineItemNumber === number)) return NOT_FOUND;
      return { status: 200, body: store.activationLinks(order, number) };
    }
    case "listSubscriptionActivationLinks": {
      const owner = store
        .list(customerId)
        .find((o) => o.lineItems.some((l) => l.subscriptionId === path.subscription_id));
      return owner ? { status: 200, body: store.activationLinks(owner) } : NOT_FOUND;
    }
    case "createOrderAttachments": {
      if (!order) return NOT_FOUND;
      const upload = body as { POFiles: File[]; TenderFiles?: File[] };
      const created = await store.attach(order, upload.POFiles, upload.TenderFiles ?? []);
      return {
        status: 201,
        body: { totalCount: created.length, items: created, attributes: { objectType: "Collection" } },
      };
    }
    case "listOrderAttachments": {
      if (!order) return NOT_FOUND;
      const items = store.attachments(order).map((a) => a.metadata);
      return { status: 200, body: { totalCount: items.length, items, attributes: { objectType: "Collection" } } };
    }
    case "createCart":
      return ctx.carts.create(customerId, body as Cart);
    case "getCart":
      return ctx.carts.get(customerId, String(path.cart_id));
    case "updateCart":
      return ctx.carts.update(customerId, String(path.cart_id), body as Cart);
    case "checkoutCart":
      return ctx.carts.checkout(customerId, String(path.cart_id));
    case "listSubscriptionsByOrder": {
      // Without order_id, every subscription of the customer (E9).
      const placed =
        query.order_id === undefined ? store.list(customerId) : [store.get(customerId, asText(query.order_id))];
      if (placed.some((o) => !o)) return NOT_FOUND;
      const items = placed.flatMap((o) => subscriptionsOf(o!));
      return { status: 200, body: { totalCount: items.length, items, attributes: { objectType: "Collection" } } };
    }
    case "getOrderAttachment": {
      const attachment = order && store.attachments(order).find((a) => a.metadata.attachmentId === path.attachment_id);
      if (!attachment) return errorAnswer(404, 20000, "Attachment not found.");
      return { status: 200, body: attachment.content, headers: { "Content-Type": attachment.contentType } };
    }
  }
}
