// pc.catalog and the catalog functions: the documented query sent, and refused before sending what
// the docs' tables refuse (a country that is not two letters, a missing or unknown targetView).
import { createPartnerCenterClient, isPartnerCenterValidationError, listProducts } from "../../../src";
import { json, scriptedFetch } from "../../helpers/scripted-fetch";

const BASE = "https://pc.test/v1";
const PAGE = { totalCount: 0, items: [], attributes: { objectType: "Collection" } };
const drain = async (items: AsyncIterable<unknown>) => {
  for await (const _ of items) void _;
};

describe("pc.catalog", () => {
  it("listProducts sends the country, the view and the segment as the docs do", async () => {
    const script = scriptedFetch(json(200, PAGE));
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch });
    await drain(pc.catalog.listProducts("US", { targetView: "OnlineServices", targetSegment: "commercial" }));
    expect(script.sent[0]!.url).toBe(`${BASE}/products?country=US&targetView=OnlineServices&targetSegment=commercial`);
  });

  it("getAvailability sends its ids in the path and the country in the query", async () => {
    const script = scriptedFetch(json(200, { id: "CFQ7TTC0K971" }));
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch });
    await pc.catalog.getAvailability("US", "CFQ7TTC0LH18", "0001", "CFQ7TTC0K971");
    expect(script.sent[0]!.url).toBe(`${BASE}/products/CFQ7TTC0LH18/skus/0001/availabilities/CFQ7TTC0K971?country=US`);
  });

  it.each([
    ["a country of three letters", "USA", { targetView: "OnlineServices" }, /country/],
    ["no targetView", "US", {}, /targetView/],
    ["an unknown targetView", "US", { targetView: "OnlineService" }, /targetView/],
  ])("refuses %s before sending", async (_what, country, options, message) => {
    const script = scriptedFetch();
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch });
    const error = await drain(listProducts(pc, country, options as never)).catch((e: unknown) => e);
    expect(isPartnerCenterValidationError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(message);
    expect(script.sent).toHaveLength(0);
  });

  it("takes AzureAzureReservationsVM, the docs' own request (D59)", async () => {
    const script = scriptedFetch(json(200, PAGE));
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch });
    await drain(
      pc.catalog.listProducts("US", { targetView: "AzureAzureReservationsVM", reservationScope: "AzurePlan" }),
    );
    expect(script.sent).toHaveLength(1);
  });
});
