// The fake as a strict test double: what would hide a bug in a test that uses it is refused, and
// what a real outage does after the order is committed can be injected.
import {
  createPartnerCenterClient,
  isPartnerCenterValidationError,
  type PartnerCenterClient,
} from "partner-center-orders";
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";
import { IdempotencyRecords } from "../../src/testing/wire/idempotency";
import { AttemptCounter } from "../../src/testing/faults";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const OTHER = "0d9a4b7e-3b3c-4c1d-9a51-4f3f33a6d0f1";
const LINE = { offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 };
const REQUEST_ID = "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f";

let fake: FakePartnerCenter;
let pc: PartnerCenterClient;
// The line's offer is cancelled here: as a software subscription, which updateOrder cancels (D37).
beforeAll(
  async () => (fake = await startFakePartnerCenter({ token: "t", offerKinds: { [LINE.offerId]: "software" } })),
);
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  pc = createPartnerCenterClient({
    credential: "t",
    baseUrl: fake.url,
    timeoutMs: 300,
    backoff: { baseDelayMs: 1, maxDelayMs: 2 },
  });
});

describe("MS-RequestId as a strict test double", () => {
  it("answers 409 when one MS-RequestId is reused for another order body, saying why", async () => {
    await pc.orders.create(CUSTOMER, { lineItems: [LINE] }, { requestId: REQUEST_ID });
    const error = await pc.orders
      .create(CUSTOMER, { lineItems: [{ ...LINE, quantity: 2 }] }, { requestId: REQUEST_ID })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 409,
      description: expect.stringMatching(
        new RegExp(`MS-RequestId ${REQUEST_ID} was already used for POST /customers/${CUSTOMER}/orders`),
      ),
    });
    expect(fake.orders()).toHaveLength(1);
    expect(fake.stats).toMatchObject({ created: 1, conflicts: 1, replays: 0 });
  });

  it("answers 409 when one MS-RequestId is reused for another customer, naming the first", async () => {
    await pc.orders.create(CUSTOMER, { lineItems: [LINE] }, { requestId: REQUEST_ID });
    const error = await pc.orders
      .create(OTHER, { lineItems: [LINE] }, { requestId: REQUEST_ID })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, description: expect.stringContaining(`for customer ${CUSTOMER}`) });
    expect(fake.orders(OTHER)).toHaveLength(0);
  });

  it("replays the first answer as it was, though the order has changed since", async () => {
    const first = await pc.orders.create(CUSTOMER, { lineItems: [LINE] }, { requestId: REQUEST_ID });
    await pc.orders.update(CUSTOMER, first.id, { id: first.id, status: "cancelled" });
    const again = await pc.orders.create(CUSTOMER, { lineItems: [LINE] }, { requestId: REQUEST_ID });
    expect(again).toEqual(first);
    expect(again.status).toBe("pending");
  });

  it("forgets an MS-RequestId after the retention, on the fake's clock", async () => {
    const short = await startFakePartnerCenter({ idempotencyRetentionMs: 3_600_000 });
    try {
      const client = createPartnerCenterClient({ credential: "t", baseUrl: short.url });
      await client.orders.create(CUSTOMER, { lineItems: [LINE] }, { requestId: REQUEST_ID });
      await short.advanceTime(3_600_000);
      await client.orders.create(CUSTOMER, { lineItems: [{ ...LINE, quantity: 2 }] }, { requestId: REQUEST_ID });
      expect(short.orders()).toHaveLength(2);
    } finally {
      await short.close();
    }
  });
});

describe("records that expire", () => {
  it("drops idempotency records and attempt counts once their retention has passed", () => {
    let now = 0;
    const records = new IdempotencyRecords(1_000, () => now);
    const attempts = new AttemptCounter(1_000, () => now);
    for (let i = 0; i < 500; i++) {
      records.remember(
        `id-${i}`,
        { method: "POST", path: "/x", customer: "c", body: Buffer.from("{}") },
        { status: 201 },
      );
      attempts.next(`id-${i}`);
    }
    expect([records.size, attempts.size]).toEqual([500, 500]);
    now = 999;
    expect(records.lookup("id-0", { method: "POST", path: "/x", customer: "c", body: Buffer.from("{}") }).kind).toBe(
      "replay",
    );
    now = 1_001;
    attempts.next("late");
    expect([records.size, attempts.size]).toEqual([0, 1]);
  });
});

describe("options refused at start", () => {
  it.each([
    ["pageSize", { pageSize: 0 }],
    ["pageSize", { pageSize: 1.5 }],
    ["maxBodyBytes", { maxBodyBytes: -1 }],
    ["idempotencyRetentionMs", { idempotencyRetentionMs: 0 }],
    ["token", { token: "a b" }],
  ])("refuses a bad %s before listening", async (name, options) => {
    const error = await startFakePartnerCenter(options).catch((e: unknown) => e);
    expect(isPartnerCenterValidationError(error)).toBe(true);
    expect((error as { problems: { path: string }[] }).problems.map((p) => p.path)).toEqual([`options.${name}`]);
  });
});

describe("faults after the order is committed", () => {
  it.each([
    ["a 500", { type: "status", status: 500, after: true }],
    ["a 503 with Retry-After", { type: "status", status: 503, retryAfter: "0", after: true }],
    [
      "a raw gateway page",
      { type: "raw", status: 502, headers: { "Content-Type": "text/html" }, body: "<html>502</html>", after: true },
    ],
    ["a reset", { type: "reset", after: true }],
    ["a stall", { type: "stall", after: true }],
  ] as const)("%s: the order exists once, and the client's retry gets it back", async (_what, fault) => {
    fake.injectFaults(fault);
    const order = await pc.orders.create(CUSTOMER, { lineItems: [LINE] });
    expect(fake.orders().map((o) => o.id)).toEqual([order.id]);
    expect(fake.stats).toMatchObject({ created: 1, replays: 1, faults: 1 });
  });
});
