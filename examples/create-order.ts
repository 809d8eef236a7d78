import { createPartnerCenterClient } from "partner-center-orders";
const pc = createPartnerCenterClient({
  credential: process.env.PARTNER_CENTER_TOKEN ?? "token", // or an @azure/identity credential
  baseUrl: process.env.PARTNER_CENTER_BASE_URL, // unset: the real API; `npm run mock` serves a mock on http://127.0.0.1:4010
});
const order = await pc.orders.create("b0d70a69-4c42-4b27-b17b-91a835d8686a", {
  billingCycle: "monthly",
  // The docs' example offer id; yours is an availability's catalogItemId from pc.catalog, read at purchase time.
  lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }],
});
console.log(order.id, order.status); // retries reuse one MS-RequestId; failures throw PartnerCenterError
