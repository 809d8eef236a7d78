// Whether Partner Center cancels an order by updateOrder, as its docs say (cancel an order from
// the integration sandbox; cancel software purchases; error codes): a pure decision on what the
// order bought, the kind of tenant and the order's age. spec/README.md D37 has the sources.
import type { PlacedOrder } from "../../../generated/schema";

/** What an offer is, for cancelling: unlisted offers are new commerce, as almost every licence sold today is. */
export type OfferKind =
  | "new-commerce"
  | "software"
  | "perpetual-software"
  | "reserved-instance"
  | "marketplace"
  | "seat-based-saas"
  | "azure-plan";

/** A production partner tenant, or an integration sandbox (a test-in-production account). */
export type Tenant = "production" | "sandbox";

export const OFFER_KINDS: readonly OfferKind[] = [
  "new-commerce",
  "software",
  "perpetual-software",
  "reserved-instance",
  "marketplace",
  "seat-based-saas",
  "azure-plan",
];

const lower = (value: unknown) => (typeof value === "string" ? value.toLowerCase() : undefined);

/**
 * What a catalog product's offers are, for cancelling (D69): its productType says new commerce
 * (`OnlineServicesNCE`), software (perpetual when listed in `SoftwarePerpetual`) or Azure, where
 * a product with no subtype is the Azure plan and one with a subtype a reservation or savings plan;
 * a product listed in `MarketplaceSaaS` is marketplace. Anything else is new commerce, as almost
 * every licence sold today is.
 */
export function offerKindOf(product: { views: readonly string[]; productType?: unknown }): OfferKind {
  const views = new Set(product.views.map((view) => view.toLowerCase()));
  const type = typeof product.productType === "object" && product.productType !== null ? product.productType : {};
  const { id, subType } = type as { id?: unknown; subType?: { id?: unknown } | null };
  if (views.has("marketplacesaas")) return "marketplace";
  switch (lower(id)) {
    case "software":
      return views.has("softwareperpetual") ? "perpetual-software" : "software";
    case "azure":
      return lower(subType?.id) === undefined ? "azure-plan" : "reserved-instance";
    default:
      return "new-commerce";
  }
}

/** Sandbox orders older than this cannot be cancelled. */
export const SANDBOX_CANCEL_WINDOW_MS = 60 * 24 * 3_600_000;

export interface Refusal {
  status: number;
  code: number;
  description: string;
}

/** Why `order` cannot be cancelled, with the documented status and code; undefined when it can. */
export function cancellationRefusal(
  order: PlacedOrder,
  customerId: string,
  kindOf: (offerId: string) => OfferKind,
  tenant: Tenant,
  now: number,
): Refusal | undefined {
  if (order.status === "cancelled") return { status: 400, code: 800061, description: "Order can't be canceled." };
  const kinds = new Set(order.lineItems.map((line) => kindOf(line.offerId)));
  if (kinds.has("new-commerce")) {
    return {
      status: 400,
      code: 800063,
      description: `This order ${order.id} can't be canceled. Use PATCH /customers/${customerId}/subscriptions/<id> to suspend subscriptions`,
    };
  }
  if (kinds.has("azure-plan")) return { status: 400, code: 800061, description: "Order can't be canceled." };
  if (kinds.has("seat-based-saas")) {
    return {
      status: 403,
      code: 800077,
      description: "Cancelling of seat-based SaaS isn't supported via patch order. Use patch subscription",
    };
  }
  if (tenant === "production" && (kinds.has("reserved-instance") || kinds.has("marketplace"))) {
    return {
      status: 403,
      code: 800019,
      description:
        "Non-Sandbox tenants are not allowed to cancel purchases other than software subscriptions and perpetual software",
    };
  }
  const placed = Date.parse(order.creationDate ?? "");
  if (tenant === "sandbox" && Number.isFinite(placed) && now - placed > SANDBOX_CANCEL_WINDOW_MS) {
    return {
      status: 400,
      code: 800061,
      description: "Order can't be canceled: sandbox orders older than 60 days cannot be cancelled.",
    };
  }
  return undefined;
}
