// The fake's catalog: products by id, each with its SKUs and their availabilities, and the views
// each product is listed in; read as the by-country catalog operations read it. Ids are data:
// Maps, never an object's keys.

/** One availability as the catalog holds it: what an availability read answers, less its links. */
export interface CatalogAvailability {
  id: string;
  segment: string;
  country: string;
  terms?: unknown[];
  [field: string]: unknown;
}

export interface CatalogSku {
  id: string;
  availabilities: CatalogAvailability[];
  [field: string]: unknown;
}

export interface CatalogProduct {
  id: string;
  /** The `targetView`s that list it. */
  views: string[];
  skus: CatalogSku[];
  [field: string]: unknown;
}

/** The fake's customers are all in the US: a by-customer read is the US catalog's, and a purchase is made there. */
export const CUSTOMER_COUNTRY = "US";

const link = (uri: string) => ({ uri, method: "GET", headers: [] });

export class Catalog {
  private readonly products = new Map<string, CatalogProduct>();
  private issue = 0;

  constructor(private readonly given: readonly CatalogProduct[]) {
    this.reset();
  }

  /** The catalog as it was given, its availabilities' first ids back. */
  reset(): void {
    this.issue = 0;
    this.load((id) => id);
  }

  /** A copy of the products given (the caller's, or the default's), each availability's id as `idOf` makes it. */
  private load(idOf: (id: string) => string): void {
    this.products.clear();
    for (const product of structuredClone(this.given)) {
      for (const sku of product.skus) sku.availabilities = sku.availabilities.map((a) => ({ ...a, id: idOf(a.id) }));
      this.products.set(product.id, product);
    }
  }

  /** The products a view lists in a country: those with an availability there. */
  list(view: string, country: string): CatalogProduct[] {
    const wanted = view.toLowerCase();
    return [...this.products.values()].filter(
      (p) => p.views.some((v) => v.toLowerCase() === wanted) && soldIn(p, country),
    );
  }

  /** The product, SKU and availability a `catalogItemId` names (`productId:skuId:availabilityId`), if current. */
  availability(
    catalogItemId: string,
  ): { product: CatalogProduct; sku: CatalogSku; availability: CatalogAvailability } | undefined {
    const [productId = "", skuId, availabilityId] = catalogItemId.split(":");
    const product = this.products.get(productId);
    const sku = product?.skus.find((s) => s.id === skuId);
    const availability = sku?.availabilities.find((a) => a.id === availabilityId);
    return product && sku && availability ? { product, sku, availability } : undefined;
  }

  /** Whether the catalog has this product, in any country. */
  has(productId: string): boolean {
    return this.products.has(productId);
  }

  /** The product an offer id (`productId:skuId:availabilityId`) belongs to, current or not. */
  productOf(offerId: string): CatalogProduct | undefined {
    return this.products.get(offerId.split(":")[0] ?? "");
  }

  /**
   * Gives every availability a new id, as the service reissues them "on a regular basis" (D57):
   * a `catalogItemId` read before answers 404 400019 after.
   */
  reissue(): void {
    // Made from the first ids, so an id never comes back (stripping a suffix could restore one).
    const issue = (this.issue += 1);
    this.load((id) => `${id}-R${issue}`);
  }

  product(id: string, country: string): CatalogProduct | undefined {
    const product = this.products.get(id);
    return product && soldIn(product, country) ? product : undefined;
  }

  /** A product as an answer shows it, with its links for this country. */
  productAnswer(product: CatalogProduct, country: string): Record<string, unknown> {
    const { views: _views, skus: _skus, ...fields } = product;
    const at = `/products/${product.id}`;
    return {
      ...fields,
      links: { skus: link(`${at}/skus?country=${country}`), self: link(`${at}?country=${country}`) },
    };
  }

  skuAnswer(product: CatalogProduct, sku: CatalogSku, country: string): Record<string, unknown> {
    const { availabilities: _a, ...fields } = sku;
    const at = `/products/${product.id}/skus/${sku.id}`;
    return {
      ...fields,
      productId: product.id,
      links: {
        availabilities: link(`${at}/availabilities?country=${country}`),
        self: link(`${at}?country=${country}`),
      },
    };
  }

  availabilityAnswer(
    product: CatalogProduct,
    sku: CatalogSku,
    availability: CatalogAvailability,
  ): Record<string, unknown> {
    const at = `/products/${product.id}/skus/${sku.id}/availabilities/${availability.id}`;
    return {
      ...availability,
      productId: product.id,
      skuId: sku.id,
      catalogItemId: `${product.id}:${sku.id}:${availability.id}`,
      links: { self: link(`${at}?country=${availability.country}`) },
    };
  }
}

const soldIn = (product: CatalogProduct, country: string) =>
  product.skus.some((sku) => sku.availabilities.some((a) => a.country.toLowerCase() === country.toLowerCase()));

/** A SKU's availabilities in a country for a segment; without one, every segment but nonprofit (as documented). */
export function availabilitiesIn(sku: CatalogSku, country: string, segment: string | undefined): CatalogAvailability[] {
  return sku.availabilities.filter(
    (a) =>
      a.country.toLowerCase() === country.toLowerCase() &&
      (segment === undefined
        ? a.segment.toLowerCase() !== "nonprofit"
        : a.segment.toLowerCase() === segment.toLowerCase()),
  );
}
