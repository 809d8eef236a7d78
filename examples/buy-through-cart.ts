import { createPartnerCenterClient } from "partner-center-orders";
const pc = createPartnerCenterClient({
  credential: process.env.PARTNER_CENTER_TOKEN ?? "token",
  baseUrl: process.env.PARTNER_CENTER_BASE_URL,
});
const customerId = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const cart = await pc.carts.create(customerId, {
  lineItems: [
    // The docs' example offer id; yours is an availability's catalogItemId from pc.catalog, read at purchase time.
    { catalogItemId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 5, billingCycle: "monthly", termDuration: "P1M" },
    { catalogItemId: "DG7GMGF0DWM3:0002:DG7GMGF0DT1M", quantity: 1, billingCycle: "one_time" },
  ],
});
const cartId = cart.id!; // store it before checking out: after a crash, check the same cart out again
const { groups } = await pc.carts.checkoutAndWait(customerId, cartId); // one order per order group, each waited for
for (const group of groups) {
  if (group.kind === "refused") console.log(`group ${group.orderGroup}: refused, ${group.code} ${group.description}`);
  else if (group.kind === "waitFailed")
    console.log(`group ${group.orderGroup}: order ${group.order.id} placed, not waited out: ${group.error.message}`);
  else {
    console.log(`group ${group.orderGroup}: order ${group.order.id} ${group.outcome}`);
    for await (const subscription of pc.subscriptions.listByOrder(customerId, group.order.id)) {
      console.log(`  subscription ${subscription.id}: ${subscription.offerId} x${subscription.quantity}`);
    }
  }
}
