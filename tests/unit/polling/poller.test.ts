// Waiting for an order against the fake Partner Center: every outcome, one state per poll, resume
// from toString() in a new client, abort with the ids of the last request, never two requests in
// flight for one order, Retry-After honoured, and caller mistakes refused with nothing sent.
import {
  createPartnerCenterClient,
  isPartnerCenterError,
  isPartnerCenterValidationError,
  type PartnerCenterClient,
  type ProvisioningState,
} from "../../../src";
import { startFakePartnerCenter, type FakePartnerCenter, type FakePartnerCenterOptions } from "../../../src/testing";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const OFFER = "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P";
const FAILING = "CFQ7TTC0LHSV:0001:CFQ7TTC0KM4Z";
const FAST = { intervalMs: 5, maxIntervalMs: 20 };

let fake: FakePartnerCenter | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A fake with `options` and a client of it; `seen` records every request's path and the order's in-flight count. */
async function start(options: FakePartnerCenterOptions = {}) {
  // OFFER is cancelled here: as a software subscription, which updateOrder cancels (D37).
  fake = await startFakePartnerCenter({ offerKinds: { [OFFER]: "software" }, ...options });
  const inFlight = new Map<string, number>();
  let overlap = 0;
  const requests: { method: string; path: string; requestId: string | null; at: number }[] = [];
  const client = () =>
    createPartnerCenterClient({
      credential: "t",
      baseUrl: fake!.url,
      rateLimit: false,
      backoff: { baseDelayMs: 1, maxDelayMs: 2 },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const order = /\/orders\/([^/]+)/.exec(new URL(request.url).pathname)?.[1] ?? "";
        inFlight.set(order, (inFlight.get(order) ?? 0) + 1);
        overlap = Math.max(overlap, inFlight.get(order)!);
        requests.push({
          method: request.method,
          path: new URL(request.url).pathname,
          requestId: request.headers.get("ms-requestid"),
          at: Date.now(),
        });
        try {
          return await fetch(request);
        } finally {
          inFlight.set(order, inFlight.get(order)! - 1);
        }
      },
    });
  return { pc: client(), client, requests, overlap: () => overlap };
}

const place = (pc: PartnerCenterClient, ...offers: string[]) =>
  pc.orders.create(CUSTOMER, { lineItems: offers.map((offerId) => ({ offerId, quantity: 1 })) });

describe("pollProvisioning and createAndWait", () => {
  it("waits for fulfilment: outcome fulfilled, a subscription id on every line item", async () => {
    const { pc } = await start({ provisioning: { polls: 3 } });
    const done = await pc.orders.createAndWait(
      CUSTOMER,
      {
        lineItems: [
          { offerId: OFFER, quantity: 2 },
          { offerId: OFFER, quantity: 1 },
        ],
      },
      FAST,
    );
    expect(done.outcome).toBe("fulfilled");
    expect(done.order.status).toBe("completed");
    expect(done.order.lineItems.map((l) => l.subscriptionId)).toEqual([
      expect.stringMatching(/^[0-9a-f-]{36}$/),
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    ]);
    expect(done.provisioning?.items.map((i) => i.status)).toEqual(["fulfilled", "fulfilled"]);
  });

  it("gives one state per poll, the last one done", async () => {
    const { pc } = await start({ provisioning: { polls: 3 } });
    const order = await place(pc, OFFER);
    const states: ProvisioningState[] = [];
    for await (const state of pc.orders.pollProvisioning(CUSTOMER, order.id, FAST)) states.push(state);
    expect(states.map((s) => [s.polls, s.order.status, s.done, s.outcome])).toEqual([
      [1, "pending", false, undefined],
      [2, "pending", false, undefined],
      [3, "pending", false, undefined],
      [4, "completed", true, "fulfilled"],
    ]);
  });

  it.each([
    ["partial", [OFFER, FAILING]],
    ["failed", [FAILING]],
  ])("ends %s when offers fail to provision", async (outcome, offers) => {
    const { pc } = await start({ failOffers: [FAILING] });
    const order = await place(pc, ...offers);
    await expect(pc.orders.pollProvisioning(CUSTOMER, order.id, FAST).pollUntilDone()).resolves.toMatchObject({
      outcome,
    });
  });

  it("ends cancelled at the first poll of a cancelled order, reading the order only", async () => {
    const { pc, requests } = await start({ provisioning: { polls: 5 } });
    const order = await place(pc, OFFER);
    await pc.orders.update(CUSTOMER, order.id, { status: "cancelled" });
    const before = requests.length;
    await expect(pc.orders.pollProvisioning(CUSTOMER, order.id, FAST).pollUntilDone()).resolves.toMatchObject({
      outcome: "cancelled",
      provisioning: undefined,
    });
    expect(requests.slice(before).map((r) => r.path)).toEqual([`/customers/${CUSTOMER}/orders/${order.id}`]);
  });

  it("stops at needs_purchase_order for an order held for a purchase order, instead of polling on", async () => {
    const { pc, requests } = await start({ purchaseOrderOffers: [OFFER] });
    const created = await pc.orders.createAndWait(CUSTOMER, { lineItems: [{ offerId: OFFER, quantity: 1 }] }, FAST);
    expect(created).toMatchObject({ outcome: "needs_purchase_order", order: { status: "pending_po_upload" } });
    expect(requests).toHaveLength(1);
    await expect(pc.orders.pollProvisioning(CUSTOMER, created.order.id, FAST).pollUntilDone()).resolves.toMatchObject({
      outcome: "needs_purchase_order",
    });
  });

  it("ends timed_out once maxWaitMs has passed, its last poll at the deadline", async () => {
    const { pc, requests } = await start({ provisioning: { polls: 1_000 } });
    const order = await place(pc, OFFER);
    const started = Date.now();
    // Polls at 0 and 800 ms, then at the deadline (1,200 ms) instead of a 1,000 ms interval later
    // (1,800 ms). The poll before the deadline, two reads, has 400 ms to be answered: beside 8 busy
    // loops on 2 cores, 20 ms (a 40 ms interval, 100 ms to wait) and then 100 ms were not enough,
    // and with the answer after the deadline no poll is due there.
    const result = await pc.orders
      .pollProvisioning(CUSTOMER, order.id, { intervalMs: 800, maxIntervalMs: 1_000, maxWaitMs: 1_200 })
      .pollUntilDone();
    expect(result.outcome).toBe("timed_out");
    expect(result.order.status).toBe("pending");
    expect(requests.at(-1)!.at - started).toBeGreaterThanOrEqual(1_195);
    expect(requests.at(-1)!.at - started).toBeLessThan(1_600);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("reports a status it does not know and keeps polling", async () => {
    const { pc } = await start({ provisioning: { polls: 2 } });
    const order = await place(pc, OFFER);
    fake!.injectFaults({
      type: "raw",
      status: 200,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...order, status: "archived" }),
    });
    const states: ProvisioningState[] = [];
    for await (const state of pc.orders.pollProvisioning(CUSTOMER, order.id, FAST)) states.push(state);
    expect(states[0]).toMatchObject({ done: false, unrecognised: ["order: archived"] });
    expect(states.at(-1)).toMatchObject({ done: true, outcome: "fulfilled", unrecognised: [] });
  });

  it("resumes from toString() in a new client: the polls go on, nothing is placed again", async () => {
    const { pc, client } = await start({ provisioning: { polls: 4 } });
    const order = await place(pc, OFFER);
    const first = pc.orders.pollProvisioning(CUSTOMER, order.id, FAST);
    for await (const state of first) if (state.polls === 2) break;
    const saved = first.toString();
    const resumed = client().orders.pollProvisioning(CUSTOMER, order.id, { resumeFrom: saved });
    const states: ProvisioningState[] = [];
    for await (const state of resumed) states.push(state);
    expect(states.map((s) => s.polls)).toEqual([3, 4, 5]);
    expect(states.at(-1)?.outcome).toBe("fulfilled");
    expect(fake!.stats.created).toBe(1);
    expect(JSON.parse(resumed.toString())).toMatchObject({ polls: 5, correlationId: JSON.parse(saved).correlationId });
  });

  it("stops at once when the caller aborts during a wait, naming the last request's id", async () => {
    const { pc, requests } = await start({ provisioning: { polls: 100 } });
    const order = await place(pc, OFFER);
    const controller = new AbortController();
    const waiting = pc.orders
      .pollProvisioning(CUSTOMER, order.id, { intervalMs: 60_000, signal: controller.signal })
      .pollUntilDone();
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    controller.abort(new Error("shutting down"));
    const error = await waiting.catch((e: unknown) => e);
    // At once, not after the 60 s wait: 2 s leaves room for a loaded machine's event loop.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(isPartnerCenterError(error) && error).toMatchObject({
      code: "ABORTED",
      name: "AbortError",
      requestId: requests.at(-1)!.requestId,
    });
    expect((error as Error).cause).toMatchObject({ message: "shutting down" });
  });

  it("stops at once when the caller aborts during a request, with that request's id", async () => {
    const { pc, requests } = await start();
    const order = await place(pc, OFFER);
    fake!.injectFaults({ type: "stall" });
    const controller = new AbortController();
    const waiting = pc.orders
      .pollProvisioning(CUSTOMER, order.id, { ...FAST, signal: controller.signal })
      .pollUntilDone();
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    const error = await waiting.catch((e: unknown) => e);
    expect(isPartnerCenterError(error) && error).toMatchObject({
      code: "ABORTED",
      requestId: requests.at(-1)!.requestId,
    });
  });

  it("never has two requests in flight for one order, even with two pollers of it", async () => {
    const { pc, overlap } = await start({ provisioning: { polls: 6 } });
    const order = await place(pc, OFFER);
    const results = await Promise.all(
      [1, 2].map(() =>
        pc.orders.pollProvisioning(CUSTOMER, order.id, { intervalMs: 1, maxIntervalMs: 2 }).pollUntilDone(),
      ),
    );
    expect(results.map((r) => r.outcome)).toEqual(["fulfilled", "fulfilled"]);
    expect(overlap()).toBe(1);
  });

  it("waits as long as a poll's Retry-After says", async () => {
    const { pc, requests } = await start({ provisioning: { polls: 1 } });
    const order = await place(pc, OFFER);
    fake!.injectFaults({
      type: "raw",
      status: 200,
      headers: { "Content-Type": "application/json", "Retry-After": "1" },
      body: JSON.stringify(order),
    });
    await pc.orders.pollProvisioning(CUSTOMER, order.id, FAST).pollUntilDone();
    const polls = requests.filter((r) => r.method === "GET" && !r.path.endsWith("provisioningstatus"));
    expect(polls[1]!.at - polls[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("answers a typed 404 at the first poll for an order that is not the customer's", async () => {
    const { pc } = await start();
    const error = await pc.orders
      .pollProvisioning(CUSTOMER, "not-an-order-of-theirs", FAST)
      .pollUntilDone()
      .catch((e: unknown) => e);
    expect(isPartnerCenterError(error) && error.status).toBe(404);
  });
});

describe("caller mistakes", () => {
  const saved = (customerId: string, orderId: string) =>
    JSON.stringify({
      kind: "partner-center-orders/provisioning-poller",
      version: 1,
      customerId,
      orderId,
      polls: 1,
      nextPollAt: 0,
      deadline: 0,
      intervalMs: 5,
      maxIntervalMs: 5,
      correlationId: "1f0c4e4a-3a43-4b53-9c8f-6f8a1d6a2b10",
    });

  it.each([
    ["an intervalMs of 0", "options.intervalMs", { intervalMs: 0 }],
    ["a negative intervalMs", "options.intervalMs", { intervalMs: -5 }],
    ["a maxIntervalMs that is NaN", "options.maxIntervalMs", { maxIntervalMs: Number.NaN }],
    ["a maxWaitMs given as text", "options.maxWaitMs", { maxWaitMs: "60000" }],
    ["a resumeFrom that is not a saved state", "options.resumeFrom", { resumeFrom: "not a saved state" }],
    [
      "a resumeFrom saved for another customer",
      "options.resumeFrom",
      { resumeFrom: saved("00000000-0000-0000-0000-000000000000", "o1") },
    ],
    ["a resumeFrom saved for another order", "options.resumeFrom", { resumeFrom: saved(CUSTOMER, "another-order") }],
    [
      "a damaged resumeFrom",
      "options.resumeFrom",
      { resumeFrom: saved(CUSTOMER, "o1").replace('"polls":1', '"polls":-1') },
    ],
    [
      "a resumeFrom whose deadline is in the year 9999",
      "options.resumeFrom",
      { resumeFrom: saved(CUSTOMER, "o1").replace('"deadline":0', `"deadline":${Date.UTC(9999, 0)}`) },
    ],
    [
      "a resumeFrom whose next poll is in the year 9999",
      "options.resumeFrom",
      { resumeFrom: saved(CUSTOMER, "o1").replace('"nextPollAt":0', `"nextPollAt":${Date.UTC(9999, 0)}`) },
    ],
    [
      "a resumeFrom saved for a 5 MB order id",
      "options.resumeFrom",
      { resumeFrom: saved(CUSTOMER, "o".repeat(5_000_000)) },
    ],
  ])("refuses %s with nothing sent", async (_what, path, options) => {
    const { pc, requests } = await start();
    let error: unknown;
    try {
      pc.orders.pollProvisioning(CUSTOMER, "o1", options as never);
    } catch (caught) {
      error = caught;
    }
    expect(isPartnerCenterValidationError(error) && error.problems.map((p) => p.path)).toEqual([path]);
    expect((error as Error).message.length).toBeLessThan(2_000);
    expect(requests).toHaveLength(0);
  });

  it("refuses createAndWait's bad waits before placing anything", async () => {
    const { pc, requests } = await start();
    const error = await pc.orders
      .createAndWait(CUSTOMER, { lineItems: [{ offerId: OFFER, quantity: 1 }] }, { maxWaitMs: 0 })
      .catch((e: unknown) => e);
    expect(isPartnerCenterValidationError(error) && error.problems.map((p) => p.path)).toEqual(["options.maxWaitMs"]);
    expect(requests).toHaveLength(0);
  });
});

describe("with an App-only credential, which getOrderProvisioningStatus refuses", () => {
  // Provisioning by the clock: the fake's `polls` plan counts reads of the provisioning status, which an App-only token cannot make.
  const appOnly = async (options: FakePartnerCenterOptions = {}) => {
    fake = await startFakePartnerCenter({ tokens: { "app-token": "app" }, provisioning: { afterMs: 30 }, ...options });
    return createPartnerCenterClient({
      credential: "app-token",
      baseUrl: fake.url,
      rateLimit: false,
      backoff: { baseDelayMs: 1, maxDelayMs: 2 },
    });
  };

  it("judges the order from the order alone and says so, instead of failing", async () => {
    const pc = await appOnly();
    const done = await pc.orders.createAndWait(CUSTOMER, { lineItems: [{ offerId: OFFER, quantity: 1 }] }, FAST);
    expect(done.outcome).toBe("fulfilled");
    expect(done.provisioning).toBeUndefined();
    expect(done.order.lineItems[0]!.subscriptionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(done.provisioningUnread).toMatch(
      /getOrderProvisioningStatus was refused with 403 \(it takes App\+User credentials/,
    );
  });

  it("tells a failed order from the order alone too", async () => {
    const pc = await appOnly({ failOffers: [FAILING] });
    const done = await pc.orders.createAndWait(CUSTOMER, { lineItems: [{ offerId: FAILING, quantity: 1 }] }, FAST);
    expect(["failed", "partial"]).toContain(done.outcome);
  });

  it("says in every state that it judged from the order alone", async () => {
    const pc = await appOnly({ provisioning: { afterMs: 60 } });
    const order = await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: OFFER, quantity: 1 }] });
    const states: ProvisioningState[] = [];
    for await (const state of pc.orders.pollProvisioning(CUSTOMER, order.id, FAST)) states.push(state);
    expect(states.at(-1)).toMatchObject({ done: true, outcome: "fulfilled" });
    expect(states.every((s) => typeof s.provisioningUnread === "string")).toBe(true);
  });
});

describe("judgeProvisioning from the order alone", () => {
  it("takes a completed order's subscription ids as its line items' states", async () => {
    const { judgeProvisioning } = await import("../../../src/polling/provisioning-outcome");
    const order = (ids: (string | undefined)[]) =>
      ({
        id: "o",
        status: "completed",
        lineItems: ids.map((subscriptionId, lineItemNumber) => ({ lineItemNumber, offerId: "x", subscriptionId })),
      }) as never;
    expect(judgeProvisioning(order(["s1", "s2"]), undefined, { orderAlone: true })).toMatchObject({
      done: true,
      outcome: "fulfilled",
    });
    expect(judgeProvisioning(order(["s1", undefined]), undefined, { orderAlone: true })).toMatchObject({
      done: true,
      outcome: "partial",
    });
    expect(judgeProvisioning(order([undefined]), undefined, { orderAlone: true })).toMatchObject({
      done: true,
      outcome: "failed",
    });
  });
});

describe("maxWaitMs as a bound", () => {
  it("ends the wait near maxWaitMs when polls queue behind the client's pacing: timed_out, or a TIMEOUT before the first poll", async () => {
    const fake = await startFakePartnerCenter({ provisioning: { polls: 1_000 } });
    try {
      // Three requests a minute: the create and the first poll's two reads take them; every later read waits.
      const pc = createPartnerCenterClient({ credential: "t", baseUrl: fake.url, rateLimit: { requestsPerMinute: 3 } });
      const order = await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: OFFER, quantity: 1 }] });
      const started = Date.now();
      const result = await pc.orders
        .pollProvisioning(CUSTOMER, order.id, { intervalMs: 1, maxWaitMs: 300 })
        .pollUntilDone();
      expect(result.outcome).toBe("timed_out");
      expect(Date.now() - started).toBeLessThan(5_000);
      const waiting = Date.now();
      const error = await pc.orders
        .pollProvisioning(CUSTOMER, order.id, { intervalMs: 1, maxWaitMs: 200 })
        .pollUntilDone()
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "TIMEOUT", message: expect.stringMatching(/maxWaitMs/) });
      expect(Date.now() - waiting).toBeLessThan(5_000);
    } finally {
      await fake.close();
    }
  }, 20_000);
});
