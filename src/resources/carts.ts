// The Carts operations, the purchase path Microsoft's guides document: a function per operation,
// named after its operationId, and checkoutCartAndWait, which waits for every order a checkout
// placed; pc.carts has them bound to one client (create, get, update, checkout, checkoutAndWait). A checkout is idempotent by the service's own promise (D43): a
// process that dies after sending it checks out the same cart id again and gets the same orders.
import type { Cart, CartCheckoutResult, CartLineItem, OrderError, PlacedOrder } from "../../generated/schema";
import { isPartnerCenterError, PartnerCenterError } from "../errors";
import { printable } from "../internal/printable";
import type { CallOptions } from "../options";
import { callWith, type PartnerCenterCore } from "../calls/core-handle";
import { checkoutCartRule, createCartRule, getCartRule, updateCartRule } from "../../generated/request-rules";
import { createCartCheck, updateCartCheck } from "../rules/operation-checks";
import type { Operation } from "../rules/rule-types";
import { boundTo } from "./bound-to";
import type { BillingCycleInput } from "./orders";
import { pollerDepsOf, waitForProvisioning, type ProvisioningResult, type WaitOptions } from "../polling/poller";
import { checkedWaits } from "../polling/poller-state";
import { groupOfOrders } from "../polling/order-groups";

/** A cart line item to buy: the `CartLineItem` model with its catalog item, quantity and billing cycle. */
export type CartLineItemInput = Omit<CartLineItem, "catalogItemId" | "quantity" | "billingCycle"> & {
  catalogItemId: string;
  quantity: number;
  billingCycle: BillingCycleInput;
};

/** The body of `carts.create` and `carts.update`: the `Cart` model with at least one line item. */
export type CartInput = Omit<Cart, "lineItems"> & { lineItems: CartLineItemInput[] };

export interface CheckoutCartOptions extends CallOptions {
  /** Sent as `x-ms-customeruser-upn`: the customer's user to assign the purchased licenses to (D26). */
  customerUserUpn?: string | undefined;
}

/** checkoutAndWait's options: checkoutCart's, and how to wait for each order (pollProvisioning's). */
export type CheckoutAndWaitOptions = CheckoutCartOptions & Omit<WaitOptions, "signal">;

/** What became of one order group of a checked-out cart. */
export type CheckoutGroupResult =
  /** The group's order was placed and waited for: `outcome` says how its provisioning ended. */
  | ({ kind: "placed"; orderGroup: string | undefined } & ProvisioningResult)
  /** The checkout could not place the group (its `orderErrors` entry): nothing was bought for it. */
  | {
      kind: "refused";
      orderGroup: string | undefined;
      code: number | string | undefined;
      description: string | undefined;
    }
  /** The group's order was placed, but waiting for it failed: its state is unknown, not failed. */
  | { kind: "waitFailed"; orderGroup: string | undefined; order: PlacedOrder; error: PartnerCenterError };

export interface CheckoutAndWaitResult {
  cartId: string;
  /** The checkout's answer as the service gave it. */
  checkout: CartCheckoutResult;
  /** One entry per order placed, in the checkout's order, then one per order group refused. */
  groups: CheckoutGroupResult[];
}

const CREATE_CART: Operation = { rule: createCartRule, check: createCartCheck };
const GET_CART: Operation = { rule: getCartRule };
const UPDATE_CART: Operation = { rule: updateCartRule, check: updateCartCheck };
const CHECKOUT_CART: Operation = { rule: checkoutCartRule };
const cartPath = (customerId: string, cartId: string) => ({ customer_id: customerId, cart_id: cartId });

/**
 * createCart: a cart holding the line items to buy, grouped by the service into order groups. It
 * bills nothing until checked out and expires 7 days after it is created (D41). Store its id
 * before checking it out: the id is what makes the checkout safe to repeat.
 */
export async function createCart(
  client: PartnerCenterCore,
  customerId: string,
  cart: CartInput,
  options: CallOptions = {},
): Promise<Cart> {
  return callWith(client, CREATE_CART, { path: { customer_id: customerId }, body: cart }, options);
}

/** getCart: `Active` until checked out, `Ordered` after; 404 800008 once it has expired. */
export async function getCart(
  client: PartnerCenterCore,
  customerId: string,
  cartId: string,
  options: CallOptions = {},
): Promise<Cart> {
  return callWith(client, GET_CART, { path: cartPath(customerId, cartId) }, options);
}

/**
 * updateCart: the cart as read with its line items changed (a Cart read by getCart is taken as it
 * is). Read-only fields are left out of what is sent.
 */
export async function updateCart(
  client: PartnerCenterCore,
  customerId: string,
  cartId: string,
  cart: CartInput | Cart,
  options: CallOptions = {},
): Promise<Cart> {
  return callWith(client, UPDATE_CART, { path: cartPath(customerId, cartId), body: cart }, options);
}

/**
 * checkoutCart: places one order per order group and answers them, with the groups it could not
 * place in `orderErrors`. Safe to call again for the same cart, after a crash or a lost answer:
 * the service answers the first checkout's result and places nothing (D43). Retried like a GET;
 * 409 800064 (another checkout of this cart is running) is waited out (D43).
 */
export async function checkoutCart(
  client: PartnerCenterCore,
  customerId: string,
  cartId: string,
  options: CheckoutCartOptions = {},
): Promise<CartCheckoutResult> {
  const header = { "x-ms-customeruser-upn": options.customerUserUpn };
  return callWith(client, CHECKOUT_CART, { path: cartPath(customerId, cartId), header }, options);
}

/**
 * Checks the cart out and waits for every order it placed (each with the provisioning poller,
 * within the client's pacing). Answers per order group: placed with its outcome, refused by the
 * checkout, or placed but not waited out. Reads the cart first to name each order's group.
 */
export async function checkoutCartAndWait(
  client: PartnerCenterCore,
  customerId: string,
  cartId: string,
  options: CheckoutAndWaitOptions = {},
): Promise<CheckoutAndWaitResult> {
  const { waits, rest: checkoutOptions } = checkedWaits(options, "checkoutAndWait");
  // The caller's ids belong to the checkout; the read of the cart has its own.
  const cart = await getCart(client, customerId, cartId, { signal: options.signal, timeoutMs: options.timeoutMs });
  const checkout = await checkoutCart(client, customerId, cartId, checkoutOptions).catch((error: unknown) => {
    throw withLinesInError(error, cart);
  });
  const orders = placedOrdersOf(checkout, cartId);
  const groups = groupOfOrders(cart.lineItems ?? [], orders);
  const deps = pollerDepsOf(client);
  const settled = await Promise.allSettled(
    orders.map((order) => waitForProvisioning(deps, customerId, order, { ...waits, signal: options.signal })),
  );
  const aborted = settled.find(
    (s) => s.status === "rejected" && isPartnerCenterError(s.reason) && s.reason.code === "ABORTED",
  );
  if (aborted) throw (aborted as PromiseRejectedResult).reason;
  const placed = settled.map((outcome, i): CheckoutGroupResult => {
    const orderGroup = groups[i];
    if (outcome.status === "fulfilled") return { kind: "placed", orderGroup, ...outcome.value };
    const error = outcome.reason as PartnerCenterError;
    return { kind: "waitFailed", orderGroup, order: orders[i]!, error };
  });
  const refused = (Array.isArray(checkout.orderErrors) ? checkout.orderErrors : []).map(
    (e: OrderError): CheckoutGroupResult => ({
      kind: "refused",
      orderGroup: e.orderGroupId,
      code: e.code,
      description: e.description,
    }),
  );
  return { cartId, checkout, groups: [...placed, ...refused] };
}

/** pc.carts: the functions above, bound to one client. */
export function cartsApi(client: PartnerCenterCore) {
  const on = boundTo(client);
  return {
    /** createCart: a cart of line items to buy; it expires 7 days after it is created (see createCart). */
    create: on(createCart),
    /** getCart: `Active` until checked out, `Ordered` after; 404 800008 once it has expired. */
    get: on(getCart),
    /** updateCart: the cart as read with its line items changed (see updateCart). */
    update: on(updateCart),
    /** checkoutCart: places one order per order group; safe to call again for the same cart (D43). */
    checkout: on(checkoutCart),
    /** Checks the cart out and waits for every order it placed (see checkoutCartAndWait). */
    checkoutAndWait: on(checkoutCartAndWait),
  };
}

export type CartsApi = ReturnType<typeof cartsApi>;

/** A checkout refused 800009 ("Error in cart item(s)") that does not say which: the cart's own lines in error named. */
function withLinesInError(error: unknown, cart: Cart): unknown {
  if (!isPartnerCenterError(error) || String(error.code) !== "800009" || error.data?.length) return error;
  const lines = (Array.isArray(cart.lineItems) ? cart.lineItems : []).filter((line) => line?.error);
  if (!lines.length) return error;
  const named = lines
    .slice(0, 5)
    .map((line) =>
      printable(
        `lineItems[${String(line.id)}]: ${String(line.error?.errorCode ?? "")} ${String(line.error?.errorDescription ?? "")}`.trim(),
        200,
      ),
    );
  return new PartnerCenterError(`${error.message}; lines in error: ${named.join("; ")}`, { ...error, cause: error });
}

/**
 * The orders a checkout answer says it placed, or an INVALID_RESPONSE that names every order id it
 * did carry: an answer that is not a checkout's must not read as "nothing was bought" (D46).
 */
export function placedOrdersOf(checkout: unknown, cartId: string): PlacedOrder[] {
  const answer = (checkout ?? {}) as { orders?: unknown; orderErrors?: unknown };
  const invalid = (why: string, placed: unknown[] = []) => {
    const ids = placed.flatMap((order) =>
      typeof (order as { id?: unknown } | null)?.id === "string" ? [printable((order as { id: string }).id, 100)] : [],
    );
    return new PartnerCenterError(
      `checkoutCart for cart ${printable(cartId, 100)} answered ${why}${ids.length ? `; placed: ${ids.join(", ")}; read them with pc.orders.get` : ""}`,
      { code: "INVALID_RESPONSE", isRetryable: false },
    );
  };
  if (answer.orders === undefined && answer.orderErrors === undefined)
    throw invalid("neither orders nor orderErrors: not a checkout's answer");
  if (answer.orders === undefined) return [];
  if (!Array.isArray(answer.orders)) throw invalid("orders is not a list");
  const bad = answer.orders.findIndex(
    (order: { id?: unknown } | null) => order === null || typeof order !== "object" || typeof order.id !== "string",
  );
  if (bad !== -1) throw invalid(`orders[${bad}] is not an order with an id`, answer.orders);
  return answer.orders as PlacedOrder[];
}
