// The fake as strict as the service about what a purchase needs first: the customer's MCA
// confirmation (403 13605 until it is posted; 201; 400 600061 for the same contact, 600002 for a
// date in the future), the indirect reseller's MPA (403 900123), restricted inventory (400 800010),
// reissued availability ids (404 400019), and the catalog views it refuses (403 400036, 400030).
import { createPartnerCenterClient, isStaleCatalogItemError, type PartnerCenterClient } from "partner-center-orders";
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const AZURE_PLAN = "DZH318Z0BPS6:0001:FAKE0000AP01";
const CONTACT = { firstName: "Tania", lastName: "Carr", email: "someone@example.com" };

let fake: FakePartnerCenter;
let pc: PartnerCenterClient;
beforeAll(async () => {
  fake = await startFakePartnerCenter({
    tokens: { t: "app+user", app: "app" },
    resellersWithoutMpa: ["7654321"],
    restrictedInventory: ["DZH318Z0BQ3V:00G1"],
    refusedSegments: ["government"],
  });
  pc = createPartnerCenterClient({ credential: "t", baseUrl: fake.url, maxRetries: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { status?: number; code?: unknown; message: string }) => error,
  );
const line = (offerId: string, extra: Record<string, unknown> = {}) => ({
  lineItems: [{ offerId, quantity: 1, termDuration: "P1Y", ...extra }],
});

describe("the fake's purchase prerequisites", () => {
  it("refuses an Azure plan 403 13605 until the customer's MCA acceptance is confirmed", async () => {
    const customer = crypto.randomUUID();
    const refused = await failure(pc.orders.create(customer, { lineItems: [{ offerId: AZURE_PLAN, quantity: 1 }] }));
    expect([refused?.status, refused?.code]).toEqual([403, 13605]);
    const confirmation = await pc.prerequisites.createCustomerAgreement(customer, {
      primaryContact: CONTACT,
      dateAgreed: new Date(Date.now() - 60_000),
    });
    expect(confirmation).toMatchObject({
      type: "MicrosoftCustomerAgreement",
      templateId: "117a77b0-9360-443b-8795-c6dedc750cf9",
    });
    expect(typeof confirmation.userId).toBe("string");
    const order = await pc.orders.create(customer, { lineItems: [{ offerId: AZURE_PLAN, quantity: 1 }] });
    expect(order.lineItems[0]!.offerId).toBe(AZURE_PLAN);
    const read = await pc.prerequisites.listCustomerAgreements(customer, {
      agreementType: "MicrosoftCustomerAgreement",
    });
    expect(read.map((a) => a.primaryContact?.email)).toEqual(["someone@example.com"]);
    expect(await pc.prerequisites.listCustomerAgreements(customer)).toEqual([]); // the service's default type is the older agreement
  });

  it("answers the same contact again 400 600061 and takes one with a changed detail", async () => {
    const confirm = (contact: typeof CONTACT) =>
      pc.prerequisites.createCustomerAgreement(CUSTOMER, {
        primaryContact: contact,
        dateAgreed: "2018-06-14T00:00:00Z",
      });
    await confirm(CONTACT);
    const again = await failure(confirm({ ...CONTACT, email: "SOMEONE@example.com" }));
    expect([again?.status, again?.code]).toEqual([400, 600061]);
    await expect(confirm({ ...CONTACT, lastName: "Carr-Smith" })).resolves.toMatchObject({
      primaryContact: { lastName: "Carr-Smith" },
    });
  });

  it("answers a future date of agreement 400 600002 when the client's check is bypassed", async () => {
    const response = await fetch(`${fake.url}/customers/${CUSTOMER}/agreements`, {
      method: "POST",
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: JSON.stringify({
        primaryContact: CONTACT,
        templateId: "117a77b0-9360-443b-8795-c6dedc750cf9",
        dateAgreed: new Date(Date.now() + 86_400_000).toISOString(),
        type: "MicrosoftCustomerAgreement",
      }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: number }).code).toBe(600002);
  });

  it("takes agreements from App+User credentials only, 403 900329 to an App-only token", async () => {
    const app = createPartnerCenterClient({ credential: "app", baseUrl: fake.url, maxRetries: 0 });
    const refused = await failure(
      app.prerequisites.listAgreementMetadata({ agreementType: "MicrosoftCustomerAgreement" }),
    );
    expect([refused?.status, refused?.code]).toEqual([403, 900329]);
    expect(refused?.message).toContain("listAgreementMetadata takes App+User credentials only");
    await expect(app.prerequisites.listCustomerQualifications(CUSTOMER)).resolves.toEqual([]);
  });

  it("refuses an order naming a reseller without the MPA 403 900123, and says so of its status", async () => {
    const refused = await failure(
      pc.orders.create(CUSTOMER, line("CFQ7TTC0LH18:0001:CFQ7TTC0K971", { partnerIdOnRecord: "7654321" })),
    );
    expect([refused?.status, refused?.code]).toEqual([403, 900123]);
    const status = await failure(pc.prerequisites.getResellerAgreementStatus({ mpnId: 7654321 }));
    expect([status?.status, status?.code]).toEqual([400, 2203]);
    await expect(pc.prerequisites.getResellerAgreementStatus({ mpnId: "1234567" })).resolves.toEqual({
      isAgreementSigned: true,
    });
  });

  it("answers an MPN id that is not numeric, and a tenant id that is not a GUID, 400 2000 with the service's words", async () => {
    // Sent by hand: the client refuses both before sending (D65).
    const status = async (query: string) => {
      const response = await fetch(`${fake.url}/compliance/csp/agreementstatus?${query}`, {
        headers: { Authorization: "Bearer t" },
      });
      const body = (await response.json()) as { code?: unknown; description?: unknown };
      return [response.status, body.code, body.description];
    };
    expect(await status("mpnId=12a4")).toEqual([400, 2000, "MPN Id must be numeric."]);
    expect(await status("tenantId=contoso")).toEqual([400, 2000, "Tenant Id must be a GUID."]);
  });

  it("answers the inventory check as a bare array and refuses a restricted item 400 800010", async () => {
    const items = await pc.prerequisites.checkInventory("US", {
      targetItems: [{ productId: "DZH318Z0BQ3V" }, { productId: "NOSUCHPRODUCT" }],
      inventoryContext: { customerId: CUSTOMER, azureSubscriptionId: crypto.randomUUID() },
    });
    expect(items.map((i) => [i.productId, i.skuId, i.isRestricted])).toEqual([["DZH318Z0BQ3V", "00G1", true]]);
    const refused = await failure(
      pc.orders.create(CUSTOMER, line("DZH318Z0BQ3V:00G1:FAKE0000RI01", { termDuration: "P3Y" })),
    );
    expect([refused?.status, refused?.code]).toEqual([400, 800010]);
  });

  it("answers a catalogItemId read before the availabilities were reissued 404 400019, at purchase and by a cart", async () => {
    const [before] = await pc.catalog.listAvailabilities("US", "CFQ7TTC0LH18", "0001");
    const cart = await pc.carts.create(CUSTOMER, {
      lineItems: [{ catalogItemId: before!.catalogItemId!, quantity: 1, billingCycle: "monthly", termDuration: "P1Y" }],
    });
    fake.reissueAvailabilities();
    const refused = await failure(pc.orders.create(CUSTOMER, line(before!.catalogItemId!)));
    expect(isStaleCatalogItemError(refused)).toBe(true);
    expect(refused?.message).toContain("read the SKU's availabilities again");
    const checkout = await failure(pc.carts.checkout(CUSTOMER, cart.id!));
    expect(isStaleCatalogItemError(checkout)).toBe(true);
    const [after] = await pc.catalog.listAvailabilities("US", "CFQ7TTC0LH18", "0001");
    expect(after!.catalogItemId).not.toBe(before!.catalogItemId);
    await expect(pc.orders.create(CUSTOMER, line(after!.catalogItemId!))).resolves.toMatchObject({ status: "pending" });
  });

  it("refuses the specialized-offers view 403 400036 and a refused segment 403 400030", async () => {
    const view = await failure(pc.catalog.listProducts("US", { targetView: "SpecializedOffers" }).next());
    expect([view?.status, view?.code]).toEqual([403, 400036]);
    const segment = await failure(pc.catalog.listSkus("US", "CFQ7TTC0LH18", { targetSegment: "government" }));
    expect([segment?.status, segment?.code]).toEqual([403, 400030]);
  });

  it("reads the catalog for a customer, and offers() walks every purchasable offer of a view once", async () => {
    const products: string[] = [];
    for await (const p of pc.catalog.listCustomerProducts(CUSTOMER, { targetView: "MicrosoftAzure" }))
      products.push(p.id);
    expect(products).toEqual(["DZH318Z0BPS6"]);
    const before = fake.stats.requests;
    const found: string[] = [];
    for await (const offer of pc.catalog.offers(CUSTOMER, { targetView: "Azure" })) found.push(offer.catalogItemId);
    expect(found).toEqual(["DZH318Z09V6F:0001:DZH318Z0BLD3", "DZH318Z0BQ3V:00G1:FAKE0000RI01"]);
    // One product list, one SKU list per product, one availability list per SKU.
    expect(fake.stats.requests - before).toBe(1 + 2 + 2);
  });

  it("submits a qualification for vetting, 201 InReview, and lists it", async () => {
    const customer = crypto.randomUUID();
    const submitted = await pc.prerequisites.createCustomerQualification(customer, {
      qualification: "Education",
      educationSegment: "HigherEducation",
    });
    expect(submitted).toMatchObject({ qualification: "Education", vettingStatus: "InReview" });
    expect(await pc.prerequisites.listCustomerQualifications(customer)).toEqual([submitted]);
  });

  it("refuses an Education qualification without its segment 400, when the client's check is bypassed", async () => {
    const response = await fetch(`${fake.url}/customers/${CUSTOMER}/qualifications`, {
      method: "POST",
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: JSON.stringify({ qualification: "Education" }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: number; data: string[] };
    expect([body.code, body.data.join(" ")]).toEqual([800002, expect.stringContaining("educationSegment")]);
  });

  it("answers promotion eligibility per offer: none available for a catalog offer, an unknown one invalid", async () => {
    const items = await pc.prerequisites.checkPromotionEligibilities(CUSTOMER, {
      items: [
        {
          id: 0,
          catalogItemId: "CFQ7TTC0LH18:0001:CFQ7TTC0K971",
          quantity: 5,
          termDuration: "P1Y",
          billingCycle: "monthly",
        },
        { id: 1, catalogItemId: "NOPE:0001:NOPE", quantity: 5, termDuration: "P1Y", billingCycle: "monthly" },
      ],
    });
    expect(items.map((i) => i.eligibilities?.[0]?.errors?.[0]?.type)).toEqual([
      "NoPromotionsAvailable",
      "InvalidCatalogItemId",
    ]);
  });
});
