// The contract command's checks against a live endpoint: the customer's orders page by page (as
// links.next leads, within the client's paging bounds), one order, its provisioning status, its
// activation links and its subscriptions, a cart when one is named, and with writes an order
// created and cancelled. Each answer must be a success
// and match the spec (status documented, headers, body). Without a customer, only a customer that
// is not the partner's is read. Then, with --fuzz, generated requests.
import { randomUUID } from "node:crypto";
import type { ValidationProblem } from "../errors";
import { printable, reasonOf } from "../internal/printable";
import { resolveLink } from "../calls/links";
import type { OperationName } from "../rules/operation-types";
import { pageKey, readPage, type PagingState } from "../calls/paging";
import { mayCall } from "../rules/credential-kinds";
import type { RequestParts } from "../rules/request";
import type { ContractArgs } from "./cli-args";
import { fuzzableOperations, fuzzOperation, type Answer, type SendRaw } from "./fuzz";
import { validateResponse } from "./validate-response";

export interface CheckResult {
  /** Which check: the operation and what is checked, the same in every run. */
  name: string;
  /** What this run checked it on (an order id), when the run's data picks it. */
  subject?: string;
  status?: number;
  problems: ValidationProblem[];
  /** Why the check did not run. */
  skipped?: string;
  /** What to re-run by hand: a failing generated request as a curl line. */
  details?: string;
  /** No answer came: the request could not be sent or its answer never arrived. */
  unreachable?: boolean;
  ms: number;
}

/** More pages than a contract run needs to see paging work. */
const MAX_PAGES = 100;

const timed = async (work: () => Promise<Omit<CheckResult, "ms">>): Promise<CheckResult> => {
  const started = performance.now();
  const result = await work();
  return { ...result, ms: Math.round(performance.now() - started) };
};

/** What a check takes as its answer's status: the problem with it, or undefined. */
type StatusJudge = (answer: Answer) => string | undefined;

const success: StatusJudge = (answer) =>
  answer.status >= 300 ? `expected a success, got ${answer.status}: ${answer.text.slice(0, 200)}` : undefined;

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

/** Sends one request and holds its answer to the spec: a status the judge takes (a success unless told), documented, conforming. */
async function check(
  send: SendRaw,
  name: string,
  operationId: OperationName,
  method: string,
  path: string,
  request: RequestParts,
  judge = success,
): Promise<CheckResult & { answer?: Answer }> {
  let answer: Answer | undefined;
  const result = await timed(async () => {
    try {
      answer = await send(method, path, request);
    } catch (error) {
      return {
        name,
        unreachable: true,
        problems: [{ path: "request", message: `could not be sent: ${reasonOf(error)}` }],
      };
    }
    const problems = validateResponse(operationId, answer.status, answer.text, answer.headers).problems;
    const wrong = judge(answer);
    if (wrong) problems.unshift({ path: "status", message: wrong });
    return { name, status: answer.status, problems };
  });
  return { ...result, answer };
}

const LIST_PATH = "/customers/{customer_id}/orders";

const json = (answer: Answer | undefined): unknown => {
  try {
    return answer ? JSON.parse(answer.text) : undefined;
  } catch {
    return undefined;
  }
};

const NO_ORDER = "the customer has no order to read";

/** The checks of one customer's orders: every page, one order, its provisioning and activation links; with writes, an order created and cancelled. */
async function customerChecks(send: SendRaw, args: ContractArgs, customerId: string): Promise<CheckResult[]> {
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
    seen: new Set([pageKey(`/customers/${encodeURIComponent(customerId)}/orders`)]),
    pages: 1,
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
    return [...reads.map(([name]) => name), "listSubscriptionsByOrder"].map((name) => ({
      name,
      problems: [],
      skipped: NO_ORDER,
      ms: 0,
    }));
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
    "listSubscriptionsByOrder",
    "listSubscriptionsByOrder",
    "GET",
    "/customers/{customer_id}/subscriptions",
    { path: { customer_id: customerId }, query: { order_id: orderId } },
  );
  results.push({ ...subscriptions, subject });
  return results;
}

/** With --writes sandbox: an order created, then cancelled, and the check fails if the cancel did. */
async function writeChecks(send: SendRaw, args: ContractArgs, customerId: string): Promise<CheckResult[]> {
  const path = { customer_id: customerId };
  const body = { lineItems: [{ lineItemNumber: 0, offerId: args.offerId, quantity: 1 }] };
  const created = await check(send, "createOrder (sandbox)", "createOrder", "POST", LIST_PATH, { path, body });
  const id = (json(created.answer) as { id?: unknown } | undefined)?.id;
  if (typeof id !== "string")
    return [created, { name: "updateOrder: cancel (sandbox)", problems: [], skipped: "no order was created", ms: 0 }];
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

/**
 * A 403 to an operation the docs give to App+User credentials alone (x-credentials, D35) is the
 * service refusing an App-only token: not a contract violation, a check this token cannot run.
 */
function needsAppUser(
  operationId: OperationName,
  result: CheckResult & { answer?: Answer },
): CheckResult & { answer?: Answer } {
  if (result.status !== 403 || mayCall(operationId, "app")) return result;
  return {
    ...result,
    problems: [],
    skipped:
      "needs App+User credentials (the token was refused with 403, as an App-only token is): sign in App+User to run it",
  };
}

const NO_CUSTOMER = "no --customer (or PARTNER_CENTER_CUSTOMER_ID): these checks read a customer's orders";

/**
 * Without a customer: the orders of a customer that is not the partner's, which must get a
 * documented answer (an empty list, a 403 or a 404, as the service decides) other than a 401, and
 * the checks that need a customer, listed as skipped.
 */
async function noCustomerChecks(send: SendRaw, args: ContractArgs): Promise<CheckResult[]> {
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
    {
      name: "the customer's orders, one order, its provisioning, activation links and subscriptions, a cart",
      problems: [],
      skipped: NO_CUSTOMER,
      ms: 0,
    },
  ];
  if (args.writes) skipped.push({ name: "createOrder (sandbox)", problems: [], skipped: NO_CUSTOMER, ms: 0 });
  return [probe, ...skipped];
}

export async function runChecks(send: SendRaw, args: ContractArgs): Promise<CheckResult[]> {
  const results = args.customerId
    ? await customerChecks(send, args, args.customerId)
    : await noCustomerChecks(send, args);

  if (args.fuzz > 0) {
    for (const operationId of fuzzableOperations(args.writes)) {
      results.push(
        await timed(async () => {
          const report = await fuzzOperation(operationId, send, args.baseUrl, args.fuzz, args.seed);
          const name = `generated ${operationId} (${report.requests} requests)`;
          if (!report.failure) return { name, problems: [] };
          const { what, problems, curl } = report.failure;
          return { name, problems: problems.map((p) => ({ ...p, message: `${p.message} (${what})` })), details: curl };
        }),
      );
    }
  }
  return results.map(({ answer: _answer, ...result }: CheckResult & { answer?: Answer }) => result);
}

/** Whether no check got any answer at all: the endpoint could not be reached, which is not a contract violation. */
export function unreachable(results: readonly CheckResult[]): boolean {
  const sent = results.filter((r) => !r.skipped);
  return sent.length > 0 && sent.every((r) => r.unreachable);
}
