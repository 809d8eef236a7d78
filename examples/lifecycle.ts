import { createPartnerCenterClient, type PlacedOrder } from "partner-center-orders";
const pc = createPartnerCenterClient({ credential: process.env.PARTNER_CENTER_TOKEN ?? "token", baseUrl: process.env.PARTNER_CENTER_BASE_URL });
const customerId = "b0d70a69-4c42-4b27-b17b-91a835d8686a";

const order = await pc.orders.create(customerId, {
  billingCycle: "monthly",
  lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 5 }], // numbered 0..n-1 for you
});

for await (const o of pc.orders.list(customerId, { billingType: "monthly" })) {
  console.log(o.id, o.status); // every page, following links.next, one page in memory
}

await pc.orders.update(customerId, order.id, { status: "cancelled" });
const provisioning = await pc.orders.getOrderProvisioningStatus(customerId, order.id);
console.log(provisioning.items.map((item) => `${item.lineItemNumber}: ${item.status}`).join(", "));

// Any Link the API returns; the type argument says what it answers (follow gives unknown without one).
const again = await pc.follow<PlacedOrder>(order.links!.self!);
console.log(again.id, again.status);
