// pc.catalog.offers over a catalog of 100 products x 5 SKUs x 3 availabilities (601 reads), fetch
// stubbed to answer each read at once from answers built beforehand, against the same three
// levels of reads through bare openapi-fetch. One call is the whole walk.
import { createPartnerCenterClient } from "../dist/index.mjs";
import { bareOpenapiFetch, UNREACHED } from "./peers.mjs";

const BASE = "https://pc.test/v1";
const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
export const CATALOG_SHAPE = { products: 100, skus: 5, availabilities: 3 };
const link = (uri) => ({ uri, method: "GET", headers: [] });
const page = (items) => JSON.stringify({ totalCount: items.length, items, attributes: { objectType: "Collection" } });

/** The answers, by path and query, as the service would give them. */
function catalogAnswers() {
  const answers = new Map();
  const at = `/customers/${CUSTOMER}/products`;
  const products = [];
  for (let p = 0; p < CATALOG_SHAPE.products; p++) {
    const productId = `DZH318Z0${String(p).padStart(4, "0")}`;
    products.push({
      id: productId,
      title: `Product ${p}`,
      productType: { id: "Azure" },
      links: { skus: link(`${at}/${productId}/skus`) },
    });
    const skus = [];
    for (let s = 0; s < CATALOG_SHAPE.skus; s++) {
      const skuId = String(s).padStart(4, "0");
      skus.push({
        id: skuId,
        productId,
        title: `SKU ${s}`,
        purchasePrerequisites: ["InventoryCheck"],
        supportedBillingCycles: ["monthly"],
      });
      const availabilities = [];
      for (let a = 0; a < CATALOG_SHAPE.availabilities; a++) {
        const id = `AV${p}X${s}X${a}`;
        availabilities.push({
          id,
          productId,
          skuId,
          catalogItemId: `${productId}:${skuId}:${id}`,
          isPurchasable: true,
          segment: "commercial",
          country: "US",
          terms: [{ id: "t", duration: "P1Y", billingCycle: "Annual" }],
        });
      }
      answers.set(`${at}/${productId}/skus/${skuId}/availabilities`, page(availabilities));
    }
    answers.set(`${at}/${productId}/skus`, page(skus));
  }
  answers.set(`${at}?targetView=Azure`, page(products));
  return answers;
}

function stubFetch() {
  const answers = catalogAnswers();
  const prefix = BASE.length;
  return async (input, init) => {
    const url = typeof input === "string" ? input : input.url;
    const text = answers.get(url.slice(prefix)) ?? answers.get(decodeURIComponent(url.slice(prefix)));
    if (text === undefined) throw new Error(`no answer for ${url} (${init?.method ?? "GET"})`);
    return new Response(text, { status: 200, headers: { "Content-Type": "application/json" } });
  };
}

export function catalogVariants() {
  const fetch = stubFetch();
  const bare = bareOpenapiFetch(BASE, fetch);
  const pc = createPartnerCenterClient({ credential: "token", baseUrl: BASE, fetch, rateLimit: UNREACHED });
  const customer = { customer_id: CUSTOMER };
  return {
    "openapi-fetch (bare)": async () => {
      const ids = [];
      const { data: products } = await bare.GET("/customers/{customer_id}/products", {
        params: { path: customer, query: { targetView: "Azure" } },
      });
      for (const product of products.items) {
        const path = { ...customer, product_id: product.id };
        const { data: skus } = await bare.GET("/customers/{customer_id}/products/{product_id}/skus", {
          params: { path },
        });
        for (const sku of skus.items) {
          const { data: availabilities } = await bare.GET(
            "/customers/{customer_id}/products/{product_id}/skus/{sku_id}/availabilities",
            { params: { path: { ...path, sku_id: sku.id } } },
          );
          for (const a of availabilities.items) if (a.isPurchasable !== false) ids.push(a.catalogItemId);
        }
      }
      return ids;
    },
    "this client, catalog.offers": async () => {
      const ids = [];
      for await (const offer of pc.catalog.offers(CUSTOMER, { targetView: "Azure" })) ids.push(offer.catalogItemId);
      return ids;
    },
  };
}
