// What a subscription change may be, as pure decisions on the subscription as read: whether the
// service would refuse it for a window that has passed (D71), the whole resource to send with the
// change applied (D70), whether a read shows the change (after a 202, D72), and whether a 202's
// Location is the subscription's own path.
import type { Subscription } from "../../generated/schema";
import type { ValidationProblem } from "../errors";

/** What a partner changes on a subscription; the rest of the resource is sent back as read. */
export type SubscriptionChanges = Partial<
  Pick<
    Subscription,
    | "quantity"
    | "friendlyName"
    | "autoRenewEnabled"
    | "status"
    | "partnerId"
    | "billingCycle"
    | "termDuration"
    | "scheduledNextTermInstructions"
    | "nextChargeInstructions"
  >
>;

const CHANGEABLE: readonly (keyof SubscriptionChanges)[] = [
  "quantity",
  "friendlyName",
  "autoRenewEnabled",
  "status",
  "partnerId",
  "billingCycle",
  "termDuration",
  "scheduledNextTermInstructions",
  "nextChargeInstructions",
];

/** The changes that are set: null and undefined mean "leave as read", as the service binds them. */
export function givenChanges(changes: SubscriptionChanges): SubscriptionChanges {
  const given: Record<string, unknown> = {};
  for (const name of CHANGEABLE) {
    const value = (changes as Record<string, unknown>)[name];
    if (value !== undefined && value !== null) given[name] = value;
  }
  return given;
}

/**
 * The subscription to send: the read, whole, with the changes over it, so that a PATCH never turns
 * auto-renew off or deletes the next-term instructions by leaving them out (update-a-subscription-by-id).
 */
export function withChanges(current: Subscription, changes: SubscriptionChanges): Subscription {
  return { ...current, ...givenChanges(changes) };
}

const at = (text: unknown) => (typeof text === "string" ? Date.parse(text) : Number.NaN);

/** The seats that may be removed at `now`: every tranche whose window is still open (D71). */
function removableSeats(current: Subscription, now: number): number | undefined {
  const refundable = current.refundableQuantity;
  if (!refundable) return undefined;
  if (!Array.isArray(refundable.details)) return refundable.totalQuantity;
  return refundable.details
    .filter((tranche) => at(tranche.allowedUntilDateTime) > now)
    .reduce((sum, tranche) => sum + (tranche.quantity ?? 0), 0);
}

/**
 * Why the service would refuse this change for a window that has passed, with the dates, or none:
 * a cancel (`status: deleted`) after `cancellationAllowedUntilDate`, the last moment allowed (900117), and a seat decrease
 * larger than the seats whose `refundableQuantity` window is open (900257). What the read does not
 * show (no date, no refundable quantity: a legacy subscription) is left to the service.
 */
export function changeProblems(current: Subscription, changes: SubscriptionChanges, now: number): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const given = givenChanges(changes);
  const until = at(current.cancellationAllowedUntilDate);
  if (given.status === "deleted" && current.status !== "deleted" && until < now) {
    problems.push({
      path: "changes.status",
      message: `cannot cancel: the cancellation window ended at ${current.cancellationAllowedUntilDate} (the service answers 400 900117)`,
    });
  }
  const removing = given.quantity === undefined ? 0 : (current.quantity ?? 0) - given.quantity;
  const removable = removableSeats(current, now);
  if (removing > 0 && removable !== undefined && removing > removable) {
    const closed = (current.refundableQuantity?.details ?? [])
      .map((tranche) => tranche.allowedUntilDateTime)
      .filter((date): date is string => typeof date === "string" && at(date) <= now);
    problems.push({
      path: "changes.quantity",
      message:
        `cannot remove ${removing} seats: ${removable} may be removed now` +
        (closed.length ? ` (the window for the others ended at ${closed.join(", ")})` : "") +
        " (the service answers 400 900257)",
    });
  }
  return problems;
}

/** Whether a read shows every change (the 202's change applied). */
export function showsChanges(read: Subscription, changes: SubscriptionChanges): boolean {
  const given = givenChanges(changes) as Record<string, unknown>;
  const shown = read as unknown as Record<string, unknown>;
  // What a server shows is data: a value too deep to compare is a change that has not shown.
  const same = (name: string) => {
    try {
      return JSON.stringify(shown[name]) === JSON.stringify(given[name]);
    } catch {
      return false;
    }
  };
  return Object.keys(given).every(same);
}

/** Whether a 202's Location is the subscription's own path (with or without `/v1`, in any case). */
export function isSubscriptionLocation(location: string, customerId: string, subscriptionId: string): boolean {
  const own = `/customers/${encodeURIComponent(customerId)}/subscriptions/${encodeURIComponent(subscriptionId)}`;
  const path = location.replace(/^\/v1(?=\/)/i, "");
  return path.toLowerCase() === own.toLowerCase();
}
