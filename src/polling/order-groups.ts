// Which order group of a cart each order of its checkout was placed for. The checkout's orders do
// not say; a group's order holds exactly the group's catalog items, so the two are matched by
// their items. A pure decision on data from the service: an order matching no group, or two
// groups alike, leaves its group unnamed rather than guessed.
import type { CartLineItem, PlacedOrder } from "../../generated/schema";

/** A list of catalog item ids, as one comparable key. */
const itemsKey = (ids: unknown[]) =>
  JSON.stringify(ids.map((id) => (typeof id === "string" ? id.toLowerCase() : "")).sort());

/** The order group of each order, in the orders' order; undefined where it cannot be told. */
export function groupOfOrders(lines: readonly CartLineItem[], orders: readonly PlacedOrder[]): (string | undefined)[] {
  const byGroup = new Map<string, unknown[]>();
  for (const line of (Array.isArray(lines) ? lines : []) as readonly CartLineItem[]) {
    if (line === null || typeof line !== "object" || typeof line.orderGroup !== "string") continue;
    let ids = byGroup.get(line.orderGroup);
    if (!ids) byGroup.set(line.orderGroup, (ids = []));
    // A legacy add-on is bought with its base, in the base's order.
    ids.push(line.catalogItemId);
    for (const id of addOnIds(line)) ids.push(id);
  }
  const groupsByKey = new Map<string, string[]>();
  for (const [group, ids] of byGroup) {
    const key = itemsKey(ids);
    const groups = groupsByKey.get(key);
    if (groups) groups.push(group);
    else groupsByKey.set(key, [group]);
  }
  return orders.map((order) => {
    const items = Array.isArray(order?.lineItems) ? order.lineItems : [];
    const matches = groupsByKey.get(itemsKey(items.map((item) => item?.offerId)));
    return matches?.length === 1 ? matches[0] : undefined;
  });
}

/** The catalog items of a line's add-ons (`addonItems`), read from the service's data without throwing. */
function addOnIds(line: CartLineItem): unknown[] {
  const addOns: unknown = line.addonItems;
  return Array.isArray(addOns) ? addOns.map((addOn: { catalogItemId?: unknown } | null) => addOn?.catalogItemId) : [];
}
