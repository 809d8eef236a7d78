// The fake's orders provision as Partner Center's do: pending with unfulfilled line items, then
// completed with subscription ids after so many provisioning polls or milliseconds; failing offers
// end partial or in error; an order needing a purchase order waits for one; a cancelled order
// stops. And its rate limit answers 429 with Retry-After and the throttling body.
import {
  createPartnerCenterClient,
  isPartnerCenterValidationError,
  type PartnerCenterClient,
} from "partner-center-orders";
import {
  startFakePartnerCenter,
  type FakePartnerCenter,
  type FakePartnerCenterOptions,
} from "partner-center-orders/testing";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const OFFER = "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P";
const FAILING = "CFQ7TTC0LHSV:0001:CFQ7TTC0KM4Z";

let fake: FakePartnerCenter | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: FakePartnerCenterOptions): Promise<PartnerCenterClient> {
  // OFFER is cancelled here: as a software subscription, which updateOrder cancels (D37).
  fake = await startFakePartnerCenter({ offerKinds: { [OFFER]: "software" }, ...options });
  return createPartnerCenterClient({ credential: "t", baseUrl: fake.url, maxRetries: 0, rateLimit: false });
}

const place = (pc: PartnerCenterClient, ...offers: string[]) =>
  pc.orders.create(CUSTOMER, { lineItems: offers.map((offerId) => ({ offerId, quantity: 1 })) });
const statuses = async (pc: PartnerCenterClient, id: string) =>
  (await pc.orders.getOrderProvisioningStatus(CUSTOMER, id)).items.map((i) => i.status);

describe("the fake's order lifecycle", () => {
  it("keeps a new order pending, unfulfilled, until the configured poll, then completes it with subscription ids", async () => {
    const pc = await start({ provisioning: { polls: 3 } });
    const order = await place(pc, OFFER, OFFER);
    expect(order.status).toBe("pending");
    expect(await statuses(pc, order.id)).toEqual(["unfulfilled", "unfulfilled"]);
    expect(await statuses(pc, order.id)).toEqual(["unfulfilled", "unfulfilled"]);
    expect((await pc.orders.get(CUSTOMER, order.id)).status).toBe("pending");
    expect(await statuses(pc, order.id)).toEqual(["fulfilled", "fulfilled"]);
    const done = await pc.orders.get(CUSTOMER, order.id);
    expect(done.status).toBe("completed");
    for (const item of done.lineItems) {
      expect(item.subscriptionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(item.links?.subscription?.uri).toBe(`/customers/${CUSTOMER}/subscriptions/${item.subscriptionId}`);
    }
  });

  it("completes an order after afterMs on the fake's clock, however often it is read", async () => {
    const pc = await start({ provisioning: { afterMs: 3_600_000 } });
    const order = await place(pc, OFFER);
    expect(await statuses(pc, order.id)).toEqual(["unfulfilled"]);
    await fake!.advanceTime(3_600_000);
    expect((await pc.orders.get(CUSTOMER, order.id)).status).toBe("completed");
  });

  it("leaves the line items of a failing offer unprovisioned: partial_success, or error when none was", async () => {
    const pc = await start({ failOffers: [FAILING] });
    const mixed = await place(pc, OFFER, FAILING);
    const failed = await place(pc, FAILING);
    expect(await statuses(pc, mixed.id)).toEqual(["fulfilled", "unfulfilled"]);
    expect(await statuses(pc, failed.id)).toEqual(["unfulfilled"]);
    expect((await pc.orders.get(CUSTOMER, mixed.id)).status).toBe("partial_success");
    expect((await pc.orders.get(CUSTOMER, failed.id)).status).toBe("error");
    expect((await pc.orders.get(CUSTOMER, mixed.id)).lineItems.map((l) => Boolean(l.subscriptionId))).toEqual([
      true,
      false,
    ]);
  });

  it("holds an order that needs a purchase order in pending_po_upload until one is attached", async () => {
    const pc = await start({ purchaseOrderOffers: [OFFER] });
    const order = await place(pc, OFFER);
    expect(order.status).toBe("pending_po_upload");
    for (let i = 0; i < 3; i++) expect(await statuses(pc, order.id)).toEqual(["prefulfillmentpending"]);
    await pc.orders.createOrderAttachments(CUSTOMER, order.id, {
      metadata: { customerPrice: "100", currency: "USD" },
      poFiles: [new File(["PO 1"], "po.pdf", { type: "application/pdf" })],
    });
    expect((await pc.orders.get(CUSTOMER, order.id)).status).toBe("po_upload_complete");
    expect(await statuses(pc, order.id)).toEqual(["fulfilled"]);
    expect((await pc.orders.get(CUSTOMER, order.id)).status).toBe("completed");
  });

  it("stops provisioning a cancelled order", async () => {
    const pc = await start({ provisioning: { polls: 2 } });
    const order = await place(pc, OFFER);
    await statuses(pc, order.id);
    await pc.orders.update(CUSTOMER, order.id, { status: "cancelled" });
    for (let i = 0; i < 3; i++) expect(await statuses(pc, order.id)).toEqual(["unfulfilled"]);
    expect((await pc.orders.get(CUSTOMER, order.id)).status).toBe("cancelled");
  });
});

describe("the fake's rate limit", () => {
  it("answers 429 with Retry-After and the throttling body past the limit, counting it in stats", async () => {
    const pc = await start({ rateLimit: { requestsPerMinute: 120, windowMs: 1_000 } });
    const order = await place(pc, OFFER);
    await pc.orders.get(CUSTOMER, order.id);
    const response = await fetch(`${fake!.url}/customers/${CUSTOMER}/orders/${order.id}`, {
      headers: { Authorization: "Bearer t" },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toEqual({
      statusCode: 429,
      message: "Rate limit is exceeded. Try again in 1 seconds.",
    });
    expect(fake!.stats.throttled).toBe(1);
    await new Promise((r) => setTimeout(r, 1_000));
    await expect(pc.orders.get(CUSTOMER, order.id)).resolves.toMatchObject({ id: order.id });
  });
});

describe("the fake's lifecycle options", () => {
  it.each([
    ["provisioning", { provisioning: { polls: 0 } }],
    ["provisioning", { provisioning: { afterMs: -1 } }],
    ["failOffers", { failOffers: "CFQ7TTC0LH0Z" }],
    ["purchaseOrderOffers", { purchaseOrderOffers: [""] }],
    ["rateLimit", { rateLimit: { requestsPerMinute: 0 } }],
    ["rateLimit.windowMs", { rateLimit: { requestsPerMinute: 1, windowMs: 10 } }],
  ])("refuses a bad %s at start", async (name, options) => {
    const error = await startFakePartnerCenter(options as FakePartnerCenterOptions).catch((e: unknown) => e);
    expect(isPartnerCenterValidationError(error) && error.problems.map((p) => p.path)).toEqual([`options.${name}`]);
  });
});
