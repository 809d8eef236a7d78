import { createPartnerCenterClient, isPartnerCenterValidationError, type PartnerCenterValidationError } from "../../../src";
import { CUSTOMER, ORDER, json, scriptedFetch, type Step } from "../../helpers/scripted-fetch";

const BASE = "https://pc.test/v1";

function clientWith(...steps: Step[]) {
  const script = scriptedFetch(...steps);
  const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch, backoff: { baseDelayMs: 1 } });
  return { pc, sent: script.sent };
}

async function problems(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isPartnerCenterValidationError(error)) throw new Error(`expected a validation error, got ${String(error)}`);
  return (error as PartnerCenterValidationError).problems.map((p) => `${p.path} ${p.message}`);
}

const page = (ids: string[], next?: object) => ({
  totalCount: ids.length,
  items: ids.map((id) => ({ ...ORDER, id })),
  links: { self: { uri: "/customers/c/orders", method: "GET", headers: [] }, ...(next ? { next } : {}) },
  attributes: { objectType: "Collection" },
});

describe("orders.create (createOrder)", () => {
  it("posts the order and returns the created order", async () => {
    const { pc, sent } = clientWith(json(201, ORDER));
    const order = await pc.orders.create(CUSTOMER, {
      billingCycle: "monthly",
      lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }],
    });
    expect(order.id).toBe(ORDER.id);
    expect(sent[0]).toMatchObject({ method: "POST", url: `${BASE}/customers/${CUSTOMER}/orders` });
    expect(sent[0]!.headers).toMatchObject({
      "content-type": "application/json",
      accept: "application/json",
      "ms-contract-version": "v1",
    });
  });

  it("numbers line items 0..n-1 when they carry no numbers", async () => {
    const { pc, sent } = clientWith(json(201, ORDER));
    await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: "a", quantity: 1 }, { offerId: "b", quantity: 2 }] });
    expect(JSON.parse(sent[0]!.body).lineItems.map((i: { lineItemNumber: number }) => i.lineItemNumber)).toEqual([0, 1]);
  });

  it("lists every mistake in one validation error and sends nothing", async () => {
    const { pc, sent } = clientWith(json(201, ORDER));
    const found = await problems(
      pc.orders.create(
        "not-a-guid",
        {
          lineItems: [
            { offerId: "", quantity: 0, lineItemNumber: 0 },
            { offerId: "b", quantity: 1.5, lineItemNumber: 0 },
            { offerId: "c", quantity: 1, lineItemNumber: 5, additionalPartnerIdsOnRecord: ["1", "2", "3", "4", "5", "6"] },
          ],
        },
        { requestId: "again" },
      ),
    );
    expect(found).toEqual([
      'path.customer_id must be a uuid, got "not-a-guid"',
      "body.lineItems[1].lineItemNumber repeats the number 0 of lineItems[0]",
      "body.lineItems[2].lineItemNumber must be between 0 and 2 (line item numbers run 0..n-1), got 5",
      "body.lineItems[0].offerId must not be empty",
      "body.lineItems[0].quantity must be at least 1, got 0",
      "body.lineItems[1].quantity must be an integer, got 1.5",
      "body.lineItems[2].additionalPartnerIdsOnRecord must have at most 5 items, got 6",
      'options.requestId must be a uuid, got "again"',
    ]);
    expect(sent).toHaveLength(0);
  });

  it("refuses an order without line items", async () => {
    const { pc, sent } = clientWith();
    expect(await problems(pc.orders.create(CUSTOMER, { lineItems: [] }))).toEqual(["body.lineItems must have at least 1 item"]);
    expect(sent).toHaveLength(0);
  });

  it("refuses the docs' PascalCase keys, naming the camelCase one", async () => {
    const { pc } = clientWith();
    const order = { lineItems: [{ offerId: "a", quantity: 1 }], BillingCycle: "monthly" } as never;
    expect(await problems(pc.orders.create(CUSTOMER, order))).toEqual([
      "body.BillingCycle is not a known property; did you mean billingCycle?",
    ]);
  });
});

describe("orders.get (getOrder)", () => {
  it("gets the order, with include_price when asked", async () => {
    const { pc, sent } = clientWith(json(200, ORDER), json(200, ORDER));
    await pc.orders.get(CUSTOMER, ORDER.id);
    await pc.orders.get(CUSTOMER, ORDER.id, { includePrice: true });
    expect(sent.map((r) => r.url)).toEqual([
      `${BASE}/customers/${CUSTOMER}/orders/${ORDER.id}`,
      `${BASE}/customers/${CUSTOMER}/orders/${ORDER.id}?include_price=true`,
    ]);
  });

  it("encodes an order id that is not URL-safe", async () => {
    const { pc, sent } = clientWith(json(200, ORDER));
    await pc.orders.get(CUSTOMER, "a/b?c");
    expect(sent[0]!.url).toBe(`${BASE}/customers/${CUSTOMER}/orders/a%2Fb%3Fc`);
  });

  it("refuses an empty order id", async () => {
    const { pc } = clientWith();
    expect(await problems(pc.orders.get(CUSTOMER, ""))).toEqual(["path.order_id must not be empty"]);
  });

  it("throws PartnerCenterError with the service's code on 404", async () => {
    const { pc } = clientWith(json(404, { code: 20000, description: "Order ID not found." }));
    await expect(pc.orders.get(CUSTOMER, "missing")).rejects.toMatchObject({ status: 404, code: 20000 });
  });
});

describe("orders.update (updateOrder)", () => {
  it("sends a cancel as {id, status: cancelled}", async () => {
    const { pc, sent } = clientWith(json(200, { ...ORDER, status: "cancelled" }));
    const order = await pc.orders.update(CUSTOMER, ORDER.id, { id: ORDER.id, status: "cancelled" });
    expect(order.status).toBe("cancelled");
    expect(sent[0]).toMatchObject({ method: "PATCH", url: `${BASE}/customers/${CUSTOMER}/orders/${ORDER.id}` });
    expect(JSON.parse(sent[0]!.body)).toEqual({ id: ORDER.id, status: "cancelled" });
  });

  it("sends If-Match when given", async () => {
    const { pc, sent } = clientWith(json(200, ORDER));
    await pc.orders.update(CUSTOMER, ORDER.id, { status: "cancelled" }, { ifMatch: "etag-1" });
    expect(sent[0]!.headers["if-match"]).toBe("etag-1");
  });

  it("accepts patch line items without a quantity", async () => {
    const { pc } = clientWith(json(200, ORDER));
    await expect(
      pc.orders.update(CUSTOMER, ORDER.id, { id: ORDER.id, status: "cancelled", lineItems: [{ lineItemNumber: 0, offerId: "o" }] }),
    ).resolves.toBeDefined();
  });

  it("refuses a patch whose id is another order's", async () => {
    const { pc } = clientWith();
    expect(await problems(pc.orders.update(CUSTOMER, ORDER.id, { id: "other", status: "cancelled" }))).toEqual([
      `body.id must match the order id in the path (${ORDER.id})`,
    ]);
  });

  it("refuses an empty patch and an undocumented status", async () => {
    const { pc } = clientWith();
    expect(await problems(pc.orders.update(CUSTOMER, ORDER.id, {}))).toEqual(["body must have at least 1 property"]);
    expect(await problems(pc.orders.update(CUSTOMER, ORDER.id, { status: "completed" as never }))).toEqual([
      'body.status must be one of "cancelled", got "completed"',
    ]);
  });
});

describe("orders.list (listOrders)", () => {
  it("yields every order of every page, following links.next with its headers", async () => {
    const next = {
      uri: "/v1/customers/c/orders?seekOperation=Next",
      method: "GET",
      headers: [{ key: "MS-ContinuationToken", value: "token-2" }],
    };
    const { pc, sent } = clientWith(json(200, page(["a", "b"], next)), json(200, page(["c"])));
    const ids: string[] = [];
    for await (const order of pc.orders.list(CUSTOMER, { billingType: "monthly", includePrice: true })) ids.push(order.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(sent.map((r) => r.url)).toEqual([
      `${BASE}/customers/${CUSTOMER}/orders?billingType=monthly&include_price=true`,
      `${BASE}/customers/c/orders?seekOperation=Next`,
    ]);
    expect(sent[1]!.headers["ms-continuationtoken"]).toBe("token-2");
    expect(sent[1]!.headers.authorization).toBe("Bearer t");
    expect(sent[0]!.headers["ms-requestid"]).not.toBe(sent[1]!.headers["ms-requestid"]);
  });

  it("fetches a page only when the previous one is used up", async () => {
    const { pc, sent } = clientWith(json(200, page(["a"], { uri: "/customers/c/orders?p=2", method: "GET", headers: [] })), json(200, page(["b"])));
    const iterator = pc.orders.list(CUSTOMER);
    expect((await iterator.next()).value).toMatchObject({ id: "a" });
    expect(sent).toHaveLength(1);
    expect((await iterator.next()).value).toMatchObject({ id: "b" });
    expect(sent).toHaveLength(2);
  });

  it("uses the caller's requestId for the first page only", async () => {
    const requestId = "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f";
    const { pc, sent } = clientWith(json(200, page(["a"], { uri: "/customers/c/orders?p=2", method: "GET", headers: [] })), json(200, page([])));
    for await (const _order of pc.orders.list(CUSTOMER, { requestId })) void _order;
    expect(sent[0]!.headers["ms-requestid"]).toBe(requestId);
    expect(sent[1]!.headers["ms-requestid"]).not.toBe(requestId);
  });

  it("refuses a billingType the service does not bind", async () => {
    const { pc } = clientWith();
    const iterator = pc.orders.list(CUSTOMER, { billingType: "one_time" as never });
    expect(await problems(iterator.next())).toEqual([
      'query.billingType must be one of "unknown", "monthly", "annual", "none", "onetime", "triennial", "biennial", got "one_time"',
    ]);
  });

  it("refuses a next link that leaves the API root, before sending the token there", async () => {
    const { pc, sent } = clientWith(json(200, page(["a"], { uri: "https://evil.test/steal", method: "GET", headers: [] })));
    const ids: string[] = [];
    const run = (async () => {
      for await (const order of pc.orders.list(CUSTOMER)) ids.push(order.id);
    })();
    expect(await problems(run)).toEqual([`link.uri points outside ${BASE}; the client sends its token only there`]);
    expect(ids).toEqual(["a"]);
    expect(sent).toHaveLength(1);
  });
});

describe("the other Orders operations", () => {
  const collection = { totalCount: 0, items: [] };

  it.each([
    ["getOrderProvisioningStatus", (pc: any) => pc.orders.getOrderProvisioningStatus(CUSTOMER, "o"), `/customers/${CUSTOMER}/orders/o/provisioningstatus`],
    ["listOrderActivationLinks", (pc: any) => pc.orders.listOrderActivationLinks(CUSTOMER, "o"), `/customers/${CUSTOMER}/orders/o/activationlinks`],
    ["listLineItemActivationLinks", (pc: any) => pc.orders.listLineItemActivationLinks(CUSTOMER, "o", 0), `/customers/${CUSTOMER}/orders/o/lineitems/0/activationlinks`],
    ["listSubscriptionActivationLinks", (pc: any) => pc.orders.listSubscriptionActivationLinks(CUSTOMER, "s"), `/customers/${CUSTOMER}/subscriptions/s/activationlinks`],
  ])("%s gets its collection", async (_name, run, path) => {
    const { pc, sent } = clientWith(json(200, collection));
    await expect(run(pc)).resolves.toEqual(collection);
    expect(sent[0]).toMatchObject({ method: "GET", url: `${BASE}${path}` });
  });

  it("listLineItemActivationLinks refuses a negative line item number", async () => {
    const { pc } = clientWith();
    expect(await problems(pc.orders.listLineItemActivationLinks(CUSTOMER, "o", -1))).toEqual([
      "path.line_item_number must be at least 0, got -1",
    ]);
  });

  it("createOrderAttachments uploads multipart parts named as the REST reference names them", async () => {
    const { pc, sent } = clientWith(json(201, { totalCount: 1, items: [{ attachmentId: "a", fileName: "po.pdf" }] }));
    const result = await pc.orders.createOrderAttachments(CUSTOMER, "o", {
      metadata: { customerPrice: "156.87", currency: "CAD", isPartofTender: false },
      poFiles: [new File(["%PDF-1.7"], "po.pdf", { type: "application/pdf" })],
    });
    expect(result.items[0]!.attachmentId).toBe("a");
    expect(sent[0]!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent[0]!.body).toContain('name="Metadata"');
    expect(sent[0]!.body).toContain('{"customerPrice":"156.87","currency":"CAD","isPartofTender":false}');
    expect(sent[0]!.body).toMatch(/name="POFiles"; filename="po.pdf"/);
    expect(sent[0]!.body).toContain("%PDF-1.7");
  });

  it("createOrderAttachments refuses missing files and bad metadata", async () => {
    const { pc } = clientWith();
    expect(
      await problems(pc.orders.createOrderAttachments(CUSTOMER, "o", { metadata: { customerPrice: "cheap", currency: "CAD" }, poFiles: [] })),
    ).toEqual(['body.Metadata.customerPrice must match ^\\d+(\\.\\d+)?$, got "cheap"', "body.POFiles must have at least 1 item"]);
  });
});
