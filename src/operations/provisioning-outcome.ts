// Whether an order has finished provisioning, and how: a pure decision on the order's status and
// its line items' provisioning states (D31). Statuses are compared as .NET compares enum members
// (any casing, underscores ignored); one this does not know is never taken as done, and is reported.
import type { OrderLineItemProvisioningStatusCollection, PlacedOrder } from "../../generated/schema";
import { printable } from "../printable";
import { enumKey } from "../validation/bind";

/** A value from the server, as the state reports it: cut and printable. */
const shown = (value: unknown) =>
  value === undefined || value === null ? "(none)"
  : typeof value === "string" ? printable(value, 100)
  : typeof value === "number" || typeof value === "boolean" ? String(value)
  : `(${Array.isArray(value) ? "an array" : `a ${typeof value}`})`;

export type ProvisioningOutcome = "fulfilled" | "failed" | "cancelled" | "needs_purchase_order" | "partial" | "timed_out";

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
const ORDER_STATUS: ReadonlyMap<string, "line items" | Exclude<ProvisioningOutcome, "timed_out" | "fulfilled"> | "waiting"> = new Map([
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
const LINE_ITEM_STATUS: ReadonlyMap<string, boolean> = new Map([["fulfilled", true], ["unfulfilled", false], ["prefulfillmentpending", false]]);
const lineItemStatus = (status: unknown) => (typeof status === "string" ? LINE_ITEM_STATUS.get(enumKey(status)) : undefined);

export interface JudgeOptions {
  /**
   * The line items' provisioning states cannot be read (an App-only credential, which
   * getOrderProvisioningStatus refuses): a completed order's line items are judged by their
   * subscription ids, which the service sets once a line is provisioned (D35).
   */
  orderAlone?: boolean;
}

export function judgeProvisioning(order: PlacedOrder, provisioning?: OrderLineItemProvisioningStatusCollection, options: JudgeOptions = {}): ProvisioningVerdict {
  if (options.orderAlone) return judgeOrderAlone(order);
  const unrecognised: string[] = [];
  const meaning = typeof order.status === "string" ? ORDER_STATUS.get(enumKey(order.status)) : undefined;
  if (meaning === undefined) unrecognised.push(`order: ${shown(order.status)}`);
  const items = provisioning?.items ?? [];
  for (const item of items) {
    if (lineItemStatus(item.status) === undefined) unrecognised.push(`line item ${shown(item.lineItemNumber)}: ${shown(item.status)}`);
  }
  if (meaning === undefined || meaning === "waiting") return { done: false, unrecognised };
  if (meaning !== "line items") return { done: true, outcome: meaning, unrecognised };
  // A completed order is judged by its line items, once they are all known.
  if (!provisioning || unrecognised.length) return { done: false, unrecognised };
  const fulfilled = items.filter((item) => lineItemStatus(item.status)).length;
  const outcome = fulfilled === items.length ? "fulfilled" : fulfilled === 0 ? "failed" : "partial";
  return { done: true, outcome, unrecognised };
}

function judgeOrderAlone(order: PlacedOrder): ProvisioningVerdict {
  const meaning = typeof order.status === "string" ? ORDER_STATUS.get(enumKey(order.status)) : undefined;
  const unrecognised = meaning === undefined ? [`order: ${shown(order.status)}`] : [];
  if (meaning === undefined || meaning === "waiting") return { done: false, unrecognised };
  if (meaning !== "line items") return { done: true, outcome: meaning, unrecognised };
  const lines = Array.isArray(order.lineItems) ? order.lineItems : [];
  const provisioned = lines.filter((line) => typeof line?.subscriptionId === "string" && line.subscriptionId !== "").length;
  const outcome = lines.length > 0 && provisioned === lines.length ? "fulfilled" : provisioned === 0 ? "failed" : "partial";
  return { done: true, outcome, unrecognised };
}
