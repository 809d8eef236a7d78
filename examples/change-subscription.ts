import { createPartnerCenterClient, isPartnerCenterValidationError } from "partner-center-orders";
const pc = createPartnerCenterClient({
  credential: process.env.PARTNER_CENTER_TOKEN ?? "token",
  baseUrl: process.env.PARTNER_CENTER_BASE_URL,
});
const customerId = "b0d70a69-4c42-4b27-b17b-91a835d8686a";

// Microsoft 365 Business Basic, new commerce; the id is an availability's catalogItemId from pc.catalog.
const { order } = await pc.orders.createAndWait(
  customerId,
  { lineItems: [{ offerId: "CFQ7TTC0LH18:0001:CFQ7TTC0K971", quantity: 3, termDuration: "P1Y" }] },
  { intervalMs: 100 },
);
const subscriptionId = order.lineItems[0]!.subscriptionId!;

// Read, changed, sent back whole: auto-renew and the next term's instructions stay as they were.
const more = await pc.subscriptions.update(customerId, subscriptionId, { quantity: 5 });
console.log(
  `seats ${more.quantity}, auto-renew ${more.autoRenewEnabled}, removable ${more.refundableQuantity?.totalQuantity}`,
);

// Seats go only within 7 days of their purchase: after that, refused before sending, with the dates.
const fewer = await pc.subscriptions.update(customerId, subscriptionId, { quantity: 4 }).catch((error: unknown) => {
  if (!isPartnerCenterValidationError(error)) throw error;
  console.log(error.problems[0]!.message);
});
console.log(`seats ${fewer?.quantity}`);

// Suspended, billing goes on; a cancel (status deleted) is the way out, within its window.
const cancelled = await pc.subscriptions.cancel(customerId, subscriptionId);
console.log(`${cancelled.status}; cancellable until ${cancelled.cancellationAllowedUntilDate}`);
