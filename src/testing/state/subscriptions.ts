// The subscriptions a fake order created: one per provisioned line item, with the order's id, as
// listSubscriptionsByOrder answers them.
import type { PlacedOrder, Subscription } from "../../../generated/schema";

/** How long a term runs, from its ISO 8601 duration (P1M, P1Y, P3Y); a month when there is none. */
function termEnd(start: Date, termDuration: string | undefined): Date {
  const [, years, months] = /^P(?:(\d+)Y)?(?:(\d+)M)?/.exec(termDuration ?? "") ?? [];
  const end = new Date(start);
  if (years || months) end.setUTCMonth(end.getUTCMonth() + 12 * Number(years ?? 0) + Number(months ?? 0));
  else end.setUTCMonth(end.getUTCMonth() + 1);
  return end;
}

export function subscriptionsOf(order: PlacedOrder): Subscription[] {
  const start = new Date(order.creationDate ?? Date.now());
  return order.lineItems.flatMap((line) => {
    if (!line.subscriptionId) return [];
    const self = `/customers/${order.referenceCustomerId}/subscriptions/${line.subscriptionId}`;
    return [
      {
        id: line.subscriptionId,
        offerId: line.offerId,
        ...(line.friendlyName ? { offerName: line.friendlyName, friendlyName: line.friendlyName } : {}),
        quantity: line.quantity ?? 0,
        unitType: "Licenses",
        creationDate: start.toISOString(),
        effectiveStartDate: start.toISOString(),
        commitmentEndDate: termEnd(start, line.termDuration).toISOString(),
        status: order.status === "cancelled" ? "deleted" : "active",
        autoRenewEnabled: true,
        billingType: "license",
        ...(order.billingCycle ? { billingCycle: order.billingCycle } : {}),
        ...(line.termDuration ? { termDuration: line.termDuration } : {}),
        isTrial: false,
        orderId: order.id,
        contractType: "subscription",
        links: { self: { uri: self, method: "GET", headers: [] } },
        attributes: { objectType: "Subscription" },
      },
    ];
  });
}
