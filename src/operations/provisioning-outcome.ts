// Whether an order has finished provisioning, and how: a pure decision on the order's status and
// its line items' provisioning states (D31). Statuses are compared as .NET compares enum members
// (any casing, underscores ignored); one this does not know is never taken as done, and is reported.
import type { OrderLineItemProvisioningStatusCollection, PlacedOrder } from "../../generated/schema";
import { enumKey } from "../validation/bind";

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
 * in the first group are final whatever they say; the rest are still on their way.
 */
const ORDER_STATUS: Readonly<Record<string, "line items" | Exclude<ProvisioningOutcome, "timed_out" | "fulfilled"> | "waiting">> = {
  completed: "line items",
  partialsuccess: "partial",
  cancelled: "cancelled",
  pendingpoupload: "needs_purchase_order",
  poreviewrejected: "failed",
  error: "failed",
  pending: "waiting",
  pouploadcomplete: "waiting",
  pendingreview: "waiting",
  suspended: "waiting",
  unknown: "waiting",
};

/** The documented line-item states (D11): only `fulfilled` is provisioned. */
const LINE_ITEM_STATUS: Readonly<Record<string, boolean>> = { fulfilled: true, unfulfilled: false, prefulfillmentpending: false };

export function judgeProvisioning(order: PlacedOrder, provisioning?: OrderLineItemProvisioningStatusCollection): ProvisioningVerdict {
  const unrecognised: string[] = [];
  const meaning = ORDER_STATUS[enumKey(order.status ?? "")];
  if (meaning === undefined) unrecognised.push(`order: ${order.status ?? "(none)"}`);
  const items = provisioning?.items ?? [];
  for (const item of items) {
    if (LINE_ITEM_STATUS[enumKey(item.status)] === undefined) unrecognised.push(`line item ${item.lineItemNumber}: ${item.status}`);
  }
  if (meaning === undefined || meaning === "waiting") return { done: false, unrecognised };
  if (meaning !== "line items") return { done: true, outcome: meaning, unrecognised };
  // A completed order is judged by its line items, once they are all known.
  if (!provisioning || unrecognised.length) return { done: false, unrecognised };
  const fulfilled = items.filter((item) => LINE_ITEM_STATUS[enumKey(item.status)]).length;
  const outcome = fulfilled === items.length ? "fulfilled" : fulfilled === 0 ? "failed" : "partial";
  return { done: true, outcome, unrecognised };
}
