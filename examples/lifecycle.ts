import { createPartnerCenterClient, type PlacedOrder } from "partner-center-orders";
const pc = createPartnerCenterClient({
  credential: process.env.PARTNER_CENTER_TOKEN ?? "token",
  baseUrl: process.env.PARTNER_CENTER_BASE_URL,
});
const customerId = "b0d70a69-4c42-4b27-b17b-91a835d8686a";

// A software subscription (the docs' own): updateOrder cancels those. A new-commerce order is
// refused (400 800063): cancel its subscription instead (pc.subscriptions.cancel, below).
const order = await pc.orders.create(customerId, {
  billingCycle: "monthly",
  // The docs' software offer id; yours is an availability's catalogItemId from pc.catalog.
  lineItems: [{ offerId: "DG7GMGF0FKZV:0003:DG7GMGF0DWMS", quantity: 5 }], // numbered 0..n-1 for you
});
const read = await pc.orders.get(customerId, order.id); // by id: a new order is listed up to 15 minutes later
console.log(read.id, read.status);

const cancelled = await pc.orders.update(customerId, order.id, { id: order.id, status: "cancelled" });
console.log(cancelled.status);

for await (const o of pc.orders.list(customerId, { billingType: "monthly" })) {
  console.log(o.id, o.status); // every page, following links.next, one page in memory
}

// Any Link the API returns; the type argument says what it answers (follow gives unknown without one).
const again = await pc.follow<PlacedOrder>(order.links!.self!);
console.log(again.id, again.status);
