// The fake's catalog read as the by-country catalog operations read it: the docs' own products,
// SKUs and availabilities (new commerce, the Azure savings plan, a VM reservation), a view lists
// only its products, nonprofit only when asked for, and 404 400013, 400018 and 400019 for what is
// not there.
import { createPartnerCenterClient, type PartnerCenterClient } from "partner-center-orders";
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";

let fake: FakePartnerCenter;
let pc: PartnerCenterClient;
beforeAll(async () => {
  fake = await startFakePartnerCenter({ token: "t" });
  pc = createPartnerCenterClient({ credential: "t", baseUrl: fake.url });
});
afterAll(() => fake.close());

const all = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { status?: number; code?: unknown }) => [error.status, error.code],
  );

describe("the fake's catalog", () => {
  it("lists a view's products in a country, and none where they are not sold", async () => {
    const online = await all(pc.catalog.listProducts("US", { targetView: "OnlineServices" }));
    expect(online.map((p) => [p.id, p.productType?.id])).toEqual([["CFQ7TTC0LH18", "OnlineServicesNCE"]]);
    expect(online[0]!.links?.skus?.uri).toBe("/products/CFQ7TTC0LH18/skus?country=US");
    const reservations = await all(pc.catalog.listProducts("us", { targetView: "AzureReservationsVM" }));
    expect(reservations.map((p) => p.id)).toEqual(["DZH318Z0BQ3V"]);
    expect(await all(pc.catalog.listProducts("DE", { targetView: "OnlineServices" }))).toEqual([]);
  });

  it("reads a product, its SKUs and a SKU with its purchase prerequisites", async () => {
    expect((await pc.catalog.getProduct("US", "DZH318Z09V6F")).title).toBe("Azure savings plan");
    const skus = await pc.catalog.listSkus("US", "DZH318Z0BQ3V");
    expect(skus.map((s) => s.id)).toEqual(["00G1"]);
    const sku = await pc.catalog.getSku("US", "DZH318Z0BQ3V", "00G1");
    expect(sku.purchasePrerequisites).toEqual(["AzureSubscriptionRegistration", "InventoryCheck"]);
    expect(sku.links?.availabilities?.uri).toBe("/products/DZH318Z0BQ3V/skus/00G1/availabilities?country=US");
  });

  it("gives each availability the catalogItemId a purchase names, and reads one with its product and SKU", async () => {
    const [availability] = await pc.catalog.listAvailabilities("US", "CFQ7TTC0LH18", "0001");
    expect(availability).toMatchObject({ catalogItemId: "CFQ7TTC0LH18:0001:CFQ7TTC0K971", segment: "commercial" });
    expect(availability!.terms?.[0]).toMatchObject({ duration: "P1Y", billingCycle: "Annual" });
    const read = await pc.catalog.getAvailability("US", "CFQ7TTC0LH18", "0001", "CFQ7TTC0K971");
    expect([read.product?.id, read.sku?.id]).toEqual(["CFQ7TTC0LH18", "0001"]);
    expect(await pc.catalog.listAvailabilities("US", "CFQ7TTC0LH18", "0001", { targetSegment: "nonprofit" })).toEqual(
      [],
    );
  });

  it("answers 404 400013, 400018 and 400019 for an unknown product, SKU and availability", async () => {
    expect(await codeOf(pc.catalog.getProduct("US", "NOSUCHPRODUCT"))).toEqual([404, 400013]);
    expect(await codeOf(pc.catalog.getSku("US", "CFQ7TTC0LH18", "9999"))).toEqual([404, 400018]);
    expect(await codeOf(pc.catalog.getAvailability("US", "CFQ7TTC0LH18", "0001", "REISSUED0000"))).toEqual([
      404, 400019,
    ]);
  });
});
