import { createOrder, createPartnerCenterCore, getOrder, listOrders } from "partner-center-orders";
// A core and the functions you call: a bundler keeps only those operations' code and rules.
const core = createPartnerCenterCore({
  credential: process.env.PARTNER_CENTER_TOKEN ?? "token",
  baseUrl: process.env.PARTNER_CENTER_BASE_URL,
});
const customerId = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const order = await createOrder(core, customerId, {
  // The docs' example offer id; yours is an availability's catalogItemId from pc.catalog, read at purchase time.
  lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }],
});
console.log(order.id, (await getOrder(core, customerId, order.id)).status);
for await (const listed of listOrders(core, customerId)) console.log(listed.id);
