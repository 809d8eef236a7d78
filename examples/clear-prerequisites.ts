import { createPartnerCenterClient, isStaleCatalogItemError } from "partner-center-orders";
const pc = createPartnerCenterClient({
  credential: process.env.PARTNER_CENTER_TOKEN ?? "token",
  baseUrl: process.env.PARTNER_CENTER_BASE_URL,
});
const customerId = process.env.CUSTOMER_ID ?? "b0d70a69-4c42-4b27-b17b-91a835d8686a";
// Every purchasable offer of a view for this customer: product, SKU, availability, read once each.
for await (const { catalogItemId, sku } of pc.catalog.offers(customerId, { targetView: "MicrosoftAzure" })) {
  const needs = sku.purchasePrerequisites ?? [];
  if (needs.includes("MicrosoftCustomerAgreement")) {
    // Without it the purchase is refused 403 13605. templateId is read from the MCA's metadata.
    await pc.prerequisites.createCustomerAgreement(customerId, {
      primaryContact: { firstName: "Tania", lastName: "Carr", email: "someone@example.com" },
      dateAgreed: new Date(),
    });
    console.log(`confirmed the customer's MCA acceptance for ${sku.title}`);
  }
  try {
    const order = await pc.orders.create(customerId, { lineItems: [{ offerId: catalogItemId, quantity: 1 }] });
    console.log(`ordered ${catalogItemId}: ${order.status}`);
  } catch (error) {
    // 404 400019: the availability was reissued since it was read; read it again and retry.
    if (!isStaleCatalogItemError(error)) throw error;
    console.log(`stale: ${catalogItemId}`);
  }
}
