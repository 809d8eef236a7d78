// What an offer is, for cancelling, comes from the fake's catalog: its product's type (and, for
// Azure, its subtype and views), so the default catalog's software cancels and its new-commerce
// licence does not, a partner's own catalog gets the same rules, and `offerKinds` overrides both.
import { createPartnerCenterClient, isPartnerCenterError } from "partner-center-orders";
import {
  startFakePartnerCenter,
  type FakePartnerCenter,
  type FakePartnerCenterOptions,
} from "partner-center-orders/testing";
import { offerKindOf } from "../../src/testing/state/cancellation";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const product = (productType: unknown, views: string[] = ["OnlineServices"]) => ({
  id: "P",
  views,
  skus: [],
  productType,
});

describe("offerKindOf", () => {
  it.each([
    [{ id: "OnlineServicesNCE" }, ["OnlineServices"], "new-commerce"],
    [{ id: "onlineservicesnce" }, ["OnlineServices"], "new-commerce"],
    [{ id: "Software" }, ["Software"], "software"],
    [{ id: "Software" }, ["SoftwarePerpetual"], "perpetual-software"],
    [{ id: "Azure" }, ["MicrosoftAzure"], "azure-plan"],
    [{ id: "Azure", subType: { id: "VirtualMachines" } }, ["AzureReservations"], "reserved-instance"],
    [{ id: "Azure", subType: { id: "SavingsPlan" } }, ["Azure"], "reserved-instance"],
    [{ id: "SaaS" }, ["MarketplaceSaaS"], "marketplace"],
    [undefined, ["OnlineServices"], "new-commerce"],
    ["Software", ["Software"], "new-commerce"],
  ])("takes a product of type %p listed in %p as %s", (productType, views, kind) => {
    expect(offerKindOf(product(productType, views))).toBe(kind);
  });
});

describe("cancelling the fake catalog's offers by updateOrder", () => {
  let fake: FakePartnerCenter | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  async function cancel(offerId: string, options: FakePartnerCenterOptions = {}) {
    fake = await startFakePartnerCenter({ token: "t", ...options });
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: fake.url, maxRetries: 0, rateLimit: false });
    const primaryContact = { firstName: "Tania", lastName: "Carr", email: "someone@example.com" };
    await pc.prerequisites.createCustomerAgreement(CUSTOMER, { primaryContact, dateAgreed: new Date() });
    const order = await pc.orders.create(CUSTOMER, { lineItems: [{ offerId, quantity: 1 }] });
    return pc.orders.update(CUSTOMER, order.id, { id: order.id, status: "cancelled" }).then(
      (cancelled) => cancelled.status,
      (error: unknown) => (isPartnerCenterError(error) ? [error.status, error.code] : Promise.reject(error)),
    );
  }

  it.each([
    ["the docs' software offer", "DG7GMGF0FKZV:0003:DG7GMGF0DWMS", "production", "cancelled"],
    ["Microsoft 365 Business Basic (new commerce)", "CFQ7TTC0LH18:0001:CFQ7TTC0K971", "production", [400, 800063]],
    ["the Azure plan", "DZH318Z0BPS6:0001:FAKE0000AP01", "sandbox", [400, 800061]],
    ["the VM reservation, outside a sandbox", "DZH318Z0BQ3V:00G1:FAKE0000RI01", "production", [403, 800019]],
    ["the VM reservation, in a sandbox", "DZH318Z0BQ3V:00G1:FAKE0000RI01", "sandbox", "cancelled"],
  ] as const)("answers a cancel of %s (%s) in %s as %p", async (_name, offerId, tenant, answer) => {
    expect(await cancel(offerId, { tenant })).toEqual(answer);
  });

  it("lets offerKinds override what the catalog says", async () => {
    const offerKinds = { "DG7GMGF0FKZV:0003:DG7GMGF0DWMS": "new-commerce" } as const;
    expect(await cancel("DG7GMGF0FKZV:0003:DG7GMGF0DWMS", { offerKinds })).toEqual([400, 800063]);
  });

  it("takes the kinds of a partner's own catalog from its product types", async () => {
    const catalog = [
      {
        id: "MYSOFTWARE01",
        views: ["Software"],
        productType: { id: "Software", displayName: "Software" },
        skus: [
          {
            id: "0001",
            purchasePrerequisites: [],
            availabilities: [{ id: "AV01", segment: "commercial", country: "US", isPurchasable: true }],
          },
        ],
      },
    ];
    expect(await cancel("MYSOFTWARE01:0001:AV01", { catalog })).toBe("cancelled");
  });
});
