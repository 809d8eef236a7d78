// What the service checks of each line of a purchase against the catalog and the prerequisites,
// for createOrder and checkoutCart alike: a current availability (404 400019, D66) that is
// purchasable (403 800020) in the customer's country (400 800070), the customer's
// MCA acceptance where the SKU lists it (403 13605), an inventory that is not restricted
// (400 800010) and an indirect reseller that has signed the MPA (403 900123). Offers of products
// the catalog does not hold are let through: the fake knows nothing of them.
import { errorAnswer, type Answer } from "../wire/answers";
import { CUSTOMER_COUNTRY, type Catalog } from "./catalog";
import type { Prerequisites } from "./prerequisites";

export interface PurchaseLine {
  offerId: string;
  /** The indirect reseller of record, by MPN id, if any. */
  resellerId?: string | undefined;
}

export function purchaseRefusal(
  catalog: Catalog,
  prerequisites: Prerequisites,
  customerId: string,
  lines: readonly PurchaseLine[],
): Answer | undefined {
  for (const { offerId, resellerId } of lines) {
    const [productId = ""] = offerId.split(":");
    if (catalog.has(productId)) {
      const found = catalog.availability(offerId);
      if (!found) return errorAnswer(404, 400019, "Availability not found", [offerId]);
      if (found.availability.isPurchasable === false) {
        return errorAnswer(403, 800020, "The catalog item isn't eligible for purchase.", [offerId]);
      }
      if (found.availability.country.toLowerCase() !== CUSTOMER_COUNTRY.toLowerCase()) {
        return errorAnswer(400, 800070, "Offer isn't available in the specified country/region.", [offerId]);
      }
      const prerequisitesOfSku = Array.isArray(found.sku.purchasePrerequisites) ? found.sku.purchasePrerequisites : [];
      if (prerequisitesOfSku.includes("MicrosoftCustomerAgreement") && !prerequisites.hasAcceptedMca(customerId)) {
        return errorAnswer(
          403,
          13605,
          "Either a partner confirmation of the customer acceptance of the Microsoft Customer Agreement must be provided or the customer must accept the Microsoft Customer Agreement in the Microsoft Admin Center before you can complete this purchase",
        );
      }
      if (prerequisites.isRestricted(found.product.id, found.sku.id)) {
        return errorAnswer(400, 800010, "Inventory isn't available for this catalog item.", [offerId]);
      }
    }
    if (resellerId !== undefined && !prerequisites.hasSignedMpa(resellerId)) {
      return errorAnswer(403, 900123, "Microsoft Partner Agreement hasn't been accepted by the indirect reseller");
    }
  }
  return undefined;
}
