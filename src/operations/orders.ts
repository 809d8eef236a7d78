// pc.orders: one method per Orders operation, named after its operationId (create, get, update
// and list for the four core ones). Each returns the typed body or throws PartnerCenterError.
import type {
  Link,
  Order,
  OrderAttachmentCollection,
  OrderAttachmentMetadata,
  OrderCollection,
  OrderCreate,
  OrderLineItemActivationLinkCollection,
  OrderLineItemCreate,
  OrderLineItemProvisioningStatusCollection,
  OrderUpdate,
  operations,
} from "../../generated/schema";
import type { CallOptions } from "../options";
import { numberLineItems } from "../validation/line-items";
import type { LinkInput } from "../links";
import type { OperationId } from "../validation/request";
import { callOperation, type OperationCall, type Transport } from "./call";

/** A new order's line item; `lineItemNumber` may be left out on every line, and the client numbers them. */
export type OrderLineItemInput = Omit<OrderLineItemCreate, "lineItemNumber"> & { lineItemNumber?: number };

/** The body of `orders.create`. */
export type OrderCreateInput = Omit<OrderCreate, "lineItems"> & { lineItems: OrderLineItemInput[] };

export type BillingType = NonNullable<operations["listOrders"]["parameters"]["query"]>["billingType"];

export interface ListOrdersOptions extends CallOptions {
  /** Only orders with this billing cycle (note `onetime`, the member name; see D1). */
  billingType?: BillingType;
  /** Return line-item pricing and the order total. */
  includePrice?: boolean;
  /** Include orders the system created. */
  includeSystemPurchases?: boolean;
  /** Only orders placed for this indirect reseller. */
  indirectResellerId?: string;
}

export interface GetOrderOptions extends CallOptions {
  includePrice?: boolean;
}

export interface UpdateOrderOptions extends CallOptions {
  /** The order's `attributes.etag`, for optimistic concurrency. */
  ifMatch?: string;
}

export interface OrderAttachmentsInput {
  /** Purchase-order details, sent as the JSON `Metadata` part. */
  metadata: OrderAttachmentMetadata;
  /** The purchase-order files. */
  poFiles: Blob[];
  /** Tender documents, if the order is part of a tender. */
  tender?: Blob[];
}

/** Follows a link; provided by the client so that list can page. */
export type Follow = <T>(link: LinkInput, options?: CallOptions) => Promise<T>;

export function ordersApi(transport: Transport, follow: Follow) {
  const call = <T>(operationId: OperationId, request: OperationCall, options: CallOptions) =>
    callOperation<T>(transport, operationId, request, options);

  return {
    /** createOrder: places an order. Answers the order in `pending`; provisioning is asynchronous. */
    create(customerId: string, order: OrderCreateInput, options: CallOptions = {}): Promise<Order> {
      const items = Array.isArray(order?.lineItems) ? numberLineItems(order.lineItems) : undefined;
      const body = items ? { ...order, lineItems: items.items } : order;
      return call<Order>("createOrder", { path: { customer_id: customerId }, body, problems: items?.problems }, options);
    },

    /** getOrder */
    get(customerId: string, orderId: string, options: GetOrderOptions = {}): Promise<Order> {
      return call<Order>(
        "getOrder",
        { path: { customer_id: customerId, order_id: orderId }, query: { include_price: options.includePrice } },
        options,
      );
    },

    /** updateOrder: a partial patch; a cancel is `{ id, status: "cancelled" }`. */
    update(customerId: string, orderId: string, patch: OrderUpdate, options: UpdateOrderOptions = {}): Promise<Order> {
      const path = { customer_id: customerId, order_id: orderId };
      const mismatch =
        typeof patch?.id === "string" && patch.id !== orderId
          ? [{ path: "body.id", message: `must match the order id in the path (${orderId})` }]
          : [];
      return call<Order>("updateOrder", { path, header: { "If-Match": options.ifMatch }, body: patch, problems: mismatch }, options);
    },

    /**
     * listOrders: every order of the customer, page after page as `links.next` leads, holding
     * one page at a time. Each page is its own call with its own ids.
     */
    async *list(customerId: string, options: ListOrdersOptions = {}): AsyncGenerator<Order, void, undefined> {
      const query = {
        billingType: options.billingType,
        include_price: options.includePrice,
        include_system_purchases: options.includeSystemPurchases,
        indirect_reseller_id: options.indirectResellerId,
      };
      // Later pages are calls of their own: the caller's ids belong to the first one only.
      const pageOptions: CallOptions = { signal: options.signal, timeoutMs: options.timeoutMs };
      let page: OrderCollection | undefined = await call<OrderCollection>(
        "listOrders",
        { path: { customer_id: customerId }, query },
        options,
      );
      while (page) {
        yield* page.items;
        const next: Link | undefined = page.links?.next;
        page = undefined;
        if (next) page = await follow<OrderCollection>(next, pageOptions);
      }
    },

    /** getOrderProvisioningStatus */
    getOrderProvisioningStatus(customerId: string, orderId: string, options: CallOptions = {}) {
      return call<OrderLineItemProvisioningStatusCollection>(
        "getOrderProvisioningStatus",
        { path: { customer_id: customerId, order_id: orderId } },
        options,
      );
    },

    /** listOrderActivationLinks */
    listOrderActivationLinks(customerId: string, orderId: string, options: CallOptions = {}) {
      return call<OrderLineItemActivationLinkCollection>(
        "listOrderActivationLinks",
        { path: { customer_id: customerId, order_id: orderId } },
        options,
      );
    },

    /** listLineItemActivationLinks */
    listLineItemActivationLinks(customerId: string, orderId: string, lineItemNumber: number, options: CallOptions = {}) {
      return call<OrderLineItemActivationLinkCollection>(
        "listLineItemActivationLinks",
        { path: { customer_id: customerId, order_id: orderId, line_item_number: lineItemNumber } },
        options,
      );
    },

    /** listSubscriptionActivationLinks */
    listSubscriptionActivationLinks(customerId: string, subscriptionId: string, options: CallOptions = {}) {
      return call<OrderLineItemActivationLinkCollection>(
        "listSubscriptionActivationLinks",
        { path: { customer_id: customerId, subscription_id: subscriptionId } },
        options,
      );
    },

    /** createOrderAttachments: uploads purchase-order (and tender) files as multipart/form-data. */
    createOrderAttachments(customerId: string, orderId: string, input: OrderAttachmentsInput, options: CallOptions = {}) {
      // Part names as the REST reference has them (E1).
      const upload = { Metadata: input?.metadata, POFiles: input?.poFiles, Tender: input?.tender };
      return call<OrderAttachmentCollection>(
        "createOrderAttachments",
        { path: { customer_id: customerId, order_id: orderId }, body: upload },
        options,
      );
    },
  };
}

export type OrdersApi = ReturnType<typeof ordersApi>;
