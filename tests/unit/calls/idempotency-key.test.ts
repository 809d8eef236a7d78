// An idempotency key derives the MS-RequestId (a version 5 UUID over the key, the operation and
// the customer): the same key sends the same id from any client, so a create re-sent after a
// restart is answered as the first and places nothing; a key reused by one client for another
// body is refused before sending.
import { createPartnerCenterClient, isPartnerCenterValidationError } from "../../../src";
import { canonicalJson, uuidV5 } from "../../../src/calls/idempotency-key";
import { startFakePartnerCenter, type FakePartnerCenter } from "../../../src/testing";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const OTHER = "00000000-0000-4000-8000-000000000001";
const LINE = { offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 };

let fake: FakePartnerCenter;
const sent: string[] = [];
beforeEach(async () => {
  fake = await startFakePartnerCenter();
  sent.length = 0;
});
afterEach(() => fake.close());

/** A new client, as after a restart, recording the MS-RequestId of each request. */
const client = () =>
  createPartnerCenterClient({
    credential: "t",
    baseUrl: fake.url,
    rateLimit: false,
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push(request.headers.get("ms-requestid") ?? "");
      return fetch(request);
    },
  });

describe("uuidV5", () => {
  it("gives RFC 9562's name-based ids (Python's uuid5(NAMESPACE_DNS, 'python.org'))", async () => {
    expect(await uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org")).toBe(
      "886313e1-3b8a-5372-9b90-0c9aee199e5d",
    );
  });

  it("reads one canonical text whatever the order of keys", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });
});

describe("orders.create with an idempotencyKey", () => {
  it("sends the same MS-RequestId from a restarted client, and the service places one order", async () => {
    const first = await client().orders.create(CUSTOMER, { lineItems: [LINE] }, { idempotencyKey: "purchase-42" });
    const again = await client().orders.create(CUSTOMER, { lineItems: [LINE] }, { idempotencyKey: "purchase-42" });
    expect(sent[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sent[1]).toBe(sent[0]);
    expect(again.id).toBe(first.id);
    expect(fake.orders(CUSTOMER)).toHaveLength(1);
    expect(fake.stats.replays).toBe(1);
  });

  it("derives another id for another key, or another customer (any casing of the same one is the same)", async () => {
    const pc = client();
    await pc.orders.create(CUSTOMER, { lineItems: [LINE] }, { idempotencyKey: "a" });
    await pc.orders.create(CUSTOMER, { lineItems: [LINE] }, { idempotencyKey: "b" });
    await pc.orders.create(OTHER, { lineItems: [LINE] }, { idempotencyKey: "a" });
    await pc.orders.create(CUSTOMER.toUpperCase(), { lineItems: [LINE] }, { idempotencyKey: "a" });
    expect(new Set(sent.slice(0, 3)).size).toBe(3);
    expect(sent[3]).toBe(sent[0]);
  });

  it("refuses a key this client used for another customer user, and the fake answers another process 409, never the first user's order", async () => {
    const pc = client();
    await pc.orders.create(CUSTOMER, { lineItems: [LINE] }, { idempotencyKey: "u", customerUserUpn: "a@contoso.com" });
    await expect(
      pc.orders.create(CUSTOMER, { lineItems: [LINE] }, { idempotencyKey: "u", customerUserUpn: "A@Contoso.com" }),
    ).resolves.toBeDefined();
    const error = await pc.orders
      .create(CUSTOMER, { lineItems: [LINE] }, { idempotencyKey: "u", customerUserUpn: "b@contoso.com" })
      .catch((e: unknown) => e);
    expect(isPartnerCenterValidationError(error) && error.problems[0]).toMatchObject({
      path: "options.idempotencyKey",
      message: expect.stringMatching(/another order/),
    });
    const elsewhere = await client()
      .orders.create(CUSTOMER, { lineItems: [LINE] }, { idempotencyKey: "u", customerUserUpn: "b@contoso.com" })
      .catch((e: unknown) => e);
    expect(elsewhere).toMatchObject({ status: 409 });
    expect(fake.orders(CUSTOMER)).toHaveLength(1);
  });

  it("refuses a key this client used for another order, sending nothing, and takes the same order spelt otherwise", async () => {
    const pc = client();
    await pc.orders.create(CUSTOMER, { lineItems: [LINE] }, { idempotencyKey: "k" });
    await expect(
      pc.orders.create(CUSTOMER, { LineItems: [{ OfferId: LINE.offerId, Quantity: 1 }] } as never, {
        idempotencyKey: "k",
      }),
    ).resolves.toBeDefined();
    const error = await pc.orders
      .create(CUSTOMER, { lineItems: [{ ...LINE, quantity: 2 }] }, { idempotencyKey: "k" })
      .catch((e: unknown) => e);
    expect(isPartnerCenterValidationError(error) && error.problems[0]).toMatchObject({
      path: "options.idempotencyKey",
      message: expect.stringMatching(/another order/),
    });
    expect(sent).toHaveLength(2);
  });

  it.each([
    ["an empty key", { idempotencyKey: "" }],
    ["a key with a requestId", { idempotencyKey: "k", requestId: "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f" }],
    ["a key that is not a string", { idempotencyKey: 42 }],
  ])("refuses %s", async (_what, options) => {
    const error = await client()
      .orders.create(CUSTOMER, { lineItems: [LINE] }, options as never)
      .catch((e: unknown) => e);
    expect(isPartnerCenterValidationError(error) && error.problems[0]!.path).toBe("options.idempotencyKey");
    expect(sent).toHaveLength(0);
  });
});
