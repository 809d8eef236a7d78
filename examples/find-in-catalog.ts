import { createPartnerCenterClient } from "partner-center-orders";
const pc = createPartnerCenterClient({
  credential: process.env.PARTNER_CENTER_TOKEN ?? "token",
  baseUrl: process.env.PARTNER_CENTER_BASE_URL,
});
// Product, then SKU, then availability: its catalogItemId is what a cart line names.
for await (const product of pc.catalog.listProducts("US", { targetView: "OnlineServices" })) {
  for (const sku of await pc.catalog.listSkus("US", product.id)) {
    for (const availability of await pc.catalog.listAvailabilities("US", product.id, sku.id)) {
      const term = availability.terms?.[0];
      console.log(`${sku.title}: ${availability.catalogItemId} ${term?.duration} ${term?.billingCycle}`);
      console.log(`  before buying: ${(sku.purchasePrerequisites ?? []).join(", ") || "nothing"}`);
    }
  }
}
