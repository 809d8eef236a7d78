// The fake's carts as strict as Partner Center's: order groups, an idempotent checkout, 800064 for
// an overlapping one, expiry, a cart with a line in error refused (800009), groups that fail while
// placed listed in orderErrors, and the orders and subscriptions a checkout leaves behind.
import { createPartnerCenterClient, type PartnerCenterClient } from "partner-center-orders";
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const SEATS = {
  catalogItemId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P",
  quantity: 2,
  billingCycle: "monthly" as const,
  termDuration: "P1M",
};
const SOFTWARE = { catalogItemId: "DG7GMGF0DWM3:0002:DG7GMGF0DT1M", quantity: 1, billingCycle: "one_time" as const };
const RESERVED = {
  catalogItemId: "DZH318Z0BQ36:004G:DZH318Z08C0S",
  quantity: 1,
  billingCycle: "one_time" as const,
  termDuration: "P1Y",
};
const SOLD_OUT = "DZH318Z0BQ36:004J:DZH318Z08B8X";
const ATTESTED = "CFQ7TTC0LFLZ:0002:CFQ7TTC0K4TS";

let fake: FakePartnerCenter;
let pc: PartnerCenterClient;
beforeAll(async () => {
  fake = await startFakePartnerCenter({
    token: "t",
    cartErrors: { [SOLD_OUT]: { code: 10003, description: "Inventory not available." } },
    attestationOffers: [ATTESTED],
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  pc = createPartnerCenterClient({ credential: "t", baseUrl: fake.url, backoff: { baseDelayMs: 1, maxDelayMs: 2 } });
});

/** A raw checkout past the client, with its own MS-RequestId. */
const rawCheckout = (cartId: string, body?: string) =>
  fetch(`${fake.url}/v1/customers/${CUSTOMER}/carts/${cartId}/checkout`, {
    method: "POST",
    headers: {
      Authorization: "Bearer t",
      "MS-RequestId": crypto.randomUUID(),
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    body,
  });

describe("createCart", () => {
  it("groups line items of one billing cycle into one order group, and the cart expires 7 days after it is created", async () => {
    const cart = await pc.carts.create(CUSTOMER, { lineItems: [SEATS, SOFTWARE, RESERVED] });
    expect(cart.lineItems!.map((l) => [l.id, l.orderGroup, l.currencyCode])).toEqual([
      [0, "0", "USD"],
      [1, "1", "USD"],
      [2, "1", "USD"],
    ]);
    expect(cart.status).toBe("Active");
    expect(Date.parse(cart.expirationTimestamp!) - Date.parse(cart.creationTimestamp!)).toBe(7 * 24 * 3_600_000);
  });

  it("keeps the order groups the caller gave", async () => {
    const cart = await pc.carts.create(CUSTOMER, {
      lineItems: [
        { ...SOFTWARE, orderGroup: "a" },
        { ...RESERVED, orderGroup: "b" },
      ],
    });
    expect(cart.lineItems!.map((l) => l.orderGroup)).toEqual(["a", "b"]);
  });

  it("sets the configured cart error on the lines of an offer, and 10012 on an attested offer's line without attestationAccepted", async () => {
    const cart = await pc.carts.create(CUSTOMER, {
      lineItems: [
        { ...RESERVED, catalogItemId: SOLD_OUT },
        { catalogItemId: ATTESTED, quantity: 1, billingCycle: "monthly" },
        { catalogItemId: ATTESTED, quantity: 1, billingCycle: "annual", attestationAccepted: true },
      ],
    });
    expect(cart.lineItems!.map((l) => l.error?.errorCode)).toEqual([10003, 10012, undefined]);
  });
});

describe("checkoutCart", () => {
  it("places one order per order group, each read back by getOrder and listed by listOrders", async () => {
    const cart = await pc.carts.create(CUSTOMER, { lineItems: [SEATS, SOFTWARE, RESERVED] });
    const result = await pc.carts.checkout(CUSTOMER, cart.id!);
    expect(result.orders!.map((o) => o.lineItems.map((l) => l.offerId))).toEqual([
      [SEATS.catalogItemId],
      [SOFTWARE.catalogItemId, RESERVED.catalogItemId],
    ]);
    expect(result.orders!.map((o) => o.billingCycle)).toEqual(["monthly", "one_time"]);
    expect(result.orderErrors).toEqual([]);
    expect(fake.stats.created).toBe(2);
    for (const order of result.orders!) expect((await pc.orders.get(CUSTOMER, order.id)).id).toBe(order.id);
    const listed = [];
    for await (const order of pc.orders.list(CUSTOMER)) listed.push(order.id);
    expect(listed.sort()).toEqual(result.orders!.map((o) => o.id).sort());
    expect((await pc.carts.get(CUSTOMER, cart.id!)).status).toBe("Ordered");
  });

  it("answers a second checkout of the cart with the first result and places nothing", async () => {
    const cart = await pc.carts.create(CUSTOMER, { lineItems: [SEATS, SOFTWARE] });
    const first = await pc.carts.checkout(CUSTOMER, cart.id!);
    const second = await pc.carts.checkout(CUSTOMER, cart.id!);
    expect(second).toEqual(first);
    expect(fake.stats.created).toBe(2);
    expect(fake.orders(CUSTOMER)).toHaveLength(2);
  });

  it("answers 409 800064 to a checkout that overlaps another of the same cart, then the first result", async () => {
    const slow = await startFakePartnerCenter({ token: "t", checkoutDelayMs: 300 });
    try {
      const client = createPartnerCenterClient({ credential: "t", baseUrl: slow.url });
      const cart = await client.carts.create(CUSTOMER, { lineItems: [SEATS] });
      const url = `${slow.url}/v1/customers/${CUSTOMER}/carts/${cart.id}/checkout`;
      const send = () =>
        fetch(url, { method: "POST", headers: { Authorization: "Bearer t", "MS-RequestId": crypto.randomUUID() } });
      const first = send();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const overlapping = await send();
      expect(overlapping.status).toBe(409);
      expect(await overlapping.json()).toMatchObject({
        code: 800064,
        description: `Cart ${cart.id} is being processed by another request.`,
      });
      const placed = await (await first).json();
      const after = await send();
      expect(await after.json()).toEqual(placed);
      expect(slow.stats.created).toBe(1);
    } finally {
      await slow.close();
    }
  });

  it("answers a retry with the same MS-RequestId while the checkout runs 409 800064 (not the order's 800060), and then the first result", async () => {
    const slow = await startFakePartnerCenter({ token: "t", checkoutDelayMs: 300 });
    try {
      const client = createPartnerCenterClient({ credential: "t", baseUrl: slow.url });
      const cart = await client.carts.create(CUSTOMER, { lineItems: [SEATS] });
      const requestId = crypto.randomUUID();
      const send = () =>
        fetch(`${slow.url}/v1/customers/${CUSTOMER}/carts/${cart.id}/checkout`, {
          method: "POST",
          headers: { Authorization: "Bearer t", "MS-RequestId": requestId },
        });
      const first = send();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const retried = await send();
      expect(retried.status).toBe(409);
      expect(await retried.json()).toMatchObject({
        code: 800064,
        description: `Cart ${cart.id} is being processed by another request.`,
      });
      const placed = await (await first).json();
      expect(await (await send()).json()).toEqual(placed);
      expect(slow.stats).toMatchObject({ created: 1, inProgress: 1, replays: 1 });
    } finally {
      await slow.close();
    }
  });

  it('takes the .NET SDK\'s checkout body, the JSON string "success" (D44)', async () => {
    const cart = await pc.carts.create(CUSTOMER, { lineItems: [SEATS] });
    const answer = await rawCheckout(cart.id!, JSON.stringify("success"));
    expect(answer.status).toBe(201);
    expect(((await answer.json()) as { orders: unknown[] }).orders).toHaveLength(1);
  });

  it("refuses a cart with a line in error, 400 800009 naming the line, and places nothing (D46)", async () => {
    const cart = await pc.carts.create(CUSTOMER, { lineItems: [SEATS, { ...RESERVED, catalogItemId: SOLD_OUT }] });
    const error = await pc.carts.checkout(CUSTOMER, cart.id!).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      code: 800009,
      description: "Error in cart item(s).",
      data: ["lineItems[1]: 10003 Inventory not available."],
    });
    expect((error as Error).message).toMatch(
      /Error in cart item\(s\)\.: lineItems\[1\]: 10003 Inventory not available\./,
    );
    expect(fake.stats.created).toBe(0);
    expect((await pc.carts.get(CUSTOMER, cart.id!)).status).toBe("Active");
  });

  it("does not place an order group that fails while its order is created, lists it in orderErrors, and places the others", async () => {
    const failing = await startFakePartnerCenter({
      token: "t",
      checkoutErrors: {
        [RESERVED.catalogItemId]: { code: 800010, description: "Inventory isn't available for this catalog item." },
      },
    });
    try {
      const client = createPartnerCenterClient({ credential: "t", baseUrl: failing.url });
      const cart = await client.carts.create(CUSTOMER, { lineItems: [SEATS, RESERVED] });
      const result = await client.carts.checkout(CUSTOMER, cart.id!);
      expect(result.orders!.map((o) => o.lineItems[0]!.offerId)).toEqual([SEATS.catalogItemId]);
      expect(result.orderErrors).toEqual([
        { orderGroupId: "1", code: 800010, description: "Inventory isn't available for this catalog item." },
      ]);
      expect(failing.stats.created).toBe(1);
    } finally {
      await failing.close();
    }
  });

  it("checks a cart out once its line in error is fixed by an update", async () => {
    const cart = await pc.carts.create(CUSTOMER, {
      lineItems: [{ catalogItemId: ATTESTED, quantity: 1, billingCycle: "monthly" }],
    });
    await expect(pc.carts.checkout(CUSTOMER, cart.id!)).rejects.toMatchObject({ status: 400, code: 800009 });
    await pc.carts.update(CUSTOMER, cart.id!, {
      lineItems: [{ catalogItemId: ATTESTED, quantity: 1, billingCycle: "monthly", attestationAccepted: true }],
    });
    expect((await pc.carts.checkout(CUSTOMER, cart.id!)).orders).toHaveLength(1);
  });
});

describe("updateCart", () => {
  it("replaces the line items and regroups them", async () => {
    const cart = await pc.carts.create(CUSTOMER, { lineItems: [SEATS] });
    const updated = await pc.carts.update(CUSTOMER, cart.id!, { ...cart, lineItems: [SEATS, SOFTWARE] } as never);
    expect(updated.lineItems!.map((l) => l.orderGroup)).toEqual(["0", "1"]);
  });

  it("refuses to change a cart already checked out, with 400 800065", async () => {
    const cart = await pc.carts.create(CUSTOMER, { lineItems: [SEATS] });
    await pc.carts.checkout(CUSTOMER, cart.id!);
    await expect(pc.carts.update(CUSTOMER, cart.id!, { lineItems: [SOFTWARE] })).rejects.toMatchObject({
      status: 400,
      code: 800065,
    });
  });

  it("answers 400 to a body naming another cart, sent past the client's checks", async () => {
    const cart = await pc.carts.create(CUSTOMER, { lineItems: [SEATS] });
    const answer = await fetch(`${fake.url}/v1/customers/${CUSTOMER}/carts/${cart.id}`, {
      method: "PUT",
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: JSON.stringify({ id: crypto.randomUUID(), lineItems: [SEATS] }),
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { data: string[] }).data).toEqual([
      expect.stringContaining("body.id must match the cart id in the path"),
    ]);
  });
});

describe("cart expiry (D41)", () => {
  it("answers 404 800008 to getCart, updateCart and checkoutCart once the cart has lived its 7 days on the fake's clock, and places nothing", async () => {
    const brief = await startFakePartnerCenter({ token: "t" });
    try {
      const client = createPartnerCenterClient({ credential: "t", baseUrl: brief.url });
      const cart = await client.carts.create(CUSTOMER, { lineItems: [SEATS] });
      await brief.advanceTime(7 * 24 * 3_600_000 - 60_000);
      await expect(client.carts.get(CUSTOMER, cart.id!)).resolves.toMatchObject({ id: cart.id });
      await brief.advanceTime(60_000);
      const notFound = { status: 404, code: 800008 };
      await expect(client.carts.get(CUSTOMER, cart.id!)).rejects.toMatchObject(notFound);
      await expect(client.carts.update(CUSTOMER, cart.id!, { lineItems: [SEATS] })).rejects.toMatchObject(notFound);
      await expect(client.carts.checkout(CUSTOMER, cart.id!)).rejects.toMatchObject(notFound);
      expect(brief.stats.created).toBe(0);
    } finally {
      await brief.close();
    }
  });

  it("refuses a start option that is not a lifetime", async () => {
    await expect(startFakePartnerCenter({ cartLifetimeMs: 0 })).rejects.toMatchObject({
      problems: [{ path: "options.cartLifetimeMs" }],
    });
    await expect(
      startFakePartnerCenter({ cartErrors: { x: { code: "soon" as never, description: "" } } }),
    ).rejects.toMatchObject({ problems: [{ path: "options.cartErrors" }] });
    await expect(
      startFakePartnerCenter({ checkoutErrors: { "": { code: 1, description: "" } } }),
    ).rejects.toMatchObject({ problems: [{ path: "options.checkoutErrors" }] });
  });
});

describe("orders a checkout placed", () => {
  it("provision as the fake's orders do, and listSubscriptionsByOrder answers a subscription per provisioned line with its order id", async () => {
    const cart = await pc.carts.create(CUSTOMER, { lineItems: [SEATS, SOFTWARE, RESERVED] });
    const [, bundle] = (await pc.carts.checkout(CUSTOMER, cart.id!)).orders!;
    const none = [];
    for await (const s of pc.subscriptions.listByOrder(CUSTOMER, bundle!.id)) none.push(s);
    expect(none).toEqual([]);
    await pc.orders.getOrderProvisioningStatus(CUSTOMER, bundle!.id);
    const order = await pc.orders.get(CUSTOMER, bundle!.id);
    const subscriptions = [];
    for await (const s of pc.subscriptions.listByOrder(CUSTOMER, bundle!.id)) subscriptions.push(s);
    expect(subscriptions.map((s) => [s.id, s.orderId, s.offerId, s.quantity])).toEqual(
      order.lineItems.map((l) => [l.subscriptionId, bundle!.id, l.offerId, l.quantity]),
    );
    expect(order.status).toBe("completed");
  });

  it("answer listSubscriptionsByOrder for an order that does not exist with 404 20000", async () => {
    await expect(pc.subscriptions.listByOrder(CUSTOMER, "no-such-order").next()).rejects.toMatchObject({
      status: 404,
      code: 20000,
    });
  });

  it("are hidden from listOrders for the list delay, like any order (D38)", async () => {
    const delayed = await startFakePartnerCenter({ token: "t", listDelayMs: 60_000 });
    try {
      const client = createPartnerCenterClient({ credential: "t", baseUrl: delayed.url });
      const cart = await client.carts.create(CUSTOMER, { lineItems: [SEATS] });
      const [order] = (await client.carts.checkout(CUSTOMER, cart.id!)).orders!;
      const listed = [];
      for await (const o of client.orders.list(CUSTOMER)) listed.push(o);
      expect(listed).toEqual([]);
      expect((await client.orders.get(CUSTOMER, order!.id)).id).toBe(order!.id);
    } finally {
      await delayed.close();
    }
  });
});
