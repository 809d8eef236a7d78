// pc.orders: one method per Orders operation, named after its operationId (create, get, update
// and list for the four core ones). Each returns the typed body or throws PartnerCenterError.
import type {
  BillingCycle,
  Order,
  OrderCollection,
  OrderLineItem,
  OrderLineItemProvisioningStatusCollection,
  PlacedOrder,
  operations,
} from "../../generated/schema";
import { PartnerCenterValidationError } from "../errors";
import type { CallOptions } from "../options";
import { numberLineItems } from "../rules/line-items";
import { bindRequest, type RequestParts } from "../rules/request";
import { bodyDigest, KeyedBodies, requestIdFor } from "../calls/idempotency-key";
import { callOperation, type CallIds, type ClientCore, type OperationCall } from "../calls/call";
import { listPages, type Follow, type ListOptions } from "../calls/list-pages";
import { pathWithQuery } from "../calls/paging";
import { orderDocumentsApi } from "./order-documents";
import {
  provisioningPoller,
  waitForProvisioning,
  type PollerDeps,
  type PollOptions,
  type ProvisioningPoller,
  type ProvisioningResult,
} from "../polling/poller";
import { waitProblems } from "../polling/poller-state";

/**
 * A new order's line item: the `OrderLineItem` model with a quantity. `lineItemNumber` may be
 * left out on every line, and the client numbers them 0..n-1.
 */
export type OrderLineItemInput = Omit<OrderLineItem, "lineItemNumber" | "quantity"> & {
  lineItemNumber?: number;
  quantity: number;
};

/** `one_time` as a .NET member name: `OneTime`. */
type MemberName<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Capitalize<Head>}${MemberName<Capitalize<Tail>>}`
  : Capitalize<S>;

/**
 * A billing cycle as a request may spell it: the value the service writes (`one_time`) or the
 * .NET member name the docs show (`OneTime`, `Annual`), which the service binds too (D4, D30). The
 * client sends the first.
 */
export type BillingCycleInput = BillingCycle | MemberName<BillingCycle>;

/** The body of `orders.create`: the `Order` model with at least one line item. */
export type OrderCreateInput = Omit<Order, "lineItems" | "billingCycle"> & {
  lineItems: OrderLineItemInput[];
  billingCycle?: BillingCycleInput;
};

/** The body of `orders.update`: the `Order` model, whole (as read) or just the fields to change. */
export type OrderUpdateInput = Omit<Order, "billingCycle"> & { billingCycle?: BillingCycleInput };

export type BillingType = NonNullable<operations["listOrders"]["parameters"]["query"]>["billingType"];

export interface ListOrdersOptions extends ListOptions {
  /** Only orders with this billing cycle (note `onetime`, the member name; see D1). */
  billingType?: BillingType | undefined;
  /** Return line-item pricing and the order total. */
  includePrice?: boolean | undefined;
  /** Include orders the system created. */
  includeSystemPurchases?: boolean | undefined;
  /** Only orders placed for this indirect reseller. */
  indirectResellerId?: string | undefined;
}

export interface CreateOrderOptions extends CallOptions {
  /** Sent as `x-ms-customeruser-upn`: the customer's user to assign the purchased licenses to (D26). */
  customerUserUpn?: string | undefined;
  /**
   * Your own key for this purchase (a job's id, say): the MS-RequestId is derived from it (with the
   * customer and the operation), so the same key sends the same id from any process, after any
   * restart, and the service answers a re-sent create as the first. How long the service remembers
   * an MS-RequestId is undocumented: a cart checkout is the documented idempotent purchase. A key
   * this client used for another order is refused. Not with `requestId`.
   */
  idempotencyKey?: string | undefined;
}

export interface GetOrderOptions extends CallOptions {
  includePrice?: boolean | undefined;
}

export interface UpdateOrderOptions extends CallOptions {
  /** The order's `attributes.etag`, for optimistic concurrency. */
  ifMatch?: string | undefined;
}

/** createAndWait's options: createOrder's, and how to wait (resuming is pollProvisioning's). */
export type CreateAndWaitOptions = CreateOrderOptions & Omit<PollOptions, "resumeFrom">;

export function ordersApi(core: ClientCore, follow: Follow, baseUrl: string, pollerDeps: PollerDeps) {
  const call: OperationCall = (operationId, request, options) => callOperation(core, operationId, request, options);
  // The bodies this client sent under each idempotency key's id.
  const keyedBodies = new KeyedBodies();
  const create = (customerId: string, order: OrderCreateInput, options: CreateOrderOptions = {}) =>
    placeOrder(call, keyedBodies, customerId, order, options);

  return {
    /**
     * createOrder: places an order. Answers the order in `pending`; provisioning is asynchronous.
     * Takes what the service takes: keys in any casing, `null` as "not set", read-only fields
     * (left out of what is sent).
     */
    create,

    /** getOrder: one order; with includePrice, its line items' prices. */
    async get(customerId: string, orderId: string, options: GetOrderOptions = {}): Promise<PlacedOrder> {
      const path = { customer_id: customerId, order_id: orderId };
      return call<PlacedOrder>("getOrder", { path, query: { include_price: options.includePrice } }, options);
    },

    /**
     * updateOrder: the order as read with a field changed, or only the fields to change; a cancel
     * is `{ id, status: "cancelled" }`. Read-only fields are left out of what is sent.
     */
    async update(
      customerId: string,
      orderId: string,
      order: OrderUpdateInput,
      options: UpdateOrderOptions = {},
    ): Promise<PlacedOrder> {
      const path = { customer_id: customerId, order_id: orderId };
      return call<PlacedOrder>("updateOrder", { path, header: { "If-Match": options.ifMatch }, body: order }, options);
    },

    /**
     * listOrders: every order of the customer, page after page as `links.next` leads, holding
     * one page at a time. Each page is its own call with its own ids. The service lists a new
     * order up to 15 minutes after it is placed (D38): read a new order by id with `get`.
     */
    list(customerId: string, options: ListOrdersOptions = {}): AsyncGenerator<PlacedOrder, void, undefined> {
      return listOrders(call, { follow, baseUrl }, customerId, options);
    },

    ...orderProvisioningApi(call, pollerDeps, create),
    ...orderDocumentsApi(call),
  };
}

/** createOrder, with its line items numbered and an idempotency key turned into its MS-RequestId. */
async function placeOrder(
  call: OperationCall,
  keyedBodies: KeyedBodies,
  customerId: string,
  order: OrderCreateInput,
  options: CreateOrderOptions,
): Promise<PlacedOrder> {
  const header = { "x-ms-customeruser-upn": options.customerUserUpn };
  const body = withNumberedLineItems(order);
  const request = { path: { customer_id: customerId }, header, body };
  if (options.idempotencyKey === undefined) return call<PlacedOrder>("createOrder", request, options);
  const requestId = await keyedRequestId(keyedBodies, options, customerId, request);
  return call<PlacedOrder>("createOrder", request, { ...options, requestId });
}

async function* listOrders(
  call: OperationCall,
  links: { follow: Follow; baseUrl: string },
  customerId: string,
  options: ListOrdersOptions,
): AsyncGenerator<PlacedOrder, void, undefined> {
  const query = {
    billingType: options.billingType,
    include_price: options.includePrice,
    include_system_purchases: options.includeSystemPurchases,
    indirect_reseller_id: options.indirectResellerId,
  };
  const list = {
    operationId: "listOrders" as const,
    subject: `customer ${customerId}`,
    firstPath: pathWithQuery(`/customers/${encodeURIComponent(customerId)}/orders`, query),
    first: (ids: CallIds) =>
      call<OrderCollection>("listOrders", { path: { customer_id: customerId }, query }, { ...options, ...ids }),
  };
  yield* listPages<PlacedOrder>(list, options, links.follow, links.baseUrl);
}

/** Provisioning on pc.orders: its status, and waiting for it to finish. */
function orderProvisioningApi(
  call: OperationCall,
  pollerDeps: PollerDeps,
  create: (customerId: string, order: OrderCreateInput, options?: CreateOrderOptions) => Promise<PlacedOrder>,
) {
  return {
    /**
     * getOrderProvisioningStatus: the line items' provisioning states. App+User credentials only
     * (Admin agent or Global admin, D35): an App-only token is refused with 403.
     */
    async getOrderProvisioningStatus(customerId: string, orderId: string, options: CallOptions = {}) {
      return call<OrderLineItemProvisioningStatusCollection>(
        "getOrderProvisioningStatus",
        { path: { customer_id: customerId, order_id: orderId } },
        options,
      );
    },

    /**
     * Waits for an order to finish provisioning: one state per poll when iterated, the outcome from
     * pollUntilDone(), and toString() to resume in another process. Refuses bad waits or a
     * resumeFrom of another order with nothing sent.
     */
    pollProvisioning(customerId: string, orderId: string, options: PollOptions = {}): ProvisioningPoller {
      return provisioningPoller(pollerDeps, customerId, orderId, options);
    },

    /** createOrder, then waits for its provisioning: the first poll after intervalMs. */
    async createAndWait(
      customerId: string,
      order: OrderCreateInput,
      options: CreateAndWaitOptions = {},
    ): Promise<ProvisioningResult> {
      const { intervalMs, maxIntervalMs, maxWaitMs, ...createOptions } = options;
      const waits = { intervalMs, maxIntervalMs, maxWaitMs };
      const problems = waitProblems(waits, Object.keys(waits));
      if (problems.length) throw new PartnerCenterValidationError("createAndWait", problems);
      const created = await create(customerId, order, createOptions);
      return waitForProvisioning(pollerDeps, customerId, created, { ...waits, signal: options.signal });
    },
  };
}

/**
 * The MS-RequestId of a create with an idempotency key, once the key is known to be sound and not
 * used by this client for another order (compared as the service would bind the two bodies).
 */
async function keyedRequestId(
  bodies: KeyedBodies,
  options: CreateOrderOptions,
  customerId: string,
  request: RequestParts,
): Promise<string> {
  const key: unknown = options.idempotencyKey;
  const at = "options.idempotencyKey";
  const refuse = (message: string): never => {
    throw new PartnerCenterValidationError("createOrder", [{ path: at, message }]);
  };
  if (typeof key !== "string" || key === "" || key.length > 1_024) refuse("must be a string of 1 to 1,024 characters");
  if (options.requestId !== undefined) refuse("derives the MS-RequestId: give it or requestId, not both");
  if (typeof customerId !== "string") return refuse("needs the customer id as a string");
  const requestId = await requestIdFor(key as string, "createOrder", customerId);
  const bound = bindRequest("createOrder", request);
  // A body the binder refuses is refused by the call itself, with every problem listed.
  // The customer user is part of the purchase: the same key for another user is another order.
  const upn = typeof options.customerUserUpn === "string" ? options.customerUserUpn.toLowerCase() : null;
  if (!bound.problems.length && bodies.conflicts(requestId, await bodyDigest({ body: bound.body, upn }))) {
    refuse("was used by this client for another order: a new purchase needs a new key (the service would answer 409)");
  }
  return requestId;
}

/**
 * The order with its line items numbered, under the key the caller wrote them under (in any
 * casing). An order that throws when read is given back as it is, for binding to refuse.
 */
function withNumberedLineItems(order: unknown): unknown {
  try {
    if (order === null || typeof order !== "object") return order;
    const key = Object.keys(order).find((k) => k.toLowerCase() === "lineitems");
    const items = key === undefined ? undefined : (order as Record<string, unknown>)[key];
    return Array.isArray(items) ? { ...order, [key!]: numberLineItems(items) } : order;
  } catch {
    return order;
  }
}

export type OrdersApi = ReturnType<typeof ordersApi>;
export type { OrderAttachmentsInput } from "./order-documents";
