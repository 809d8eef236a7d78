// The catalog by country: what can be bought, product by SKU by availability, each read a function
// named after its operationId taking the client first (listProducts(pc, ...)); pc.catalog, the same
// bound to one client. An availability's catalogItemId is what a cart or order line names; it is
// reissued from time to time, so read it at the time of purchase (D57).
import {
  getAvailabilityRule,
  getProductRule,
  getSkuRule,
  listAvailabilitiesRule,
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
import type { Operation } from "../rules/rule-types";
import { boundTo } from "./bound-to";

const LIST_PRODUCTS: Operation = { rule: listProductsRule };
const GET_PRODUCT: Operation = { rule: getProductRule };
const LIST_SKUS: Operation = { rule: listSkusRule };
const GET_SKU: Operation = { rule: getSkuRule };
const LIST_AVAILABILITIES: Operation = { rule: listAvailabilitiesRule };
const GET_AVAILABILITY: Operation = { rule: getAvailabilityRule };

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
  const core = coreOf(client, "listProducts");
  const { targetView, targetSegment, reservationScope } = options ?? {};
  const query = { country, targetView, targetSegment, reservationScope };
  const list = {
    operationId: "listProducts",
    subject: `view ${String(targetView)} in ${String(country)}`,
    firstPath: pathWithQuery("/products", query),
    first: (ids: { requestId: string; correlationId: string }) =>
      callOperation<ProductCollection>(core, LIST_PRODUCTS, { query }, { ...options, ...ids }),
  };
  yield* listPages<Product>(list, options ?? {}, followLinks(core), core.baseUrl);
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
  };
}

export type CatalogApi = ReturnType<typeof catalogApi>;
