// The contract command's checks of what a purchase reads first: the products of one catalog view
// in a country, the first product's SKUs, one SKU and its availabilities; and with a customer, the
// customer's agreements (App+User only: an App-only token's 403 is a check it cannot run). All
// read-only. Each level is read only when the one above named something to read.
import type { ContractArgs } from "../cli-args";
import type { SendRaw } from "../fuzz";
import { check, json, needsAppUser, skippedCheck, type Checked, type CheckResult } from "./check";

const PRODUCT = "/products/{product_id}";
const SKU = `${PRODUCT}/skus/{sku_id}`;

/** The first item's id of a collection answer, when the answer was sound and names one. */
function firstId(result: Checked): string | undefined {
  if (result.problems.length) return undefined;
  const items = (json(result.answer) as { items?: unknown } | undefined)?.items;
  const id = Array.isArray(items) ? (items[0] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === "string" && id.length > 0 ? id : undefined;
}

/** listProducts for the view, then listSkus, getSku and listAvailabilities of the first product's first SKU. */
export async function catalogChecks(send: SendRaw, args: ContractArgs): Promise<CheckResult[]> {
  const { country, view } = args;
  const products = await check(send, "listProducts", "listProducts", "GET", "/products", {
    query: { country, targetView: view },
  });
  const results: CheckResult[] = [{ ...products, subject: `${view} in ${country}` }];
  const productId = firstId(products);
  const later = ["listSkus", "getSku", "listAvailabilities"];
  if (productId === undefined) {
    const why = products.problems.length ? "listProducts failed" : `the ${view} view has no product in ${country}`;
    return [...results, ...later.map((name) => skippedCheck(name, why))];
  }
  const query = { country };
  const skus = await check(send, "listSkus", "listSkus", "GET", `${PRODUCT}/skus`, {
    path: { product_id: productId },
    query,
  });
  results.push({ ...skus, subject: `product ${productId}` });
  const skuId = firstId(skus);
  if (skuId === undefined) {
    const why = skus.problems.length ? "listSkus failed" : `product ${productId} has no SKU in ${country}`;
    return [...results, ...later.slice(1).map((name) => skippedCheck(name, why))];
  }
  const path = { product_id: productId, sku_id: skuId };
  const subject = `SKU ${productId}:${skuId}`;
  const sku = await check(send, "getSku", "getSku", "GET", SKU, { path, query });
  const availabilities = await check(send, "listAvailabilities", "listAvailabilities", "GET", `${SKU}/availabilities`, {
    path,
    query,
  });
  return [...results, { ...sku, subject }, { ...availabilities, subject }];
}

/** The customer's agreements: App+User only, so an App-only token's 403 is reported as a check it cannot run. */
export async function agreementChecks(send: SendRaw, customerId: string): Promise<CheckResult[]> {
  const path = { customer_id: customerId };
  const agreements = await check(
    send,
    "listCustomerAgreements",
    "listCustomerAgreements",
    "GET",
    "/customers/{customer_id}/agreements",
    { path },
  );
  return [needsAppUser("listCustomerAgreements", agreements)];
}
