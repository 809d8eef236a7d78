// The catalog, by country and by customer: what can be bought, product by SKU by availability, each
// read a function named after its operationId taking the client first (listProducts(pc, ...));
// pc.catalog, the same bound to one client. An availability's catalogItemId is what a cart or order line names; it is
// reissued from time to time, so read it at the time of purchase (D57).
import {
  getAvailabilityRule,
  getCustomerAvailabilityRule,
  getCustomerProductRule,
  getCustomerSkuRule,
  getProductRule,
  getSkuRule,
  listAvailabilitiesRule,
  listCustomerAvailabilitiesRule,
  listCustomerProductsRule,
  listCustomerSkusRule,
  listProductsRule,
  listSkusRule,
} from "../../generated/request-rules";
import type {
  Availability,
  AvailabilityCollection,
  operations,
  Product,
  ProductCollection,
  Sku,
  SkuCollection,
} from "../../generated/schema";
import { callOperation } from "../calls/call";
import { callWith, coreOf, type PartnerCenterCore } from "../calls/core-handle";
import { followLinks } from "../calls/follow";
import { listPages, type ListOptions } from "../calls/list-pages";
import { pathWithQuery } from "../calls/paging";
import type { CallOptions } from "../options";
import type { RequestParts } from "../rules/bind-request";
import type { Operation } from "../rules/rule-types";
import { boundTo } from "./bound-to";

const LIST_PRODUCTS: Operation = { rule: listProductsRule };
const GET_PRODUCT: Operation = { rule: getProductRule };
const LIST_SKUS: Operation = { rule: listSkusRule };
const GET_SKU: Operation = { rule: getSkuRule };
const LIST_AVAILABILITIES: Operation = { rule: listAvailabilitiesRule };
const GET_AVAILABILITY: Operation = { rule: getAvailabilityRule };
const LIST_CUSTOMER_PRODUCTS: Operation = { rule: listCustomerProductsRule };
const GET_CUSTOMER_PRODUCT: Operation = { rule: getCustomerProductRule };
const LIST_CUSTOMER_SKUS: Operation = { rule: listCustomerSkusRule };
const GET_CUSTOMER_SKU: Operation = { rule: getCustomerSkuRule };
const LIST_CUSTOMER_AVAILABILITIES: Operation = { rule: listCustomerAvailabilitiesRule };
const GET_CUSTOMER_AVAILABILITY: Operation = { rule: getCustomerAvailabilityRule };

export type ListProductsQuery = operations["listProducts"]["parameters"]["query"];
export type TargetSegment = NonNullable<ListProductsQuery["targetSegment"]>;
export type ReservationScope = NonNullable<ListProductsQuery["reservationScope"]>;

/** Where and for whom a catalog read is: the country (two letters), and optionally a segment or a reservation scope. */
export interface CatalogOptions extends CallOptions {
  targetSegment?: TargetSegment | undefined;
  reservationScope?: ReservationScope | undefined;
}

export interface ListProductsOptions extends ListOptions {
  /** Which part of the catalog: `OnlineServices`, `Azure`, `Software`, ... (required, D58). */
  targetView: ListProductsQuery["targetView"];
  targetSegment?: TargetSegment | undefined;
  reservationScope?: ReservationScope | undefined;
}

/** listProducts: every product of a view of the catalog in a country, page after page as links.next leads. */
export async function* listProducts(
  client: PartnerCenterCore,
  country: string,
  options: ListProductsOptions,
): AsyncGenerator<Product, void, undefined> {
  const { targetView, targetSegment, reservationScope } = options ?? {};
  const query = { country, targetView, targetSegment, reservationScope };
  const subject = `view ${String(targetView)} in ${String(country)}`;
  yield* productPages(client, LIST_PRODUCTS, subject, () => pathWithQuery("/products", query), { query }, options);
}

/** The products of a paged product list (by country or by customer), page after page as links.next leads. */
function productPages(
  client: PartnerCenterCore,
  operation: Operation,
  subject: string,
  firstPath: () => string,
  request: RequestParts,
  options: ListProductsOptions,
): AsyncGenerator<Product, void, undefined> {
  const { operationId } = operation.rule;
  const core = coreOf(client, operationId);
  const list = {
    operationId,
    subject,
    firstPath,
    first: (ids: { requestId: string; correlationId: string }) =>
      callOperation<ProductCollection>(core, operation, request, { ...options, ...ids }),
  };
  return listPages<Product>(list, options ?? {}, followLinks(core), core.baseUrl);
}

/** getProduct: one product as it is sold in a country. */
export async function getProduct(
  client: PartnerCenterCore,
  country: string,
  productId: string,
  options: Omit<CatalogOptions, "targetSegment"> = {},
): Promise<Product> {
  const query = { country, reservationScope: options.reservationScope };
  return callWith(client, GET_PRODUCT, { path: { product_id: productId }, query }, options);
}

/** listSkus: a product's SKUs in a country. */
export async function listSkus(
  client: PartnerCenterCore,
  country: string,
  productId: string,
  options: CatalogOptions = {},
): Promise<Sku[]> {
  const query = { country, targetSegment: options.targetSegment, reservationScope: options.reservationScope };
  const page = await callWith<SkuCollection>(client, LIST_SKUS, { path: { product_id: productId }, query }, options);
  return page.items;
}

/** getSku: one SKU of a product in a country, with its purchase prerequisites (D55). */
export async function getSku(
  client: PartnerCenterCore,
  country: string,
  productId: string,
  skuId: string,
  options: Omit<CatalogOptions, "targetSegment"> = {},
): Promise<Sku> {
  const query = { country, reservationScope: options.reservationScope };
  return callWith(client, GET_SKU, { path: { product_id: productId, sku_id: skuId }, query }, options);
}

/** listAvailabilities: a SKU's availabilities in a country, each with the catalogItemId a purchase names. */
export async function listAvailabilities(
  client: PartnerCenterCore,
  country: string,
  productId: string,
  skuId: string,
  options: CatalogOptions = {},
): Promise<Availability[]> {
  const query = { country, targetSegment: options.targetSegment, reservationScope: options.reservationScope };
  const path = { product_id: productId, sku_id: skuId };
  const page = await callWith<AvailabilityCollection>(client, LIST_AVAILABILITIES, { path, query }, options);
  return page.items;
}

/** getAvailability: one availability, with its product and SKU; 404 400019 once its id has been reissued. */
export async function getAvailability(
  client: PartnerCenterCore,
  country: string,
  productId: string,
  skuId: string,
  availabilityId: string,
  options: CallOptions = {},
): Promise<Availability> {
  const path = { product_id: productId, sku_id: skuId, availability_id: availabilityId };
  return callWith(client, GET_AVAILABILITY, { path, query: { country } }, options);
}

/** listCustomerProducts: every product of a view a customer may buy, page after page as links.next leads (D60). */
export async function* listCustomerProducts(
  client: PartnerCenterCore,
  customerId: string,
  options: ListProductsOptions,
): AsyncGenerator<Product, void, undefined> {
  const { targetView, targetSegment, reservationScope } = options ?? {};
  const query = { targetView, targetSegment, reservationScope };
  const subject = `view ${String(targetView)} for customer ${String(customerId)}`;
  const firstPath = () => pathWithQuery(`/customers/${encodeURIComponent(String(customerId))}/products`, query);
  yield* productPages(
    client,
    LIST_CUSTOMER_PRODUCTS,
    subject,
    firstPath,
    { path: { customer_id: customerId }, query },
    options,
  );
}

/** getCustomerProduct: one product as a customer may buy it. */
export async function getCustomerProduct(
  client: PartnerCenterCore,
  customerId: string,
  productId: string,
  options: Omit<CatalogOptions, "targetSegment"> = {},
): Promise<Product> {
  const path = { customer_id: customerId, product_id: productId };
  return callWith(
    client,
    GET_CUSTOMER_PRODUCT,
    { path, query: { reservationScope: options.reservationScope } },
    options,
  );
}

/** listCustomerSkus: a product's SKUs a customer may buy. */
export async function listCustomerSkus(
  client: PartnerCenterCore,
  customerId: string,
  productId: string,
  options: CatalogOptions = {},
): Promise<Sku[]> {
  const query = { targetSegment: options.targetSegment, reservationScope: options.reservationScope };
  const path = { customer_id: customerId, product_id: productId };
  const page = await callWith<SkuCollection>(client, LIST_CUSTOMER_SKUS, { path, query }, options);
  return page.items;
}

/** getCustomerSku: one SKU as a customer may buy it, with its purchase prerequisites. */
export async function getCustomerSku(
  client: PartnerCenterCore,
  customerId: string,
  productId: string,
  skuId: string,
  options: Omit<CatalogOptions, "targetSegment"> = {},
): Promise<Sku> {
  const path = { customer_id: customerId, product_id: productId, sku_id: skuId };
  return callWith(client, GET_CUSTOMER_SKU, { path, query: { reservationScope: options.reservationScope } }, options);
}

export interface CustomerAvailabilityOptions extends CatalogOptions {
  /** Ask for the lifecycle state of new-commerce license-based offers (D61). */
  includeLifeCycleState?: boolean | undefined;
}

/** listCustomerAvailabilities: a SKU's availabilities a customer may buy, each with its catalogItemId. */
export async function listCustomerAvailabilities(
  client: PartnerCenterCore,
  customerId: string,
  productId: string,
  skuId: string,
  options: CustomerAvailabilityOptions = {},
): Promise<Availability[]> {
  const query = {
    targetSegment: options.targetSegment,
    reservationScope: options.reservationScope,
    IncludeLifeCycleState: options.includeLifeCycleState,
  };
  const path = { customer_id: customerId, product_id: productId, sku_id: skuId };
  const page = await callWith<AvailabilityCollection>(client, LIST_CUSTOMER_AVAILABILITIES, { path, query }, options);
  return page.items;
}

/** getCustomerAvailability: one availability a customer may buy; 404 400019 once its id has been reissued. */
export async function getCustomerAvailability(
  client: PartnerCenterCore,
  customerId: string,
  productId: string,
  skuId: string,
  availabilityId: string,
  options: CallOptions = {},
): Promise<Availability> {
  const path = { customer_id: customerId, product_id: productId, sku_id: skuId, availability_id: availabilityId };
  return callWith(client, GET_CUSTOMER_AVAILABILITY, { path }, options);
}

/** One purchasable offer: what a cart line's catalogItemId (or an order line's offerId) names, with what it was read from. */
export interface CatalogOffer {
  catalogItemId: string;
  product: Product;
  sku: Sku;
  availability: Availability;
}

/**
 * offers: every purchasable (product, SKU, availability) of a view for a customer, each with its
 * catalogItemId; each level is read once (products paged, then each product's SKUs, then each
 * SKU's availabilities), within the client's pacing. Read at the time of purchase: ids are
 * reissued (D57).
 */
export async function* offers(
  client: PartnerCenterCore,
  customerId: string,
  options: ListProductsOptions,
): AsyncGenerator<CatalogOffer, void, undefined> {
  const scope = { targetSegment: options?.targetSegment, reservationScope: options?.reservationScope };
  // Each read is its own call with its own ids; the caller's ids (if any) belong to the first list.
  const call = { signal: options?.signal, timeoutMs: options?.timeoutMs, ...scope };
  for await (const product of listCustomerProducts(client, customerId, options)) {
    for (const sku of await listCustomerSkus(client, customerId, product.id, call)) {
      for (const availability of await listCustomerAvailabilities(client, customerId, product.id, sku.id, call)) {
        if (availability.isPurchasable === false) continue;
        const catalogItemId = availability.catalogItemId ?? `${product.id}:${sku.id}:${availability.id}`;
        yield { catalogItemId, product, sku, availability };
      }
    }
  }
}

/** pc.catalog: the functions above, bound to one client. */
export function catalogApi(client: PartnerCenterCore) {
  const on = boundTo(client);
  return {
    /** listProducts: every product of a view in a country (see listProducts). */
    listProducts: on(listProducts),
    /** getProduct: one product in a country. */
    getProduct: on(getProduct),
    /** listSkus: a product's SKUs in a country. */
    listSkus: on(listSkus),
    /** getSku: one SKU in a country. */
    getSku: on(getSku),
    /** listAvailabilities: a SKU's availabilities in a country. */
    listAvailabilities: on(listAvailabilities),
    /** getAvailability: one availability in a country. */
    getAvailability: on(getAvailability),
    /** listCustomerProducts: every product of a view a customer may buy. */
    listCustomerProducts: on(listCustomerProducts),
    /** getCustomerProduct: one product for a customer. */
    getCustomerProduct: on(getCustomerProduct),
    /** listCustomerSkus: a product's SKUs for a customer. */
    listCustomerSkus: on(listCustomerSkus),
    /** getCustomerSku: one SKU for a customer. */
    getCustomerSku: on(getCustomerSku),
    /** listCustomerAvailabilities: a SKU's availabilities for a customer. */
    listCustomerAvailabilities: on(listCustomerAvailabilities),
    /** getCustomerAvailability: one availability for a customer. */
    getCustomerAvailability: on(getCustomerAvailability),
    /** offers: every purchasable offer of a view for a customer, with its catalogItemId. */
    offers: on(offers),
  };
}

export type CatalogApi = ReturnType<typeof catalogApi>;
