// pc.carts and pc.subscriptions: bound as ASP.NET binds, typos and documented errors refused
// before sending, a checkout retried like a GET and 800064 waited out, and checkoutAndWait's
// answer per order group.
import { createPartnerCenterClient, isPartnerCenterValidationError } from "../../../src";
import { startFakePartnerCenter } from "../../../src/testing";
import { groupOfOrders } from "../../../src/polling/order-groups";
import { CUSTOMER, json, scriptedFetch } from "../../helpers/scripted-fetch";

const CART_ID = "66e3591e-faad-445c-b930-4ccdbf54c43f";
const SEATS = { catalogItemId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 2, billingCycle: "monthly" as const };
const placedOrder = (id: string, offerId: string, status = "pending") => ({
  id,
  lineItems: [{ lineItemNumber: 0, offerId, quantity: 1 }],
  status,
});
const client = (fetch: ReturnType<typeof scriptedFetch>["fetch"]) =>
  createPartnerCenterClient({
    credential: "t",
    baseUrl: "https://pc.test/v1",
    fetch,
    backoff: { baseDelayMs: 1, maxDelayMs: 2 },
  });

describe("carts.create", () => {
  it("sends the docs' PascalCase cart with .NET member names in camelCase, without read-only fields", async () => {
    const script = scriptedFetch(json(201, { id: CART_ID, lineItems: [] }));
    const body = {
      ExpirationTimestamp: "0001-01-01T00:00:00",
      LineItems: [
        {
          CatalogItemId: SEATS.catalogItemId,
          Quantity: 1,
          TermDuration: "P1M",
          BillingCycle: "Monthly",
          CurrencyCode: "USD",
        },
      ],
    };
    await client(script.fetch).carts.create(CUSTOMER, body as never);
    expect(JSON.parse(script.sent[0]!.body)).toEqual({
      lineItems: [{ catalogItemId: SEATS.catalogItemId, quantity: 1, termDuration: "P1M", billingCycle: "monthly" }],
    });
    expect(script.sent[0]).toMatchObject({ method: "POST", url: `https://pc.test/v1/customers/${CUSTOMER}/carts` });
  });

  it.each([
    [
      "a typo of catalogItemId (the docs' table says catalogId)",
      { lineItems: [{ catalogId: "x", quantity: 1, billingCycle: "monthly" }] },
      /catalogId is not a known property.*catalogItemId is required/,
    ],
    ["no line items", { lineItems: [] }, /body.lineItems must have at least 1/],
    ["a quantity of 0", { lineItems: [{ ...SEATS, quantity: 0 }] }, /quantity must be at least 1/],
    [
      "a line without its billing cycle",
      { lineItems: [{ catalogItemId: "x", quantity: 1 }] },
      /billingCycle is required/,
    ],
    [
      "six additional partners of record",
      { lineItems: [{ ...SEATS, additionalPartnerIdsOnRecord: ["1", "2", "3", "4", "5", "6"] }] },
      /additionalPartnerIdsOnRecord must have at most 5/,
    ],
    ["a termDuration of P alone (D49)", { lineItems: [{ ...SEATS, termDuration: "P" }] }, /termDuration must match/],
    [
      "a customTermEndDate of 0000-00-00 (D49)",
      { lineItems: [{ ...SEATS, customTermEndDate: "0000-00-00" }] },
      /customTermEndDate must match/,
    ],
    [
      "six additional_transaction_reseller participants (create-a-cart, D47)",
      {
        lineItems: [
          {
            ...SEATS,
            participants: Array.from({ length: 6 }, (_, i) => ({
              Key: "AdditionalTransactionReseller",
              Value: String(i + 1),
            })),
          },
        ],
      },
      /lineItems\[0\]\.participants must name at most 5 additional_transaction_reseller partners, got 6/,
    ],
  ])("refuses %s before sending", async (_title, cart, message) => {
    const script = scriptedFetch();
    const error = await client(script.fetch)
      .carts.create(CUSTOMER, cart as never)
      .catch((e: unknown) => e);
    expect(isPartnerCenterValidationError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect(script.sent).toHaveLength(0);
  });
});

describe("carts.update", () => {
  it("refuses a body whose id names another cart than the path, before sending", async () => {
    const script = scriptedFetch();
    const error = await client(script.fetch)
      .carts.update(CUSTOMER, CART_ID, { id: crypto.randomUUID(), lineItems: [SEATS] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      problems: [{ path: "body.id", message: expect.stringContaining("must match the cart id in the path") }],
    });
    expect(script.sent).toHaveLength(0);
  });

  it("takes the cart id in another casing, as a GUID, and a 201 answer as the docs show it (D42)", async () => {
    const script = scriptedFetch(json(201, { id: CART_ID, lineItems: [] }));
    await expect(
      client(script.fetch).carts.update(CUSTOMER, CART_ID, { id: CART_ID.toUpperCase(), lineItems: [SEATS] }),
    ).resolves.toMatchObject({ id: CART_ID });
    expect(script.sent[0]).toMatchObject({
      method: "PUT",
      url: `https://pc.test/v1/customers/${CUSTOMER}/carts/${CART_ID}`,
    });
  });

  it("refuses a cart id that is not a GUID before sending", async () => {
    const script = scriptedFetch();
    await expect(client(script.fetch).carts.get(CUSTOMER, "../orders")).rejects.toMatchObject({
      problems: [{ path: "path.cart_id" }],
    });
    expect(script.sent).toHaveLength(0);
  });
});

describe("carts.checkout", () => {
  it("sends no body, and x-ms-customeruser-upn when given (D44)", async () => {
    const script = scriptedFetch(json(201, { orders: [] }));
    await client(script.fetch).carts.checkout(CUSTOMER, CART_ID, { customerUserUpn: "admin@contoso.onmicrosoft.com" });
    expect(script.sent[0]).toMatchObject({
      method: "POST",
      url: `https://pc.test/v1/customers/${CUSTOMER}/carts/${CART_ID}/checkout`,
      body: "",
    });
    expect(script.sent[0]!.headers["x-ms-customeruser-upn"]).toBe("admin@contoso.onmicrosoft.com");
  });

  it("waits out 409 800064 and sends the same request again with the same MS-RequestId", async () => {
    const result = { orders: [placedOrder("o1", SEATS.catalogItemId)], orderErrors: [] };
    const script = scriptedFetch(
      json(409, { code: 800064, description: `Cart ${CART_ID} is being processed by another request.` }),
      json(201, result),
    );
    await expect(client(script.fetch).carts.checkout(CUSTOMER, CART_ID)).resolves.toEqual(result);
    expect(script.sent).toHaveLength(2);
    expect(script.sent[1]!.headers["ms-requestid"]).toBe(script.sent[0]!.headers["ms-requestid"]);
  });

  it("is retried after a 503 and a dropped connection, like a GET", async () => {
    const script = scriptedFetch(json(503, {}), new TypeError("fetch failed"), json(201, { orders: [] }));
    await expect(client(script.fetch).carts.checkout(CUSTOMER, CART_ID)).resolves.toEqual({ orders: [] });
    expect(script.sent).toHaveLength(3);
  });

  it("gives up on 800064 after the retry policy, with a retryable error", async () => {
    const busy = () => json(409, { code: 800064, description: "busy" });
    const script = scriptedFetch(busy(), busy(), busy(), busy());
    await expect(client(script.fetch).carts.checkout(CUSTOMER, CART_ID)).rejects.toMatchObject({
      status: 409,
      code: 800064,
      isRetryable: true,
    });
    expect(script.sent).toHaveLength(4);
  });

  it("does not retry 400 800065 (a cart already submitted), and says to read the orders (D43)", async () => {
    const script = scriptedFetch(
      json(400, { code: 800065, description: "Can't check out cart, which was already submitted." }),
    );
    const error = await client(script.fetch)
      .carts.checkout(CUSTOMER, CART_ID)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 800065, isRetryable: false });
    expect((error as Error).message).toMatch(/already checked out: read the customer's orders/);
    expect(script.sent).toHaveLength(1);
  });
});

describe("carts.checkoutAndWait", () => {
  it("answers each order group: placed with its outcome, or refused with the checkout's error", async () => {
    const fake = await startFakePartnerCenter({
      token: "t",
      checkoutErrors: {
        "DG7GMGF0DWM3:0002:DG7GMGF0DT1M": {
          code: 800010,
          description: "Inventory isn't available for this catalog item.",
        },
      },
    });
    try {
      const pc = createPartnerCenterClient({ credential: "t", baseUrl: fake.url });
      const cart = await pc.carts.create(CUSTOMER, {
        lineItems: [
          SEATS,
          {
            catalogItemId: "DG7GMGF0DWM3:0002:DG7GMGF0DT1M",
            quantity: 1,
            billingCycle: "one_time",
            orderGroup: "software",
          },
        ],
      });
      const result = await pc.carts.checkoutAndWait(CUSTOMER, cart.id!, { intervalMs: 1 });
      expect(result.groups).toEqual([
        expect.objectContaining({ kind: "placed", orderGroup: "0", outcome: "fulfilled" }),
        {
          kind: "refused",
          orderGroup: "software",
          code: 800010,
          description: "Inventory isn't available for this catalog item.",
        },
      ]);
      const placed = result.groups[0] as { order: { lineItems: { subscriptionId?: string }[] } };
      expect(placed.order.lineItems[0]!.subscriptionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(fake.stats.created).toBe(1);
    } finally {
      await fake.close();
    }
  });

  it("keeps every order when waiting for one fails: that one is waitFailed, with its order, not lost", async () => {
    const checkout = { orders: [placedOrder("a1", "offer-a"), placedOrder("b1", "offer-b")] };
    const cart = {
      id: CART_ID,
      lineItems: [
        { catalogItemId: "offer-a", orderGroup: "0" },
        { catalogItemId: "offer-b", orderGroup: "1" },
      ],
    };
    const routes = (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path.endsWith(`/carts/${CART_ID}`)) return json(200, cart);
      if (path.endsWith("/checkout")) return json(201, checkout);
      if (path.endsWith("/orders/a1")) return json(200, { ...placedOrder("a1", "offer-a", "cancelled") });
      return json(404, { code: 20000, description: "Order ID not found." });
    };
    const script = scriptedFetch(...Array.from({ length: 6 }, () => routes));
    const result = await client(script.fetch).carts.checkoutAndWait(CUSTOMER, CART_ID, { intervalMs: 1 });
    expect(result.groups).toEqual([
      expect.objectContaining({ kind: "placed", orderGroup: "0", outcome: "cancelled" }),
      expect.objectContaining({
        kind: "waitFailed",
        orderGroup: "1",
        order: checkout.orders[1],
        error: expect.objectContaining({ status: 404, code: 20000 }),
      }),
    ]);
  });

  it.each([
    ["a bare order, not a checkout result", { id: "o1", lineItems: [] }, /neither orders nor orderErrors/],
    ["orders that are not a list", { orders: { id: "o1" } }, /orders is not a list/],
    [
      "a null order beside a placed one",
      { orders: [placedOrder("a1", "offer-a"), null] },
      /orders\[1\] is not an order with an id.*placed: a1/,
    ],
  ])(
    "rejects a checkout answer of %s with INVALID_RESPONSE, naming every order it did place",
    async (_what, checkout, message) => {
      const cart = { id: CART_ID, lineItems: [{ catalogItemId: "offer-a", orderGroup: "0" }] };
      const script = scriptedFetch(json(200, cart), json(201, checkout));
      const error = await client(script.fetch)
        .carts.checkoutAndWait(CUSTOMER, CART_ID, { intervalMs: 1 })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: "INVALID_RESPONSE",
        isRetryable: false,
        message: expect.stringMatching(message),
      });
      expect(script.sent).toHaveLength(2);
    },
  );

  it("names the cart's lines in error when the checkout is refused 800009 without saying which", async () => {
    const cart = {
      id: CART_ID,
      lineItems: [
        { id: 0, catalogItemId: "offer-a", orderGroup: "0" },
        {
          id: 1,
          catalogItemId: "offer-b",
          orderGroup: "0",
          error: { errorCode: 10003, errorDescription: "Inventory not available." },
        },
      ],
    };
    const script = scriptedFetch(json(200, cart), json(400, { code: 800009, description: "Error in cart item(s)." }));
    const error = await client(script.fetch)
      .carts.checkoutAndWait(CUSTOMER, CART_ID, { intervalMs: 1 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      code: 800009,
      message: expect.stringMatching(/lines in error: lineItems\[1\]: 10003 Inventory not available\./),
    });
  });

  it("names the group of an add-on order by its base and add-on items", () => {
    const lines = [
      { catalogItemId: "base", orderGroup: "0", addonItems: [{ catalogItemId: "addon" }] },
      { catalogItemId: "other", orderGroup: "1" },
    ];
    const order = {
      id: "o",
      lineItems: [
        { lineItemNumber: 0, offerId: "base" },
        { lineItemNumber: 1, offerId: "addon" },
      ],
    };
    expect(groupOfOrders(lines as never, [order as never])).toEqual(["0"]);
  });

  it("refuses bad waits with nothing sent", async () => {
    const script = scriptedFetch();
    await expect(
      client(script.fetch).carts.checkoutAndWait(CUSTOMER, CART_ID, { intervalMs: -1 }),
    ).rejects.toMatchObject({ problems: [{ path: "options.intervalMs" }] });
    expect(script.sent).toHaveLength(0);
  });
});

describe("groupOfOrders", () => {
  const lines = [
    { catalogItemId: "A", orderGroup: "0" },
    { catalogItemId: "B", orderGroup: "1" },
    { catalogItemId: "c", orderGroup: "1" },
    { catalogItemId: "D", orderGroup: "2" },
    { catalogItemId: "D", orderGroup: "3" },
  ];
  const order = (...offers: string[]) => ({
    id: "o",
    lineItems: offers.map((offerId, lineItemNumber) => ({ lineItemNumber, offerId })),
  });

  it("names each order's group by its catalog items, in any order and casing", () => {
    expect(groupOfOrders(lines, [order("C", "B"), order("A")])).toEqual(["1", "0"]);
  });

  it("leaves the group unnamed when no group or two groups match", () => {
    expect(groupOfOrders(lines, [order("Z"), order("D")])).toEqual([undefined, undefined]);
  });

  it("reads hostile data without throwing", () => {
    expect(
      groupOfOrders([null, { orderGroup: { toString: 1 } }] as never, [
        { id: "o", lineItems: "x" } as never,
        null as never,
      ]),
    ).toEqual([undefined, undefined]);
  });
});

describe("subscriptions.listByOrder", () => {
  it("sends order_id and follows links.next", async () => {
    const next = { uri: `/customers/${CUSTOMER}/subscriptions?order_id=o1&page=2`, method: "GET", headers: [] };
    const script = scriptedFetch(
      json(200, { totalCount: 1, items: [{ id: "s1" }], links: { next } }),
      json(200, { totalCount: 1, items: [{ id: "s2" }] }),
    );
    const ids = [];
    for await (const s of client(script.fetch).subscriptions.listByOrder(CUSTOMER, "o1")) ids.push(s.id);
    expect(ids).toEqual(["s1", "s2"]);
    expect(script.sent[0]!.url).toBe(`https://pc.test/v1/customers/${CUSTOMER}/subscriptions?order_id=o1`);
  });

  it("refuses an empty order id before sending", async () => {
    const script = scriptedFetch();
    await expect(client(script.fetch).subscriptions.listByOrder(CUSTOMER, "").next()).rejects.toMatchObject({
      problems: [{ path: "query.order_id" }],
    });
    expect(script.sent).toHaveLength(0);
  });
});
