import { createPartnerCenterClient } from "partner-center-orders";
import { startFakePartnerCenter } from "partner-center-orders/testing";

// A fake Partner Center on a free loopback port: no account, no token, no network.
const fake = await startFakePartnerCenter();
const pc = createPartnerCenterClient({ credential: "any-token", baseUrl: fake.url });
// An offer id is an availability's catalogItemId (product:sku:availability), read with pc.catalog at purchase
// time ("Finding what to buy"); this one is the docs' example (AI Builder Capacity add-on).
const order = await pc.orders.create("b0d70a69-4c42-4b27-b17b-91a835d8686a", {
  billingCycle: "monthly",
  lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }],
});
console.log(order.id, order.status); // pending: provisioning is asynchronous (see "Waiting for an order")
await fake.close();
