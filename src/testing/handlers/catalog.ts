// What the catalog reads answer, by country and by customer, from the fake's catalog: 404 400013
// for an unknown product, 400018 for an unknown SKU, 400019 for an unknown (or reissued)
// availability (D57); 403 400036 and 400030 for a view or segment the partner may not read.
// A customer's reads are those of the customer's country, which is the US for every fake customer.
import { asText } from "../../internal/as-text";
import type { OperationId } from "../../rules/request";
import {
  availabilitiesIn,
  CUSTOMER_COUNTRY,
  type Catalog,
  type CatalogProduct,
  type CatalogSku,
} from "../state/catalog";
import { errorAnswer, type Answer } from "../wire/answers";
import { collection, type Handler, type HandlerContext, type HandlerRequest } from "./context";

const NO_PRODUCT = errorAnswer(404, 400013, "Product was not found");
const NO_SKU = errorAnswer(404, 400018, "Sku was not found");
const NO_AVAILABILITY = errorAnswer(404, 400019, "Availability not found");

const FORBIDDEN_VIEW = errorAnswer(403, 400036, "Access to the requested targetView is not allowed");
const FORBIDDEN_SEGMENT = errorAnswer(403, 400030, "Access to the requested targetSegment is not allowed");

const country = ({ query }: HandlerRequest) => (query.country === undefined ? CUSTOMER_COUNTRY : asText(query.country));
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

/** The 403 the service answers to a view or segment the partner may not read. */
function refusal({ refusedViews, refusedSegments }: HandlerContext, { query }: HandlerRequest): Answer | undefined {
  if (query.targetView !== undefined && refusedViews.has(asText(query.targetView).toLowerCase())) return FORBIDDEN_VIEW;
  const wanted = query.targetSegment === undefined ? undefined : asText(query.targetSegment).toLowerCase();
  return wanted !== undefined && refusedSegments.has(wanted) ? FORBIDDEN_SEGMENT : undefined;
}

/** A handler that first refuses what the partner may not read. */
const guarded =
  (handler: Handler): Handler =>
  (ctx, request) =>
    refusal(ctx, request) ?? handler(ctx, request);

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
  listProducts: guarded(listProducts),
  getProduct,
  listSkus: guarded(listSkus),
  getSku,
  listAvailabilities: guarded(listAvailabilities),
  getAvailability,
  listCustomerProducts: guarded(listProducts),
  getCustomerProduct: getProduct,
  listCustomerSkus: guarded(listSkus),
  getCustomerSku: getSku,
  listCustomerAvailabilities: guarded(listAvailabilities),
  getCustomerAvailability: getAvailability,
} satisfies Partial<Record<OperationId, Handler>>;
