import { createPartnerCenterClient, isPartnerCenterError, type PartnerCenterClient } from "partner-center-orders";
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";
import { documentedResponse, schemaErrors } from "../helpers/spec";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const LINE = { offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 2 };

let fake: FakePartnerCenter;
let pc: PartnerCenterClient;
const answers: { method: string; path: string; status: number; body: unknown }[] = [];

beforeAll(async () => {
  // The line's offer is cancelled here: as a software subscription, which updateOrder cancels (D37).
  fake = await startFakePartnerCenter({
    token: "fake-token",
    pageSize: 100,
    offerKinds: { [LINE.offerId]: "software" },
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  answers.length = 0;
  pc = createPartnerCenterClient({
    credential: "fake-token",
    baseUrl: fake.url,
    timeoutMs: 500,
    backoff: { baseDelayMs: 1, maxDelayMs: 2 },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      const text = await response.clone().text();
      const body = /json/.test(response.headers.get("content-type") ?? "") ? JSON.parse(text) : text;
      answers.push({ method: request.method, path: new URL(request.url).pathname, status: response.status, body });
      return response;
    },
  });
});

const create = () => pc.orders.create(CUSTOMER, { billingCycle: "monthly", lineItems: [LINE] });

describe("the fake Partner Center", () => {
  it("keeps orders: a created order is seen by get and list, and a cancel changes its status", async () => {
    const order = await create();
    expect(order).toMatchObject({
      status: "pending",
      referenceCustomerId: CUSTOMER,
      lineItems: [{ ...LINE, lineItemNumber: 0 }],
    });
    expect(await pc.orders.get(CUSTOMER, order.id)).toEqual(order);
    const listed = [];
    for await (const o of pc.orders.list(CUSTOMER)) listed.push(o.id);
    expect(listed).toEqual([order.id]);
    await pc.orders.update(CUSTOMER, order.id, { id: order.id, status: "cancelled" });
    expect((await pc.orders.get(CUSTOMER, order.id)).status).toBe("cancelled");
    expect(fake.orders(CUSTOMER).map((o) => o.status)).toEqual(["cancelled"]);
  });

  it("answers every operation as the spec documents it", async () => {
    const order = await create();
    await pc.orders.get(CUSTOMER, order.id, { includePrice: true });
    await pc.orders.getOrderProvisioningStatus(CUSTOMER, order.id);
    await pc.orders.listOrderActivationLinks(CUSTOMER, order.id);
    await pc.orders.listLineItemActivationLinks(CUSTOMER, order.id, 0);
    await pc.orders.createOrderAttachments(CUSTOMER, order.id, {
      metadata: { customerPrice: "10.00", currency: "USD" },
      poFiles: [new File(["%PDF"], "po.pdf")],
    });
    await pc.orders.get(CUSTOMER, "missing").catch(() => undefined);
    await pc.orders.update(CUSTOMER, order.id, { status: "cancelled" });
    await pc.orders.update(CUSTOMER, order.id, { status: "cancelled" }).catch(() => undefined);
    expect(answers.map((a) => a.status)).toEqual([201, 200, 200, 200, 200, 201, 404, 200, 400]);
    for (const answer of answers) {
      const documented = documentedResponse(answer.method, answer.path, answer.status);
      expect(schemaErrors(documented!.response.content["application/json"].schema, answer.body)).toEqual([]);
    }
  });

  it("requires the bearer token", async () => {
    const response = await fetch(`${fake.url}/customers/${CUSTOMER}/orders`, {
      headers: { Authorization: "Bearer wrong" },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 3000 });
  });

  it("checks requests against the spec, answering 400 with the problems", async () => {
    const response = await fetch(`${fake.url}/customers/not-a-guid/orders`, {
      method: "POST",
      headers: { Authorization: "Bearer fake-token", "Content-Type": "application/json" },
      body: JSON.stringify({ LineItems: [] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 800002,
      data: expect.arrayContaining([
        'path.customer_id must be a uuid, got "not-a-guid"',
        "body.lineItems must have at least 1 item",
      ]),
    });
  });

  const post = (path: string, body: string, contentType = "application/json") =>
    fetch(`${fake.url}${path}`, {
      method: "POST",
      headers: { Authorization: "Bearer fake-token", "Content-Type": contentType },
      body,
    });

  it("binds a request as ASP.NET does: keys in any casing, null as unset, read-only fields ignored", async () => {
    const dotnet = {
      Id: "chosen-by-caller",
      ReferenceCustomerId: CUSTOMER,
      BillingCycle: "Annual",
      CurrencyCode: "EUR",
      Status: null,
      Links: null,
      LineItems: [
        { LineItemNumber: 0, OfferId: LINE.offerId, Quantity: 2, Pricing: { ListPrice: 1 }, TransactionType: "Renew" },
      ],
      Attributes: { ObjectType: "Order" },
    };
    const response = await post(`/v1/customers/${CUSTOMER}/orders`, JSON.stringify(dotnet));
    expect(response.status).toBe(201);
    const order = (await response.json()) as { id: string; lineItems: unknown[] };
    expect(order).toMatchObject({
      billingCycle: "annual",
      currencyCode: "USD",
      status: "pending",
      lineItems: [{ quantity: 2, transactionType: "New" }],
    });
    expect(order.id).not.toBe("chosen-by-caller");
    expect(order.lineItems[0]).not.toHaveProperty("pricing");
  });

  it("finds a customer's orders whatever the casing of the customer id, as GUIDs are compared", async () => {
    const order = await create();
    const upper = CUSTOMER.toUpperCase();
    await expect(pc.orders.get(upper, order.id)).resolves.toMatchObject({ id: order.id });
    expect(fake.orders(upper).map((o) => o.id)).toEqual([order.id]);
  });

  it.each([
    ["text/plain", '{"lineItems":[]}'],
    ["application/x-www-form-urlencoded", "lineItems=1"],
    ["multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
  ])("answers 415 with the documented error body to a %s body on a JSON operation", async (contentType, body) => {
    const response = await post(`/customers/${CUSTOMER}/orders`, body, contentType);
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({
      code: 415,
      description: expect.stringContaining("application/json"),
      source: "FakePartnerCenter",
    });
    expect(fake.orders()).toHaveLength(0);
  });

  it("still refuses what the service refuses: line item numbers outside 0..n-1 get 800071", async () => {
    const response = await post(
      `/customers/${CUSTOMER}/orders`,
      JSON.stringify({ LineItems: [{ LineItemNumber: 1, OfferId: "o", Quantity: 1 }] }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 800071,
      data: ["body.lineItems[0].lineItemNumber must be between 0 and 0 (line item numbers run 0..n-1), got 1"],
    });
  });

  it("keeps uploaded attachments: listed, and downloaded byte for byte", async () => {
    const order = await create();
    const uploaded = await pc.orders.createOrderAttachments(CUSTOMER, order.id, {
      metadata: { customerPrice: 10, currency: "USD", isPartOfTender: true },
      poFiles: [new File(["%PDF po"], "po.pdf", { type: "application/pdf" })],
      tenderFiles: [new File(["%PDF tender"], "tender.pdf", { type: "application/pdf" })],
    });
    expect(uploaded.items.map((a) => a.attachmentType)).toEqual(["POAttachment", "TenderAttachment"]);
    const listed = await pc.orders.listOrderAttachments(CUSTOMER, order.id);
    expect(listed.items.map((a) => a.fileName)).toEqual(["po.pdf", "tender.pdf"]);
    const file = await pc.orders.getOrderAttachment(CUSTOMER, order.id, listed.items[1]!.attachmentId);
    expect(await file.text()).toBe("%PDF tender");
    expect(file.type).toBe("application/pdf");
  });

  it("answers a repeated MS-RequestId with the first result and creates nothing", async () => {
    const requestId = "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f";
    const first = await pc.orders.create(CUSTOMER, { lineItems: [LINE] }, { requestId });
    const second = await pc.orders.create(CUSTOMER, { lineItems: [LINE] }, { requestId });
    expect(second.id).toBe(first.id);
    expect(fake.orders()).toHaveLength(1);
    expect(fake.stats).toMatchObject({ created: 1, replays: 1 });
  });

  it("pages a list with links.next and MS-ContinuationToken", async () => {
    fake.seedOrders(CUSTOMER, 250);
    const ids = new Set<string>();
    for await (const order of pc.orders.list(CUSTOMER)) ids.add(order.id);
    expect(ids.size).toBe(250);
    const pages = answers.filter((a) => a.method === "GET");
    expect(pages.map((p) => (p.body as { items: unknown[] }).items.length)).toEqual([100, 100, 50]);
    expect((pages[0]!.body as any).links.next.headers[0].key).toBe("MS-ContinuationToken");
  });
});

describe("the fake's faults", () => {
  it.each([408, 500, 502, 503, 504] as const)("answers %i once, then the client's retry succeeds", async (status) => {
    fake.injectFaults({ type: "status", status });
    await expect(create()).resolves.toBeDefined();
    expect(answers.map((a) => a.status)).toEqual([status, 201]);
  });

  it("answers 429 with Retry-After in seconds or as an HTTP date", async () => {
    fake.injectFaults(
      { type: "status", status: 429, retryAfter: "0" },
      { type: "status", status: 429, retryAfter: new Date(0).toUTCString() },
    );
    await create();
    expect(answers.map((a) => a.status)).toEqual([429, 429, 201]);
    expect(answers[0]!.body).toEqual({ statusCode: 429, message: expect.any(String) });
  });

  it("resets the connection before committing: the retry creates the order once", async () => {
    fake.injectFaults({ type: "reset" });
    await create();
    expect(fake.orders()).toHaveLength(1);
  });

  it("resets the connection after committing: the retry gets the committed order back", async () => {
    fake.injectFaults({ type: "reset", after: true });
    const order = await create();
    expect(fake.orders().map((o) => o.id)).toEqual([order.id]);
    expect(fake.stats).toMatchObject({ created: 1, replays: 1 });
  });

  it("stalls past the client's timeout, after committing: the retry gets the committed order", async () => {
    fake.injectFaults({ type: "stall", after: true });
    const order = await create();
    expect(fake.orders().map((o) => o.id)).toEqual([order.id]);
  });

  it("sends a non-JSON error body", async () => {
    fake.injectFaults({
      type: "raw",
      status: 400,
      headers: { "Content-Type": "text/html" },
      body: "<html>Bad Request</html>",
    });
    const error = await create().catch((e: unknown) => e);
    expect(isPartnerCenterError(error) && error.body).toBe("<html>Bad Request</html>");
  });

  it("fails a share of attempts at a rate, the same way for the same request ids", async () => {
    fake.setFaultRate({ rate: 0.5, faults: [{ type: "status", status: 503 }], seed: 7 });
    const requestId = "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f";
    await pc.orders.get(CUSTOMER, "o", { requestId }).catch(() => undefined);
    const first = answers.map((a) => a.status);
    fake.reset();
    fake.setFaultRate({ rate: 0.5, faults: [{ type: "status", status: 503 }], seed: 7 });
    answers.length = 0;
    await pc.orders.get(CUSTOMER, "o", { requestId }).catch(() => undefined);
    expect(answers.map((a) => a.status)).toEqual(first);
  });
});
