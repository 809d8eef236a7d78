// The fake's catalog as a purchase meets it: reissued ids never come back, an availability that is
// not purchasable is refused 403 800020, and one outside the customer's country 400 800070.
import { createPartnerCenterClient } from "partner-center-orders";
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const availability = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  segment: "commercial",
  country: "US",
  isPurchasable: true,
  terms: [{ duration: "P1M", billingCycle: "Monthly" }],
  ...extra,
});
const CATALOG = [
  {
    id: "PRODUCT01",
    views: ["OnlineServices"],
    skus: [
      {
        id: "0001",
        purchasePrerequisites: [],
        availabilities: [
          availability("AVR2"),
          availability("CLOSED01", { isPurchasable: false }),
          availability("GERMANY1", { country: "DE" }),
        ],
      },
    ],
  },
];

let fake: FakePartnerCenter;
beforeAll(async () => {
  fake = await startFakePartnerCenter({ token: "t", catalog: CATALOG });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const pc = () => createPartnerCenterClient({ credential: "t", baseUrl: fake.url, maxRetries: 0 });
const refusal = (offerId: string) =>
  pc()
    .orders.create(CUSTOMER, { lineItems: [{ offerId, quantity: 1, termDuration: "P1M" }] })
    .then(
      () => undefined,
      (error: { status?: number; code?: unknown }) => [error.status, error.code],
    );
const ids = async () => (await pc().catalog.listAvailabilities("US", "PRODUCT01", "0001")).map((a) => a.id);

describe("the fake's catalog at purchase", () => {
  it("never gives a reissued availability an id it had before", async () => {
    const seen = new Set(await ids());
    for (let round = 0; round < 3; round++) {
      fake.reissueAvailabilities();
      const now = await ids();
      expect(now.filter((id) => seen.has(id))).toEqual([]);
      for (const id of now) seen.add(id);
    }
    expect(await refusal("PRODUCT01:0001:AVR2")).toEqual([404, 400019]);
  });

  it("refuses an availability that is not purchasable 403 800020", async () => {
    expect(await refusal("PRODUCT01:0001:CLOSED01")).toEqual([403, 800020]);
  });

  it("refuses an availability of another country than the customer's 400 800070", async () => {
    expect(await refusal("PRODUCT01:0001:GERMANY1")).toEqual([400, 800070]);
  });

  it("buys a current, purchasable availability of the customer's country", async () => {
    expect(await refusal("PRODUCT01:0001:AVR2")).toBeUndefined();
  });
});
