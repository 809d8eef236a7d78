// The Orders operations: a function per operation, named after its operationId, taking the client
// first (createOrder(pc, ...)), so that a bundle keeps the ones it calls; and pc.orders, the same
// bound to one client (create, get, update and list for the four core ones). Each returns the
// typed body or rejects with PartnerCenterError.
import type {
  BillingCycle,
  Order,
  OrderCollection,
  OrderLineItem,
  OrderLineItemProvisioningStatusCollection,
  PlacedOrder,
  operations,
} from "../../generated/schema";
import {
  createOrderRule,
  getOrderProvisioningStatusRule,
  getOrderRule,
  listOrdersRule,
  updateOrderRule,
} from "../../generated/request-rules";
import { PartnerCenterValidationError } from "../errors";
import type { CallOptions } from "../options";
import { numberLineItems } from "../rules/line-items";
import { bindOperation, type RequestParts } from "../rules/bind-request";
import { createOrderCheck, updateOrderCheck } from "../rules/operation-checks";
import type { Operation } from "../rules/rule-types";
import { bodyDigest, KeyedBodies, requestIdFor } from "../calls/idempotency-key";
import { callOperation, type CallIds, type ClientCore } from "../calls/call";
import { callWith, coreOf, perClient, type PartnerCenterCore } from "../calls/core-handle";
import { followLinks } from "../calls/follow";
import { listPages, type ListOptions } from "../calls/list-pages";
import { pathWithQuery } from "../calls/paging";
import { boundTo } from "./bound-to";
import { orderDocumentsApi } from "./order-documents";
import {
  pollerDepsOf,
  provisioningPoller,
  waitForProvisioning,
  type PollOptions,
  type ProvisioningPoller,
  type ProvisioningResult,
} from "../polling/poller";
import { checkedWaits } from "../polling/poller-state";

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

const CREATE_ORDER: Operation = { rule: createOrderRule, check: createOrderCheck };
const GET_ORDER: Operation = { rule: getOrderRule };
const UPDATE_ORDER: Operation = { rule: updateOrderRule, check: updateOrderCheck };
const LIST_ORDERS: Operation = { rule: listOrdersRule };
const GET_ORDER_PROVISIONING_STATUS: Operation = { rule: getOrderProvisioningStatusRule };

/** The bodies a client sent under each idempotency key's id. */
const keyedBodiesOf = /* @__PURE__ */ perClient((_core: ClientCore) => new KeyedBodies());

/**
 * createOrder: places an order. Answers the order in `pending`; provisioning is asynchronous.
 * Takes what the service takes: keys in any casing, `null` as "not set", read-only fields (left
 * out of what is sent). Line items without a `lineItemNumber` are numbered 0..n-1.
 */
export async function createOrder(
  client: PartnerCenterCore,
  customerId: string,
  order: OrderCreateInput,
  options: CreateOrderOptions = {},
): Promise<PlacedOrder> {
  const core = coreOf(client, "createOrder");
  const header = { "x-ms-customeruser-upn": options.customerUserUpn };
  const body = withNumberedLineItems(order);
  const request = { path: { customer_id: customerId }, header, body };
  if (options.idempotencyKey === undefined) return callOperation<PlacedOrder>(core, CREATE_ORDER, request, options);
  const requestId = await keyedRequestId(keyedBodiesOf(core), options, customerId, request);
  return callOperation<PlacedOrder>(core, CREATE_ORDER, request, { ...options, requestId });
}

/** getOrder: one order; with includePrice, its line items' prices. */
export async function getOrder(
  client: PartnerCenterCore,
  customerId: string,
  orderId: string,
  options: GetOrderOptions = {},
): Promise<PlacedOrder> {
  const path = { customer_id: customerId, order_id: orderId };
  return callWith(client, GET_ORDER, { path, query: { include_price: options.includePrice } }, options);
}

/**
 * updateOrder: the order as read with a field changed, or only the fields to change; a cancel is
 * `{ id, status: "cancelled" }`. Read-only fields are left out of what is sent.
 */
export async function updateOrder(
  client: PartnerCenterCore,
  customerId: string,
  orderId: string,
  order: OrderUpdateInput,
  options: UpdateOrderOptions = {},
): Promise<PlacedOrder> {
  const path = { customer_id: customerId, order_id: orderId };
  const request = { path, header: { "If-Match": options.ifMatch }, body: order };
  return callWith(client, UPDATE_ORDER, request, options);
}

/**
 * listOrders: every order of the customer, page after page as `links.next` leads, holding one
 * page at a time. Each page is its own call with its own ids. The service lists a new order up to
 * 15 minutes after it is placed (D38): read a new order by id with getOrder.
 */
export async function* listOrders(
  client: PartnerCenterCore,
  customerId: string,
  options: ListOrdersOptions = {},
): AsyncGenerator<PlacedOrder, void, undefined> {
  const core = coreOf(client, "listOrders");
  const query = {
    billingType: options.billingType,
    include_price: options.includePrice,
    include_system_purchases: options.includeSystemPurchases,
    indirect_reseller_id: options.indirectResellerId,
  };
  const list = {
    operationId: "listOrders",
    subject: `customer ${customerId}`,
    firstPath: () => pathWithQuery(`/customers/${encodeURIComponent(customerId)}/orders`, query),
    first: (ids: CallIds) =>
      callOperation<OrderCollection>(
        core,
        LIST_ORDERS,
        { path: { customer_id: customerId }, query },
        { ...options, ...ids },
      ),
  };
  yield* listPages<PlacedOrder>(list, options, followLinks(core), core.baseUrl);
}

/**
 * getOrderProvisioningStatus: the line items' provisioning states. App+User credentials only
 * (Admin agent or Global admin, D35): an App-only token is refused with 403.
 */
export async function getOrderProvisioningStatus(
  client: PartnerCenterCore,
  customerId: string,
  orderId: string,
  options: CallOptions = {},
): Promise<OrderLineItemProvisioningStatusCollection> {
  const path = { customer_id: customerId, order_id: orderId };
  return callWith(client, GET_ORDER_PROVISIONING_STATUS, { path }, options);
}

/**
 * Waits for an order to finish provisioning: one state per poll when iterated, the outcome from
 * pollUntilDone(), and toString() to resume in another process. Refuses bad waits or a resumeFrom
 * of another order with nothing sent.
 */
export function pollProvisioning(
  client: PartnerCenterCore,
  customerId: string,
  orderId: string,
  options: PollOptions = {},
): ProvisioningPoller {
  return provisioningPoller(pollerDepsOf(client), customerId, orderId, options);
}

/** createOrder, then waits for its provisioning: the first poll after intervalMs. */
export async function createOrderAndWait(
  client: PartnerCenterCore,
  customerId: string,
  order: OrderCreateInput,
  options: CreateAndWaitOptions = {},
): Promise<ProvisioningResult> {
  const { waits, rest: createOptions } = checkedWaits(options, "createAndWait");
  const created = await createOrder(client, customerId, order, createOptions);
  return waitForProvisioning(pollerDepsOf(client), customerId, created, { ...waits, signal: options.signal });
}

/** pc.orders: the functions above and the order's documents, bound to one client. */
export function ordersApi(client: PartnerCenterCore) {
  const on = boundTo(client);
  return {
    /** createOrder: places an order (see createOrder). */
    create: on(createOrder),
    /** getOrder: one order; with includePrice, its line items' prices. */
    get: on(getOrder),
    /** updateOrder: the order as read with a field changed, or only the fields to change (see updateOrder). */
    update: on(updateOrder),
    /** listOrders: every order of the customer, page after page (see listOrders). */
    list: on(listOrders),
    /** getOrderProvisioningStatus: the line items' provisioning states; App+User credentials only. */
    getOrderProvisioningStatus: on(getOrderProvisioningStatus),
    /** Waits for an order to finish provisioning (see pollProvisioning). */
    pollProvisioning: on(pollProvisioning),
    /** createOrder, then waits for its provisioning: the first poll after intervalMs. */
    createAndWait: on(createOrderAndWait),
    ...orderDocumentsApi(client),
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
  const bound = bindOperation(createOrderRule, request);
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
