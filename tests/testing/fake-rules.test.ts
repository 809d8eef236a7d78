// The rules Partner Center's docs state, enforced by the fake with the documented status and code,
// and handled by the client: what updateOrder may cancel (by offer kind, tenant and age), and the
// list delay before a new order appears in listOrders.
import { createPartnerCenterClient, isPartnerCenterError, type PartnerCenterError } from "partner-center-orders";
import {
  cancellationRefusal,
  startFakePartnerCenter,
  type FakePartnerCenter,
  type FakePartnerCenterOptions,
  type OfferKind,
} from "partner-center-orders/testing";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const NEW_COMMERCE = "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P";
const OFFERS: Record<OfferKind, string> = {
  "new-commerce": NEW_COMMERCE,
  software: "DG7GMGF0FKZV:0003:DG7GMGF0DWMS",
  "perpetual-software": "DG7GMGF0D7FV:0005:DG7GMGF0DD6D",
  "reserved-instance": "DZH318Z0BQ4S:0003:DZH318Z0BRZ4",
  marketplace: "DZH318Z0BXWF:0001:DZH318Z0BZ49",
  "seat-based-saas": "DZH318Z0BXWG:0001:DZH318Z0BZ50",
  // The fake catalog's Azure plan, whose SKU lists the MCA: cancel() confirms it first.
  "azure-plan": "DZH318Z0BPS6:0001:FAKE0000AP01",
};
const kinds = Object.fromEntries(
  Object.entries(OFFERS)
    .filter(([kind]) => kind !== "new-commerce")
    .map(([kind, offer]) => [offer, kind]),
) as Record<string, OfferKind>;

let fake: FakePartnerCenter | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: FakePartnerCenterOptions = {}) {
  fake = await startFakePartnerCenter({ offerKinds: kinds, ...options });
  return createPartnerCenterClient({ credential: "t", baseUrl: fake.url, maxRetries: 0, rateLimit: false });
}

async function cancel(options: FakePartnerCenterOptions, kind: OfferKind): Promise<PartnerCenterError | "cancelled"> {
  const pc = await start(options);
  const primaryContact = { firstName: "Tania", lastName: "Carr", email: "someone@example.com" };
  await pc.prerequisites.createCustomerAgreement(CUSTOMER, { primaryContact, dateAgreed: new Date() });
  const order = await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: OFFERS[kind], quantity: 1 }] });
  return pc.orders.update(CUSTOMER, order.id, { id: order.id, status: "cancelled" }).then(
    (cancelled) =>
      cancelled.status === "cancelled"
        ? "cancelled"
        : (() => {
            throw new Error(`not cancelled: ${cancelled.status}`);
          })(),
    (error: unknown) => (isPartnerCenterError(error) ? error : Promise.reject(error)),
  );
}

describe("cancelling by updateOrder, as the docs' table has it", () => {
  it.each([
    ["new-commerce", "production", 400, 800063],
    ["new-commerce", "sandbox", 400, 800063],
    ["azure-plan", "sandbox", 400, 800061],
    ["seat-based-saas", "sandbox", 403, 800077],
    ["reserved-instance", "production", 403, 800019],
    ["marketplace", "production", 403, 800019],
  ] as const)("refuses a %s order in a %s tenant with %i %i", async (kind, tenant, status, code) => {
    expect(await cancel({ tenant }, kind)).toMatchObject({ status, code, isRetryable: false });
  });

  it.each([
    ["software", "production"],
    ["perpetual-software", "production"],
    ["software", "sandbox"],
    ["perpetual-software", "sandbox"],
    ["reserved-instance", "sandbox"],
    ["marketplace", "sandbox"],
  ] as const)("cancels a %s order in a %s tenant", async (kind, tenant) => {
    expect(await cancel({ tenant }, kind)).toBe("cancelled");
  });

  it("says where a new-commerce order is suspended instead", async () => {
    const refused = await cancel({}, "new-commerce");
    expect(refused).toMatchObject({
      description: expect.stringMatching(/Use PATCH \/customers\/.+\/subscriptions\/<id> to suspend subscriptions/),
    });
  });

  it("refuses a sandbox order older than 60 days, and an order already cancelled, with 800061", () => {
    const order = (days: number, status = "pending") =>
      ({
        id: "o",
        status,
        creationDate: new Date(Date.now() - days * 86_400_000).toISOString(),
        lineItems: [{ lineItemNumber: 0, offerId: "s" }],
      }) as never;
    const software = () => "software" as const;
    expect(cancellationRefusal(order(61), CUSTOMER, software, "sandbox", Date.now())).toMatchObject({
      status: 400,
      code: 800061,
    });
    expect(cancellationRefusal(order(59), CUSTOMER, software, "sandbox", Date.now())).toBeUndefined();
    expect(cancellationRefusal(order(1, "cancelled"), CUSTOMER, software, "production", Date.now())).toMatchObject({
      code: 800061,
    });
  });

  it("refuses unknown offer kinds and tenants at start", async () => {
    await expect(startFakePartnerCenter({ offerKinds: { x: "hardware" as never } })).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
    });
    await expect(startFakePartnerCenter({ tenant: "test" as never })).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
    });
  });
});

describe("the list delay", () => {
  it("lists a new order only after listDelayMs on the fake's clock, while getOrder finds it at once", async () => {
    // The service's documented 15 minutes, reached by moving the clock.
    const pc = await start({ listDelayMs: 15 * 60_000 });
    const order = await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: NEW_COMMERCE, quantity: 1 }] });
    const ids = async () => {
      const found: string[] = [];
      for await (const o of pc.orders.list(CUSTOMER)) found.push(o.id);
      return found;
    };
    expect(await ids()).toEqual([]);
    await expect(pc.orders.get(CUSTOMER, order.id)).resolves.toMatchObject({ id: order.id });
    await fake!.advanceTime(15 * 60_000 - 1_000);
    expect(await ids()).toEqual([]);
    await fake!.advanceTime(1_000);
    expect(await ids()).toEqual([order.id]);
  });
});

describe("409 800060, an order still being placed", () => {
  it("is what the fake answers a second request with the same MS-RequestId while the first is placing the order", async () => {
    // Placing takes a second: the second request, sent 50 ms after the first, meets it in progress.
    const pc = await start({ placementDelayMs: 1_000 });
    const requestId = crypto.randomUUID();
    const first = pc.orders.create(CUSTOMER, { lineItems: [{ offerId: NEW_COMMERCE, quantity: 1 }] }, { requestId });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const raw = await fetch(`${fake!.url}/customers/${CUSTOMER}/orders`, {
      method: "POST",
      headers: { Authorization: "Bearer t", "Content-Type": "application/json", "MS-RequestId": requestId },
      body: JSON.stringify({ lineItems: [{ lineItemNumber: 0, offerId: NEW_COMMERCE, quantity: 1 }] }),
    });
    expect(raw.status).toBe(409);
    expect(await raw.json()).toMatchObject({
      code: 800060,
      description: expect.stringMatching(/Your order is in progress/),
    });
    await first;
    expect(fake!.orders(CUSTOMER)).toHaveLength(1);
  });

  it("is waited out by the client: the retry that meets it waits and re-sends the same MS-RequestId, and one order is placed", async () => {
    fake = await startFakePartnerCenter({ placementDelayMs: 400 });
    // Each attempt gives up after 150 ms while the fake is still placing the order: the next attempt meets 800060.
    const pc = createPartnerCenterClient({
      credential: "t",
      baseUrl: fake.url,
      rateLimit: false,
      timeoutMs: 150,
      maxRetries: 6,
      backoff: { baseDelayMs: 100, maxDelayMs: 200 },
    });
    const order = await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: NEW_COMMERCE, quantity: 1 }] });
    expect(fake.orders(CUSTOMER).map((o) => o.id)).toEqual([order.id]);
    expect(fake.stats.created).toBe(1);
  });
});

describe("attestation, for offers that enforce it", () => {
  const ATTESTED = "CFQ7TTC0LF8Q:0001:CFQ7TTC0MM8R";
  it("refuses a line of such an offer without attestationAccepted, and places it with", async () => {
    const pc = await start({ attestationOffers: [ATTESTED] });
    const refused = await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: ATTESTED, quantity: 1 }] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({
      status: 400,
      code: 800002,
      data: [expect.stringMatching(/lineItems\[0\]\.attestationAccepted.*enforces attestation/)],
    });
    await expect(
      pc.orders.create(CUSTOMER, { lineItems: [{ offerId: ATTESTED, quantity: 1, attestationAccepted: true }] }),
    ).resolves.toMatchObject({ status: "pending" });
    expect(fake!.orders(CUSTOMER)).toHaveLength(1);
  });
});
