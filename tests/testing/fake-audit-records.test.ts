// The fake's audit log as the service keeps one: a create_order record for every order created
// (a cart checkout's too) with the order id and each line's offer in customizedData, records of
// order updates, subscription changes and agreements, the caller's correlation id, filters, pages
// with a continuation token, 90 days kept and 30-day windows, both on the fake's clock.
import { createPartnerCenterClient, type AuditRecord, type PartnerCenterClient } from "partner-center-orders";
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";
import { all } from "../helpers/all";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const OTHER = "7a1c7e5c-36b4-4a47-8a3b-9b1ff6bc0a8e";
const SOFTWARE = "DG7GMGF0FKZV:0003:DG7GMGF0DWMS";
const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

let fake: FakePartnerCenter;
let pc: PartnerCenterClient;
beforeAll(async () => {
  fake = await startFakePartnerCenter({ token: "t", pageSize: 2 });
  pc = createPartnerCenterClient({ credential: "t", baseUrl: fake.url, maxRetries: 0, rateLimit: false });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const data = (record: AuditRecord) => new Map((record.customizedData ?? []).map((d) => [d.key, d.value]));
const raw = async (query: string) => {
  const response = await fetch(`${fake.url}/auditrecords?${query}`, { headers: { Authorization: "Bearer t" } });
  return { status: response.status, body: (await response.json()) as { code?: number; continuationToken?: string } };
};

describe("the fake's audit log", () => {
  it("records an order created with its id, offers and quantities, and the caller's correlation id", async () => {
    const correlationId = crypto.randomUUID();
    const order = await pc.orders.create(
      CUSTOMER,
      { lineItems: [{ offerId: SOFTWARE, quantity: 3 }] },
      { correlationId },
    );
    const [record] = await all(pc.auditRecords.list({ startDate: today() }));
    expect(record).toMatchObject({
      customerId: CUSTOMER,
      resourceType: "order",
      operationType: "create_order",
      operationStatus: "succeeded",
      originalCorrelationId: correlationId,
    });
    expect(data(record!)).toEqual(
      new Map([
        ["OrderId", order.id],
        ["AlternateId", order.alternateId],
        ["BillingCycle", "monthly"],
        ["OfferId-0", SOFTWARE],
        ["Quantity-0", "3"],
        ["PartnerOnRecord-0", null],
      ]),
    );
    expect(JSON.parse(record!.resourceNewValue!)).toMatchObject({ Id: order.id });
  });

  it("records a checkout's orders, an order cancelled, a subscription changed and an agreement confirmed", async () => {
    const cart = await pc.carts.create(CUSTOMER, {
      lineItems: [{ catalogItemId: SOFTWARE, quantity: 1, billingCycle: "one_time" }],
    });
    const correlationId = crypto.randomUUID();
    const { orders } = await pc.carts.checkout(CUSTOMER, cart.id!, { correlationId });
    await pc.orders.update(CUSTOMER, orders![0]!.id, { id: orders![0]!.id, status: "cancelled" });
    const order = await pc.orders.create(CUSTOMER, {
      lineItems: [{ offerId: "CFQ7TTC0LH18:0001:CFQ7TTC0K971", quantity: 2 }],
    });
    await pc.orders.getOrderProvisioningStatus(CUSTOMER, order.id);
    const [subscription] = await all(pc.subscriptions.listByOrder(CUSTOMER, order.id));
    await pc.subscriptions.update(CUSTOMER, subscription!.id, { quantity: 3 });
    const contact = { firstName: "Tania", lastName: "Carr", email: "someone@example.com" };
    const agreementCorrelationId = crypto.randomUUID();
    await pc.prerequisites.createCustomerAgreement(
      CUSTOMER,
      { primaryContact: contact, dateAgreed: new Date() },
      { correlationId: agreementCorrelationId },
    );
    const records = await all(pc.auditRecords.list({ startDate: today() }));
    expect(records.map((r) => r.operationType)).toEqual([
      "create_order",
      "update_order",
      "create_order",
      "update_subscription",
      "create_agreement",
    ]);
    expect(data(records[3]!).get("Quantity")).toBe("3");
    // The checkout's order carries the checkout request's correlation id; every record has an id.
    expect(records[0]!.originalCorrelationId).toBe(correlationId);
    expect(records[4]!.originalCorrelationId).toBe(agreementCorrelationId);
    expect(records.filter((r) => !r.id)).toEqual([]);
  });

  it("filters by customer and by resource type, ignoring the value's case", async () => {
    await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: SOFTWARE, quantity: 1 }] });
    await pc.orders.create(OTHER, { lineItems: [{ offerId: SOFTWARE, quantity: 1 }] });
    const mine = await all(
      pc.auditRecords.list({ startDate: today(), filter: { field: "CustomerId", value: OTHER.toUpperCase() } }),
    );
    expect(mine.map((r) => r.customerId)).toEqual([OTHER]);
    const orders = await all(
      pc.auditRecords.list({ startDate: today(), filter: { field: "ResourceType", value: "Order" } }),
    );
    expect(orders).toHaveLength(2);
  });

  it("pages with a continuation token, sent back as MS-ContinuationToken", async () => {
    for (let i = 0; i < 5; i++) await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: SOFTWARE, quantity: 1 }] });
    const first = await raw(`startDate=${today()}`);
    expect(first.body.continuationToken).toEqual(expect.any(String));
    expect(await all(pc.auditRecords.list({ startDate: today() }))).toHaveLength(5);
  });

  it("reads up to the 30-day window's end or today, whichever is less, when endDate is left out, as the docs say", async () => {
    await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: SOFTWARE, quantity: 1 }] });
    const start = today();
    await fake.advanceTime(40 * DAY);
    // 40 days on, a start 40 days back without an end is the window's 30 days, not a 400.
    const answer = await raw(`startDate=${start}`);
    expect(answer.status).toBe(200);
    expect((answer.body as { totalCount?: number }).totalCount).toBe(1);
  });

  it("answers 400 to a start more than 90 days back and to a window wider than 30 days, on its clock", async () => {
    await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: SOFTWARE, quantity: 1 }] });
    const start = today();
    expect((await raw(`startDate=${start}&endDate=2099-01-01`)).status).toBe(400);
    await fake.advanceTime(89 * DAY);
    expect(
      (await raw(`startDate=${start}&endDate=${new Date(Date.now() + 89 * DAY).toISOString().slice(0, 10)}`)).status,
    ).toBe(400); // 89 days: wider than 30
    const end = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
    expect((await raw(`startDate=${start}&endDate=${end}`)).status).toBe(200);
    await fake.advanceTime(2 * DAY);
    expect(await raw(`startDate=${start}&endDate=${end}`)).toMatchObject({ status: 400, body: { code: 400 } });
  });
});
