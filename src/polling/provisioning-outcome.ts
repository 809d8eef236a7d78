// Whether an order has finished provisioning, and how: a pure decision on the order's status and
// its line items' provisioning states (D31). Statuses are compared as .NET compares enum members
// (any casing, underscores ignored); one this does not know is never taken as done, and is reported.
import type { OrderLineItemProvisioningStatusCollection, PlacedOrder } from "../../generated/schema";
import { printableValue as shown } from "../internal/printable";
import { enumKey } from "../rules/bind";

export type ProvisioningOutcome =
  "fulfilled" | "failed" | "cancelled" | "needs_purchase_order" | "partial" | "timed_out";

export interface ProvisioningVerdict {
  done: boolean;
  /** Set when done. */
  outcome?: Exclude<ProvisioningOutcome, "timed_out">;
  /** Statuses not known to the client, as `order: <status>` or `line item <n>: <status>`; never taken as done. */
  unrecognised: string[];
}

/**
 * What each order status means for waiting. `completed` is decided by the line items; the others
 * in the first group are final whatever they say; the rest are still on their way. Maps, not
 * object literals: a status is the server's data, and `constructor` must find nothing.
 */
const ORDER_STATUS: ReadonlyMap<
  string,
  "line items" | Exclude<ProvisioningOutcome, "timed_out" | "fulfilled"> | "waiting"
> = new Map([
  ["completed", "line items"],
  ["partialsuccess", "partial"],
  ["cancelled", "cancelled"],
  ["pendingpoupload", "needs_purchase_order"],
  ["poreviewrejected", "failed"],
  ["error", "failed"],
  ["pending", "waiting"],
  ["pouploadcomplete", "waiting"],
  ["pendingreview", "waiting"],
  ["suspended", "waiting"],
  ["unknown", "waiting"],
] as const);

/** The documented line-item states (D11): only `fulfilled` is provisioned. */
const LINE_ITEM_STATUS: ReadonlyMap<string, boolean> = new Map([
  ["fulfilled", true],
  ["unfulfilled", false],
  ["prefulfillmentpending", false],
]);
const lineItemStatus = (status: unknown) =>
  typeof status === "string" ? LINE_ITEM_STATUS.get(enumKey(status)) : undefined;

export interface JudgeOptions {
  /**
   * The line items' provisioning states cannot be read (an App-only credential, which
   * getOrderProvisioningStatus refuses): a completed order's line items are judged by their
   * subscription ids, which the service sets once a line is provisioned (D35).
   */
  orderAlone?: boolean;
}

export function judgeProvisioning(
  order: PlacedOrder,
  provisioning?: OrderLineItemProvisioningStatusCollection,
  options: JudgeOptions = {},
): ProvisioningVerdict {
  const unrecognised: string[] = [];
  const meaning = typeof order.status === "string" ? ORDER_STATUS.get(enumKey(order.status)) : undefined;
  if (meaning === undefined) unrecognised.push(`order: ${shown(order.status)}`);
  // Each line item provisioned or not: by its state when read, else by its subscription id.
  let lines: boolean[];
  if (options.orderAlone) {
    lines = (Array.isArray(order.lineItems) ? order.lineItems : []).map(
      (line) => typeof line?.subscriptionId === "string" && line.subscriptionId !== "",
    );
  } else {
    const items = provisioning?.items ?? [];
    for (const item of items) {
      if (lineItemStatus(item.status) === undefined)
        unrecognised.push(`line item ${shown(item.lineItemNumber)}: ${shown(item.status)}`);
    }
    lines = items.map((item) => lineItemStatus(item.status) === true);
  }
  if (meaning === undefined || meaning === "waiting") return { done: false, unrecognised };
  if (meaning !== "line items") return { done: true, outcome: meaning, unrecognised };
  // A completed order is judged by its line items, once they are all known.
  if ((!options.orderAlone && !provisioning) || unrecognised.length) return { done: false, unrecognised };
  const fulfilled = lines.filter(Boolean).length;
  // Read states with no line at all are all fulfilled, as before; an order without lines proves nothing.
  const all = fulfilled === lines.length && (lines.length > 0 || !options.orderAlone);
  const outcome = all ? "fulfilled" : fulfilled === 0 ? "failed" : "partial";
  return { done: true, outcome, unrecognised };
}
