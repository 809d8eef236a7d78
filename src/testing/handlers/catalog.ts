// What the by-country catalog reads answer, from the fake's catalog: 404 400013 for an unknown
// product, 400018 for an unknown SKU, 400019 for an unknown (or reissued) availability (D57).
import { asText } from "../../internal/as-text";
import type { OperationId } from "../../rules/request";
import { availabilitiesIn, type Catalog, type CatalogProduct, type CatalogSku } from "../state/catalog";
import { errorAnswer, type Answer } from "../wire/answers";
import { collection, type Handler, type HandlerRequest } from "./context";

const NO_PRODUCT = errorAnswer(404, 400013, "Product was not found");
const NO_SKU = errorAnswer(404, 400018, "Sku was not found");
const NO_AVAILABILITY = errorAnswer(404, 400019, "Availability not found");

const country = ({ query }: HandlerRequest) => asText(query.country);
const segment = ({ query }: HandlerRequest) =>
  query.targetSegment === undefined ? undefined : asText(query.targetSegment);

/** The product and SKU a request's path names, or the 404 the service answers. */
function find(catalog: Catalog, request: HandlerRequest): { product: CatalogProduct; sku?: CatalogSku } | Answer {
  const product = catalog.product(asText(request.path.product_id), country(request));
  if (!product) return NO_PRODUCT;
  if (request.path.sku_id === undefined) return { product };
  const sku = product.skus.find((s) => s.id === asText(request.path.sku_id));
  return sku ? { product, sku } : NO_SKU;
}

const isAnswer = (found: object): found is Answer => "status" in found;

const listProducts: Handler = ({ catalog }, request) =>
  collection(
    catalog
      .list(asText(request.query.targetView), country(request))
      .map((p) => catalog.productAnswer(p, country(request))),
  );

const getProduct: Handler = ({ catalog }, request) => {
  const found = find(catalog, request);
  return isAnswer(found) ? found : { status: 200, body: catalog.productAnswer(found.product, country(request)) };
};

const listSkus: Handler = ({ catalog }, request) => {
  const found = find(catalog, request);
  if (isAnswer(found)) return found;
  const skus = found.product.skus.filter((sku) => availabilitiesIn(sku, country(request), segment(request)).length);
  return collection(skus.map((sku) => catalog.skuAnswer(found.product, sku, country(request))));
};

const getSku: Handler = ({ catalog }, request) => {
  const found = find(catalog, request);
  return isAnswer(found)
    ? found
    : { status: 200, body: catalog.skuAnswer(found.product, found.sku!, country(request)) };
};

const listAvailabilities: Handler = ({ catalog }, request) => {
  const found = find(catalog, request);
  if (isAnswer(found)) return found;
  const { product, sku } = found as { product: CatalogProduct; sku: CatalogSku };
  return collection(
    availabilitiesIn(sku, country(request), segment(request)).map((a) => catalog.availabilityAnswer(product, sku, a)),
  );
};

const getAvailability: Handler = ({ catalog }, request) => {
  const found = find(catalog, request);
  if (isAnswer(found)) return found;
  const { product, sku } = found as { product: CatalogProduct; sku: CatalogSku };
  const id = asText(request.path.availability_id);
  // By id, in any segment: only lists leave nonprofit out unless asked.
  const availability = sku.availabilities.find(
    (a) => a.id === id && a.country.toLowerCase() === country(request).toLowerCase(),
  );
  if (!availability) return NO_AVAILABILITY;
  const body = {
    ...catalog.availabilityAnswer(product, sku, availability),
    product: catalog.productAnswer(product, country(request)),
    sku: catalog.skuAnswer(product, sku, country(request)),
  };
  return { status: 200, body };
};

export const CATALOG_HANDLERS = {
  listProducts,
  getProduct,
  listSkus,
  getSku,
  listAvailabilities,
  getAvailability,
} satisfies Partial<Record<OperationId, Handler>>;
