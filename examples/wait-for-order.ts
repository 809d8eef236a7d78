import { createPartnerCenterClient } from "partner-center-orders";
const pc = createPartnerCenterClient({
  credential: process.env.PARTNER_CENTER_TOKEN ?? "token",
  baseUrl: process.env.PARTNER_CENTER_BASE_URL,
});
const customerId = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const order = await pc.orders.create(customerId, {
  // The docs' example offer id; yours is an availability's catalogItemId from pc.catalog, read at purchase time.
  lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }],
});
const poller = pc.orders.pollProvisioning(customerId, order.id, { maxWaitMs: 15 * 60_000 }); // polls now, then after 2 s, 4 s, ... 60 s
let saved = poller.toString(); // keep it where a restart finds it (a database row, a queue message)
for await (const state of poller) {
  console.log(`poll ${state.polls}: ${state.order.status}`); // one state per poll: { order, provisioning, done, outcome }
  saved = poller.toString(); // pollProvisioning(customerId, order.id, { resumeFrom: saved }) carries on from here
}
const { outcome, order: placed } = await poller.pollUntilDone(); // fulfilled, failed, cancelled, needs_purchase_order, partial, timed_out
console.log(outcome, JSON.parse(saved).polls, placed.lineItems.map((line) => line.subscriptionId).join(","));
