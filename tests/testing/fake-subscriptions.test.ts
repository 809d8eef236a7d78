// The fake's subscriptions as strict as the service's: what an order's lines become (a term,
// auto-renew, an ETag, the new-commerce cancellation window and refundable seats), a PATCH that
// wants the whole resource (auto-renew off and instructions deleted when absent), windows that
// close on the fake's clock (400 900117, 900257), suspension that is not a cancel, 409 800082
// while not ready, 202 and 409 900278 while a change is pending, a stale If-Match 400 2055.
import { createPartnerCenterClient, type PartnerCenterClient } from "partner-center-orders";
import {
  startFakePartnerCenter,
  type FakePartnerCenter,
  type FakePartnerCenterOptions,
} from "partner-center-orders/testing";
import { all } from "../helpers/all";
import { fuzzOperation } from "../../src/contract/fuzz";
import { rawSender } from "../../src/contract/send-raw";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const M365 = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";
const SOFTWARE = "DG7GMGF0FKZV:0003:DG7GMGF0DWMS";
const DAY = 86_400_000;

let fake: FakePartnerCenter | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: FakePartnerCenterOptions = {}): Promise<PartnerCenterClient> {
  fake = await startFakePartnerCenter({ token: "t", ...options });
  return createPartnerCenterClient({ credential: "t", baseUrl: fake.url, maxRetries: 0, rateLimit: false });
}

/** The subscription an order of `quantity` seats of `offerId` created, once provisioned. */
async function bought(pc: PartnerCenterClient, offerId = M365, quantity = 5) {
  const order = await pc.orders.create(CUSTOMER, { lineItems: [{ offerId, quantity, termDuration: "P1Y" }] });
  // One read of its provisioning status provisions it (the fake's default plan).
  await pc.orders.getOrderProvisioningStatus(CUSTOMER, order.id);
  const [subscription] = await all(pc.subscriptions.listByOrder(CUSTOMER, order.id));
  return subscription!;
}

/** A PATCH sent by hand, as a client that does not read first would send it. */
async function patch(subscriptionId: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake!.url}/customers/${CUSTOMER}/subscriptions/${subscriptionId}`, {
    method: "PATCH",
    headers: { Authorization: "Bearer t", "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    location: response.headers.get("Location"),
    body: text ? JSON.parse(text) : undefined,
  };
}

describe("the fake's subscriptions", () => {
  it("carry what a new-commerce subscription carries: term, auto-renew, ETag, cancellation window, refundable seats", async () => {
    const pc = await start();
    const subscription = await bought(pc);
    const read = await pc.subscriptions.get(CUSTOMER, subscription.id);
    expect(read).toMatchObject({
      offerId: M365,
      quantity: 5,
      status: "active",
      autoRenewEnabled: true,
      termDuration: "P1Y",
      productType: { id: "OnlineServicesNCE" },
      refundableQuantity: { totalQuantity: 5, details: [{ quantity: 5 }] },
      attributes: { objectType: "Subscription", etag: expect.any(String) },
    });
    const created = Date.parse(read.creationDate!);
    expect(Date.parse(read.cancellationAllowedUntilDate!) - created).toBe(7 * DAY);
    await expect(pc.subscriptions.get(CUSTOMER, crypto.randomUUID())).rejects.toMatchObject({
      status: 404,
      code: 20003,
    });
  });

  it("turns auto-renew off and deletes the next-term instructions when a PATCH leaves them out, as the docs warn", async () => {
    const pc = await start();
    const subscription = await bought(pc);
    const answer = await patch(subscription.id, { id: subscription.id, quantity: 6 });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ quantity: 6, autoRenewEnabled: false });
  });

  it("refuses a cancel after the 7-day window 400 900117, and a seat decrease after it 400 900257, on the fake's clock", async () => {
    const pc = await start();
    const subscription = await bought(pc);
    const read = await pc.subscriptions.get(CUSTOMER, subscription.id);
    await fake!.advanceTime(7 * DAY + 1_000);
    expect((await patch(subscription.id, { ...read, status: "deleted" })).body).toMatchObject({ code: 900117 });
    expect((await patch(subscription.id, { ...read, quantity: 4 })).body).toMatchObject({ code: 900257 });
    // Seats added now have a window of their own.
    const more = await patch(subscription.id, { ...read, attributes: undefined, quantity: 8 });
    expect(more.body).toMatchObject({ quantity: 8, refundableQuantity: { totalQuantity: 3 } });
    expect((await patch(subscription.id, { ...more.body, quantity: 5 })).status).toBe(200);
    expect((await patch(subscription.id, { ...more.body, quantity: 4 })).body).toMatchObject({ code: 900257 });
  });

  it("cancels within the window: status deleted, no seat refundable, and a deleted subscription takes no change (400 2011)", async () => {
    const pc = await start();
    const subscription = await bought(pc);
    const read = await pc.subscriptions.get(CUSTOMER, subscription.id);
    const cancelled = await patch(subscription.id, { ...read, status: "deleted" });
    expect(cancelled.body).toMatchObject({ status: "deleted", refundableQuantity: { totalQuantity: 0 } });
    expect((await patch(subscription.id, { ...cancelled.body, quantity: 9 })).body).toMatchObject({ code: 2011 });
  });

  it("keeps a suspended subscription (billing goes on, auto-renew off), refuses seat changes to it (800091), and reactivates it", async () => {
    const pc = await start();
    const subscription = await bought(pc);
    const read = await pc.subscriptions.get(CUSTOMER, subscription.id);
    const suspended = await patch(subscription.id, { ...read, status: "suspended" });
    expect(suspended.body).toMatchObject({ status: "suspended", autoRenewEnabled: false });
    expect((await patch(subscription.id, { ...suspended.body, quantity: 6 })).body).toMatchObject({ code: 800091 });
    expect((await patch(subscription.id, { ...suspended.body, status: "active" })).body).toMatchObject({
      status: "active",
    });
  });

  it("answers a stale If-Match 400 2055, and the current one with the change", async () => {
    const pc = await start();
    const subscription = await bought(pc);
    const read = await pc.subscriptions.get(CUSTOMER, subscription.id);
    const etag = read.attributes!.etag!;
    expect((await patch(subscription.id, { ...read, friendlyName: "a" }, { "If-Match": etag })).status).toBe(200);
    expect((await patch(subscription.id, { ...read, friendlyName: "b" }, { "If-Match": etag })).body).toMatchObject({
      code: 2055,
    });
  });

  it("refuses a decrease of a software subscription 400 800090 and its cancel by PATCH 400 800096 (it is cancelled by updateOrder)", async () => {
    const pc = await start();
    const subscription = await bought(pc, SOFTWARE, 3);
    const read = await pc.subscriptions.get(CUSTOMER, subscription.id);
    expect(read.refundableQuantity).toBeUndefined();
    expect((await patch(subscription.id, { ...read, quantity: 2 })).body).toMatchObject({ code: 800090 });
    expect((await patch(subscription.id, { ...read, status: "deleted" })).body).toMatchObject({ code: 800096 });
  });

  it("answers 409 800082 while a new subscription is not ready, and takes the change once it is", async () => {
    const pc = await start({ subscriptionReadyAfterMs: 60_000 });
    const subscription = await bought(pc);
    const read = await pc.subscriptions.get(CUSTOMER, subscription.id);
    expect((await patch(subscription.id, read)).body).toMatchObject({ code: 800082 });
    await fake!.advanceTime(60_000);
    expect((await patch(subscription.id, read)).status).toBe(200);
  });

  it("answers 202 with the subscription's Location when changes are slow, 409 900278 while one is pending, and shows it after", async () => {
    const pc = await start({ subscriptionUpdateDelayMs: 30_000 });
    const subscription = await bought(pc);
    const read = await pc.subscriptions.get(CUSTOMER, subscription.id);
    const accepted = await patch(subscription.id, { ...read, quantity: 7 });
    expect(accepted).toMatchObject({
      status: 202,
      location: `/customers/${CUSTOMER}/subscriptions/${subscription.id}`,
    });
    expect((await patch(subscription.id, { ...read, quantity: 8 })).body).toMatchObject({ code: 900278 });
    expect((await pc.subscriptions.get(CUSTOMER, subscription.id)).quantity).toBe(5);
    await fake!.advanceTime(30_000);
    expect((await pc.subscriptions.get(CUSTOMER, subscription.id)).quantity).toBe(7);
  });

  it("renews at the end of the term with auto-renew (a new 7-day window), and expires without it", async () => {
    const pc = await start();
    const renewing = await bought(pc);
    const expiring = await bought(pc);
    const read = await pc.subscriptions.get(CUSTOMER, expiring.id);
    await patch(expiring.id, { ...read, autoRenewEnabled: false });
    await fake!.advanceTime(366 * DAY);
    const renewed = await pc.subscriptions.get(CUSTOMER, renewing.id);
    expect(renewed).toMatchObject({ status: "active", refundableQuantity: { totalQuantity: 5 } });
    expect(Date.parse(renewed.cancellationAllowedUntilDate!)).toBeGreaterThan(fake!.now().getTime());
    expect((await pc.subscriptions.get(CUSTOMER, expiring.id)).status).toBe("expired");
  });

  it("lists a customer's subscriptions by order, by reseller and by product type, and refuses order and reseller together", async () => {
    const pc = await start();
    const first = await bought(pc);
    await bought(pc, SOFTWARE, 1);
    const resold = await pc.orders.create(CUSTOMER, {
      lineItems: [{ offerId: M365, quantity: 1, termDuration: "P1Y", partnerIdOnRecord: "1234567" }],
    });
    await pc.orders.getOrderProvisioningStatus(CUSTOMER, resold.id);
    expect(await all(pc.subscriptions.list(CUSTOMER))).toHaveLength(3);
    const software = await all(pc.subscriptions.list(CUSTOMER, { productType: "software" }));
    expect(software.map((s) => s.offerId)).toEqual([SOFTWARE]);
    const byOrder = await all(pc.subscriptions.list(CUSTOMER, { orderId: first.orderId! }));
    expect(byOrder.map((s) => s.id)).toEqual([first.id]);
    const byReseller = await all(pc.subscriptions.list(CUSTOMER, { mpnId: "1234567" }));
    expect(byReseller.map((s) => s.orderId)).toEqual([resold.id]);
    await expect(
      all(pc.subscriptions.list(CUSTOMER, { orderId: first.orderId!, mpnId: "1234567" })),
    ).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
      problems: [{ path: "query", message: expect.stringContaining("order_id and mpn_id") }],
    });
  });
});

describe("the fake's subscription operations, given generated requests", () => {
  it.each(["updateSubscription", "getSubscription", "listSubscriptions", "listAuditRecords"] as const)(
    "answer every valid %s with a documented status and every broken one 400, never a 5xx (fixed seed)",
    async (operationId) => {
      const errors: unknown[] = [];
      const pc = await start({ onError: (error) => void errors.push(error) });
      const report = await fuzzOperation(operationId, rawSender(pc), fake!.url, 30, 7);
      expect(report.failure).toBeUndefined();
      expect(report.requests).toBeGreaterThanOrEqual(60);
      expect(errors).toEqual([]);
    },
    30_000,
  );

  it("answers generated changes to a subscription that exists as documented, never a 5xx (fixed seed)", async () => {
    const errors: unknown[] = [];
    const pc = await start({ onError: (error) => void errors.push(error) });
    const { id } = await bought(pc);
    const send = rawSender(pc);
    // Every generated request names the subscription just bought, so its body reaches the rules.
    const statuses = new Set<number>();
    const onto: typeof send = async (method, path, parts) => {
      const answer = await send(method, path, { ...parts, path: { customer_id: CUSTOMER, subscription_id: id } });
      statuses.add(answer.status);
      return answer;
    };
    const report = await fuzzOperation("updateSubscription", onto, fake!.url, 60, 11);
    expect(report.failure).toBeUndefined();
    expect(errors).toEqual([]);
    expect([...statuses].every((status) => status < 500)).toBe(true);
    expect(statuses.has(200)).toBe(true);
  }, 30_000);
});
