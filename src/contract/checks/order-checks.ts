// The contract command's order checks: the customer's orders page by page (as links.next leads,
// within the client's paging bounds), one order, its provisioning status, its activation links and
// its subscriptions, a cart when one is named, and with writes an order created and cancelled.
// Without a customer, only a customer that is not the partner's is read.
import { randomUUID } from "node:crypto";
import { printable } from "../../internal/printable";
import { resolveLink } from "../../calls/links";
import { readPage, type PagingState } from "../../calls/paging";
import type { ContractArgs } from "../cli-args";
import type { SendRaw } from "../fuzz";
import { check, json, needsAppUser, skippedCheck, type CheckResult, type Checked, type StatusJudge } from "./check";

/** More pages than a contract run needs to see paging work. */
const MAX_PAGES = 100;

/**
 * The cleanup of the order the check placed: anything but a success leaves an order behind, so the
 * check fails, even on a refusal the service documents (new commerce: 800063; Azure plan, old
 * sandbox orders: 800061; seat-based SaaS: 800077; reserved instances and marketplace outside a
 * sandbox: 800019; D37), and says which offer to pass instead.
 */
const cleanedUp =
  (orderId: string): StatusJudge =>
  (answer) => {
    if (answer.status < 300) return undefined;
    const code = (json(answer) as { code?: unknown } | undefined)?.code;
    const why = `${answer.status}${typeof code === "number" || typeof code === "string" ? ` ${printable(String(code), 20)}` : ""}`;
    return `cleanup failed: order ${printable(orderId, 100)} was placed and could not be cancelled (${why}); it stays on the account: pass --offer a software offer, which updateOrder cancels (D37)`;
  };

const LIST_PATH = "/customers/{customer_id}/orders";

const NO_ORDER = "the customer has no order to read";

/** The checks of one customer's orders: every page, one order, its provisioning and activation links; with writes, an order created and cancelled. */
export async function customerChecks(send: SendRaw, args: ContractArgs, customerId: string): Promise<CheckResult[]> {
  const { results, firstOrderId } = await pageChecks(send, args, customerId);
  results.push(...(await orderChecks(send, customerId, firstOrderId)));
  // A cart the caller named (carts cannot be listed): read, never checked out.
  if (args.cartId) {
    const path = { customer_id: customerId, cart_id: args.cartId };
    const cart = await check(send, "getCart", "getCart", "GET", "/customers/{customer_id}/carts/{cart_id}", { path });
    results.push({ ...cart, subject: `cart ${args.cartId}` });
  }
  if (args.writes) results.push(...(await writeChecks(send, args, customerId)));
  return results;
}

/** Every page of the customer's orders, as links.next leads, and the first order id they name. */
async function pageChecks(send: SendRaw, args: ContractArgs, customerId: string) {
  const results: CheckResult[] = [];
  const state: PagingState = {
    seen: new Set(),
    pages: 1,
    firstPath: () => `/customers/${encodeURIComponent(customerId)}/orders`,
  };
  const first = { path: { customer_id: customerId } };
  let page = await check(send, "listOrders, page 1", "listOrders", "GET", LIST_PATH, first);
  results.push(page);
  let firstOrderId: string | undefined;
  for (;;) {
    // A page that breaks the spec still names orders to check; only a sound page is followed.
    const step = readPage(json(page.answer), state, args.baseUrl, MAX_PAGES);
    firstOrderId ??= step.items.find((order) => typeof order.id === "string")?.id as string | undefined;
    if (step.problem && page.problems.length === 0) {
      const problems = [{ path: "links.next", message: step.problem }];
      results.push({ name: `listOrders, page ${state.pages}`, problems, ms: 0 });
    }
    if (!step.next || step.problem || page.problems.length) break;
    const target = resolveLink(step.next, args.baseUrl);
    if (Array.isArray(target)) break;
    state.pages += 1;
    const next = { header: target.headers };
    page = await check(send, `listOrders, page ${state.pages}`, "listOrders", "GET", target.path, next);
    results.push(page);
  }
  return { results, firstOrderId };
}

/** One order's reads: the order, its provisioning status, activation links and subscriptions. */
async function orderChecks(send: SendRaw, customerId: string, orderId: string | undefined): Promise<CheckResult[]> {
  const reads = [
    ["getOrder", ""],
    ["getOrderProvisioningStatus", "/provisioningstatus"],
    ["listOrderActivationLinks", "/activationlinks"],
  ] as const;
  if (orderId === undefined) {
    return [...reads.map(([name]) => name), "listSubscriptions, by order", "getSubscription"].map((name) =>
      skippedCheck(name, NO_ORDER),
    );
  }
  const results: CheckResult[] = [];
  const path = { customer_id: customerId, order_id: orderId };
  const subject = `order ${orderId}`;
  for (const [operationId, suffix] of reads) {
    const template = `/customers/{customer_id}/orders/{order_id}${suffix}`;
    const result = await check(send, operationId, operationId, "GET", template, { path });
    results.push(needsAppUser(operationId, { ...result, subject }));
  }
  // What the order bought: an order not yet provisioned has none, and an empty list conforms too.
  const subscriptions = await check(
    send,
    "listSubscriptions, by order",
    "listSubscriptions",
    "GET",
    "/customers/{customer_id}/subscriptions",
    { path: { customer_id: customerId }, query: { order_id: orderId } },
  );
  results.push({ ...subscriptions, subject });
  results.push(await subscriptionCheck(send, customerId, subscriptions));
  return results;
}

/** One subscription the order created, read by id: read-only, as every check but --writes. */
async function subscriptionCheck(send: SendRaw, customerId: string, list: Checked): Promise<CheckResult> {
  const items = (json(list.answer) as { items?: unknown } | undefined)?.items;
  const id = Array.isArray(items) ? (items[0] as { id?: unknown } | undefined)?.id : undefined;
  if (list.problems.length || typeof id !== "string" || id === "")
    return skippedCheck(
      "getSubscription",
      list.problems.length ? "listSubscriptions failed" : "the order has no subscription yet",
    );
  const path = { customer_id: customerId, subscription_id: id };
  const read = await check(
    send,
    "getSubscription",
    "getSubscription",
    "GET",
    "/customers/{customer_id}/subscriptions/{subscription_id}",
    { path },
  );
  return { ...read, subject: `subscription ${id}` };
}

/** With --writes sandbox: an order created, then cancelled, and the check fails if the cancel did. */
async function writeChecks(send: SendRaw, args: ContractArgs, customerId: string): Promise<CheckResult[]> {
  const path = { customer_id: customerId };
  const body = { lineItems: [{ lineItemNumber: 0, offerId: args.offerId, quantity: 1 }] };
  const created = await check(send, "createOrder (sandbox)", "createOrder", "POST", LIST_PATH, { path, body });
  const id = (json(created.answer) as { id?: unknown } | undefined)?.id;
  if (typeof id !== "string") return [created, skippedCheck("updateOrder: cancel (sandbox)", "no order was created")];
  const cancel = await check(
    send,
    "updateOrder: cancel (sandbox)",
    "updateOrder",
    "PATCH",
    "/customers/{customer_id}/orders/{order_id}",
    { path: { ...path, order_id: id }, body: { status: "cancelled" } },
    cleanedUp(id),
  );
  return [created, { ...cancel, subject: `order ${id}` }];
}

const NO_CUSTOMER = "no --customer (or PARTNER_CENTER_CUSTOMER_ID): these checks read a customer's orders";

/**
 * Without a customer: the orders of a customer that is not the partner's, which must get a
 * documented answer (an empty list, a 403 or a 404, as the service decides) other than a 401, and
 * the checks that need a customer, listed as skipped.
 */
export async function noCustomerChecks(send: SendRaw, args: ContractArgs): Promise<CheckResult[]> {
  const documented: StatusJudge = (answer) =>
    answer.status === 401
      ? "the token was refused (401)"
      : answer.status >= 500
        ? `expected a documented answer, got ${answer.status}`
        : undefined;
  const probe = await check(
    send,
    "listOrders, a customer not the partner's",
    "listOrders",
    "GET",
    "/customers/{customer_id}/orders",
    { path: { customer_id: randomUUID() } },
    documented,
  );
  const skipped = [
    skippedCheck(
      "the customer's orders, one order, its provisioning, activation links and subscriptions, one subscription, a cart",
      NO_CUSTOMER,
    ),
  ];
  if (args.writes) skipped.push(skippedCheck("createOrder (sandbox)", NO_CUSTOMER));
  return [probe, ...skipped];
}
