import {
  createPartnerCenterClient,
  isPartnerCenterValidationError,
  type PartnerCenterValidationError,
  type PlacedOrder,
} from "../../../src";
import { CUSTOMER, ORDER, json, scriptedFetch, type Step } from "../../helpers/scripted-fetch";

const BASE = "https://pc.test/v1";

function clientWith(...steps: Step[]) {
  const script = scriptedFetch(...steps);
  const pc = createPartnerCenterClient({
    credential: "t",
    baseUrl: BASE,
    fetch: script.fetch,
    backoff: { baseDelayMs: 1 },
  });
  return { pc, sent: script.sent };
}

async function problems(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
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
    await pc.orders.create(CUSTOMER, {
      lineItems: [
        { offerId: "a", quantity: 1 },
        { offerId: "b", quantity: 2 },
      ],
    });
    expect(JSON.parse(sent[0]!.body).lineItems.map((i: { lineItemNumber: number }) => i.lineItemNumber)).toEqual([
      0, 1,
    ]);
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
            {
              offerId: "c",
              quantity: 1,
              lineItemNumber: 5,
              additionalPartnerIdsOnRecord: ["1", "2", "3", "4", "5", "6"],
            },
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
    expect(await problems(pc.orders.create(CUSTOMER, { lineItems: [] }))).toEqual([
      "body.lineItems must have at least 1 item",
    ]);
    expect(sent).toHaveLength(0);
  });

  it("sends the docs' PascalCase request in camelCase, leaving out the read-only CurrencyCode it carries", async () => {
    const { pc, sent } = clientWith(json(201, ORDER));
    const turkishPage = {
      BillingCycle: "one_time",
      CurrencyCode: "USD",
      LineItems: [
        {
          LineItemNumber: 0,
          ProvisioningContext: {
            subscriptionId: "cccc2c2c-dd3d-ee4e-ff5f-aaaaaa6a6a6a",
            scope: "shared",
            duration: "1Year",
          },
          OfferId: "DZH318Z0BQ4B:0047:DZH318Z0DSM8",
          FriendlyName: "A_sample_Azure_RI",
          Quantity: 1,
        },
      ],
    };
    await pc.orders.create(CUSTOMER, turkishPage as never);
    expect(JSON.parse(sent[0]!.body)).toEqual({
      billingCycle: "one_time",
      lineItems: [
        {
          lineItemNumber: 0,
          provisioningContext: {
            subscriptionId: "cccc2c2c-dd3d-ee4e-ff5f-aaaaaa6a6a6a",
            scope: "shared",
            duration: "1Year",
          },
          offerId: "DZH318Z0BQ4B:0047:DZH318Z0DSM8",
          friendlyName: "A_sample_Azure_RI",
          quantity: 1,
        },
      ],
    });
  });

  it("sends the .NET SDK's create body: PascalCase keys, explicit nulls and BillingCycle unknown, both unset", async () => {
    const { pc, sent } = clientWith(json(201, ORDER));
    const dotnet = {
      Id: null,
      AlternateId: null,
      ReferenceCustomerId: CUSTOMER,
      BillingCycle: "unknown",
      CurrencySymbol: null,
      LineItems: [
        {
          LineItemNumber: 0,
          OfferId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P",
          SubscriptionId: null,
          ParentSubscriptionId: null,
          TermDuration: null,
          RenewsTo: null,
          TransactionType: null,
          FriendlyName: "Seats",
          Quantity: 2,
          Pricing: null,
          PartnerIdOnRecord: null,
          AdditionalPartnerIdsOnRecord: null,
          AttestationAccepted: null,
          Attributes: { ObjectType: "OrderLineItem" },
        },
      ],
      CreationDate: null,
      Status: null,
      TransactionType: null,
      Links: null,
      PartnerOnRecordAttestationAccepted: null,
      Attributes: { ObjectType: "Order" },
    };
    await pc.orders.create(CUSTOMER, dotnet as never);
    expect(JSON.parse(sent[0]!.body)).toEqual({
      referenceCustomerId: CUSTOMER,
      lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", friendlyName: "Seats", quantity: 2 }],
    });
  });

  it("sends the Java SDK's create body, leaving out the totalPrice 0.0 it always carries", async () => {
    const { pc, sent } = clientWith(json(201, ORDER));
    await pc.orders.create(CUSTOMER, {
      referenceCustomerId: CUSTOMER,
      billingCycle: "monthly",
      totalPrice: 0.0,
      lineItems: [{ lineItemNumber: 0, offerId: "o", quantity: 1 }],
    });
    expect(JSON.parse(sent[0]!.body)).toEqual({
      referenceCustomerId: CUSTOMER,
      billingCycle: "monthly",
      lineItems: [{ lineItemNumber: 0, offerId: "o", quantity: 1 }],
    });
  });

  it.each(["2027-05-17", "2027-05-17T00:00:00", "2027-05-17T00:00:00Z", "2027-05-17T00:00:00.000+02:00"])(
    "takes a customTermEndDate of %s, as the service's binder does",
    async (date) => {
      const { pc, sent } = clientWith(json(201, ORDER));
      await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: "o", quantity: 1, customTermEndDate: date }] });
      expect(JSON.parse(sent[0]!.body).lineItems[0].customTermEndDate).toBe(date);
    },
  );

  it("sends x-ms-customeruser-upn when licenses go to a customer user", async () => {
    const { pc, sent } = clientWith(json(201, ORDER), json(201, ORDER));
    await pc.orders.create(
      CUSTOMER,
      { lineItems: [{ offerId: "o", quantity: 1 }] },
      { customerUserUpn: "admin@contoso.onmicrosoft.com" },
    );
    await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: "o", quantity: 1 }] });
    expect(sent[0]!.headers["x-ms-customeruser-upn"]).toBe("admin@contoso.onmicrosoft.com");
    expect(sent[1]!.headers).not.toHaveProperty("x-ms-customeruser-upn");
  });

  it("refuses a misspelt key as a typo, naming the property it resembles, and sends nothing", async () => {
    const { pc, sent } = clientWith();
    const order = { lineItems: [{ offerId: "o", quantitty: 1, partnerIdOnRecrod: "873452" }] } as never;
    expect(await problems(pc.orders.create(CUSTOMER, order))).toEqual([
      "body.lineItems[0].quantitty is not a known property, so the service would ignore it; did you mean quantity?",
      "body.lineItems[0].partnerIdOnRecrod is not a known property, so the service would ignore it; did you mean partnerIdOnRecord?",
      "body.lineItems[0].quantity is required",
    ]);
    expect(sent).toHaveLength(0);
  });

  it.each(["constructor", "toString", "__proto__"])(
    "refuses a key named %s as unknown and sends nothing",
    async (key) => {
      const { pc, sent } = clientWith();
      const order = JSON.parse(`{"lineItems": [{"offerId": "o", "quantity": 1}], "${key}": {"polluted": true}}`);
      expect(await problems(pc.orders.create(CUSTOMER, order))).toEqual([
        expect.stringMatching(new RegExp(`^body\\.${key} is not a known property`)),
      ]);
      expect(sent).toHaveLength(0);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
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
      pc.orders.update(CUSTOMER, ORDER.id, {
        id: ORDER.id,
        status: "cancelled",
        lineItems: [{ lineItemNumber: 0, offerId: "o" }],
      }),
    ).resolves.toBeDefined();
  });

  it("refuses a patch whose id is another order's", async () => {
    const { pc } = clientWith();
    expect(await problems(pc.orders.update(CUSTOMER, ORDER.id, { id: "other", status: "cancelled" }))).toEqual([
      `body.id must match the order id in the path (${ORDER.id})`,
    ]);
  });

  it("sends back a whole order as read, without its read-only fields (the .NET UpdateOrder pattern)", async () => {
    const read: PlacedOrder = {
      ...ORDER,
      billingCycle: "monthly",
      currencyCode: "USD",
      creationDate: "2018-03-13T22:49:54.3396949Z",
      links: { self: { uri: `/customers/${CUSTOMER}/orders/${ORDER.id}`, method: "GET", headers: [] } },
      attributes: { etag: "e1", objectType: "Order" },
      status: "pending",
      lineItems: [{ ...ORDER.lineItems[0]!, links: {}, pricing: { listPrice: 10 }, transactionType: "New" }],
    };
    const { pc, sent } = clientWith(json(200, ORDER));
    await pc.orders.update(CUSTOMER, ORDER.id, { ...read, billingCycle: "annual" });
    expect(JSON.parse(sent[0]!.body)).toEqual({
      id: ORDER.id,
      billingCycle: "annual",
      status: "pending",
      lineItems: [ORDER.lineItems[0]],
    });
  });

  it("sends the docs' billing-cycle change, its Annual written annual", async () => {
    const { pc, sent } = clientWith(json(200, ORDER));
    const docs = {
      Id: null,
      ReferenceCustomerId: "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04",
      BillingCycle: "Annual",
      LineItems: [
        {
          LineItemNumber: 0,
          OfferId: "2828BE95",
          SubscriptionId: "69829602",
          FriendlyName: "n",
          Quantity: 2,
          PartnerIdOnRecord: null,
          Attributes: { ObjectType: "OrderLineItem" },
        },
      ],
      CreationDate: null,
      Attributes: { ObjectType: "Order" },
    };
    await pc.orders.update(CUSTOMER, ORDER.id, docs as never);
    expect(JSON.parse(sent[0]!.body)).toEqual({
      referenceCustomerId: "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04",
      billingCycle: "annual",
      lineItems: [
        { lineItemNumber: 0, offerId: "2828BE95", subscriptionId: "69829602", friendlyName: "n", quantity: 2 },
      ],
    });
  });

  it("takes any documented status and refuses an undocumented one", async () => {
    const { pc, sent } = clientWith(json(200, ORDER));
    await pc.orders.update(CUSTOMER, ORDER.id, { status: "completed" });
    expect(JSON.parse(sent[0]!.body)).toEqual({ status: "completed" });
    expect(await problems(pc.orders.update(CUSTOMER, ORDER.id, { status: "shipped" as never }))).toEqual([
      expect.stringMatching(/^body\.status must be one of "unknown", "completed", .* got "shipped"$/),
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
    for await (const order of pc.orders.list(CUSTOMER, { billingType: "monthly", includePrice: true }))
      ids.push(order.id);
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
    const { pc, sent } = clientWith(
      json(200, page(["a"], { uri: "/customers/c/orders?p=2", method: "GET", headers: [] })),
      json(200, page(["b"])),
    );
    const iterator = pc.orders.list(CUSTOMER);
    expect((await iterator.next()).value).toMatchObject({ id: "a" });
    expect(sent).toHaveLength(1);
    expect((await iterator.next()).value).toMatchObject({ id: "b" });
    expect(sent).toHaveLength(2);
  });

  it("uses the caller's requestId for the first page only", async () => {
    const requestId = "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f";
    const { pc, sent } = clientWith(
      json(200, page(["a"], { uri: "/customers/c/orders?p=2", method: "GET", headers: [] })),
      json(200, page([])),
    );
    for await (const _order of pc.orders.list(CUSTOMER, { requestId })) void _order;
    expect(sent[0]!.headers["ms-requestid"]).toBe(requestId);
    expect(sent[1]!.headers["ms-requestid"]).not.toBe(requestId);
  });

  it.each([
    ["one_time", "onetime"],
    ["OneTime", "onetime"],
    ["Monthly", "monthly"],
  ] as const)("sends billingType %s in the docs' spelling, %s", async (given, wire) => {
    const { pc, sent } = clientWith(json(200, page([])));
    for await (const _order of pc.orders.list(CUSTOMER, { billingType: given })) void _order;
    expect(new URL(sent[0]!.url).searchParams.get("billingType")).toBe(wire);
  });

  it("refuses a billingType that is no member name, suggesting the closest", async () => {
    const { pc } = clientWith();
    const iterator = pc.orders.list(CUSTOMER, { billingType: "onetim" as never });
    expect(await problems(iterator.next())).toEqual([
      'query.billingType must be one of "unknown", "monthly", "annual", "none", "onetime", "triennial", "biennial" (in any casing), got "onetim"; did you mean onetime?',
    ]);
  });

  it("refuses a next link that leaves the API root, before sending the token there", async () => {
    const { pc, sent } = clientWith(
      json(200, page(["a"], { uri: "https://evil.test/steal", method: "GET", headers: [] })),
    );
    const ids: string[] = [];
    const run = (async () => {
      for await (const order of pc.orders.list(CUSTOMER)) ids.push(order.id);
    })();
    await expect(run).rejects.toMatchObject({
      code: "INVALID_RESPONSE",
      message: expect.stringContaining(`link.uri points outside ${BASE}; the client sends its token only there`),
    });
    expect(ids).toEqual(["a"]);
    expect(sent).toHaveLength(1);
  });
});

describe("the other Orders operations", () => {
  const collection = { totalCount: 0, items: [] };

  it.each([
    [
      "getOrderProvisioningStatus",
      (pc: any) => pc.orders.getOrderProvisioningStatus(CUSTOMER, "o"),
      `/customers/${CUSTOMER}/orders/o/provisioningstatus`,
    ],
    [
      "listOrderActivationLinks",
      (pc: any) => pc.orders.listOrderActivationLinks(CUSTOMER, "o"),
      `/customers/${CUSTOMER}/orders/o/activationlinks`,
    ],
    [
      "listLineItemActivationLinks",
      (pc: any) => pc.orders.listLineItemActivationLinks(CUSTOMER, "o", 0),
      `/customers/${CUSTOMER}/orders/o/lineitems/0/activationlinks`,
    ],
    [
      "listSubscriptionActivationLinks",
      (pc: any) => pc.orders.listSubscriptionActivationLinks(CUSTOMER, "s"),
      `/customers/${CUSTOMER}/subscriptions/s/activationlinks`,
    ],
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

  it("createOrderAttachments uploads multipart parts named as the .NET SDK names them", async () => {
    const { pc, sent } = clientWith(json(201, { totalCount: 1, items: [{ attachmentId: "a", fileName: "po.pdf" }] }));
    const result = await pc.orders.createOrderAttachments(CUSTOMER, "o", {
      metadata: { customerPrice: "156.87", currency: "CAD", isPartOfTender: true },
      poFiles: [new File(["%PDF-1.7"], "po.pdf", { type: "application/pdf" })],
      tenderFiles: [new File(["%PDF-tender"], "tender.pdf", { type: "application/pdf" })],
    });
    expect(result.items[0]!.attachmentId).toBe("a");
    expect(sent[0]!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent[0]!.body).toContain('name="Metadata"');
    expect(sent[0]!.body).toContain('{"customerPrice":"156.87","currency":"CAD","isPartOfTender":true}');
    expect(sent[0]!.body).toMatch(/name="POFiles"; filename="po.pdf"/);
    expect(sent[0]!.body).toContain("%PDF-1.7");
    expect(sent[0]!.body).toMatch(/name="TenderFiles"; filename="tender.pdf"/);
  });

  it("createOrderAttachments takes the docs' isPartofTender and a numeric price, as the service binds them", async () => {
    const { pc, sent } = clientWith(json(201, { totalCount: 0, items: [] }));
    const metadata = { isPartofTender: false, customerPrice: 156.87, currency: "CAD" };
    await pc.orders.createOrderAttachments(CUSTOMER, "o", { metadata: metadata as never, poFiles: [new Blob(["x"])] });
    expect(sent[0]!.body).toContain('{"isPartOfTender":false,"customerPrice":156.87,"currency":"CAD"}');
  });

  it("listOrderAttachments gets the order's attachments", async () => {
    const { pc, sent } = clientWith(json(200, { totalCount: 0, items: [] }));
    await expect(pc.orders.listOrderAttachments(CUSTOMER, "o")).resolves.toEqual({ totalCount: 0, items: [] });
    expect(sent[0]).toMatchObject({ method: "GET", url: `${BASE}/customers/${CUSTOMER}/orders/o/attachments` });
  });

  it("getOrderAttachment downloads a file as a Blob, asking for bytes", async () => {
    const pdf = new Response("%PDF-1.7 po", { status: 200, headers: { "Content-Type": "application/pdf" } });
    const { pc, sent } = clientWith(pdf);
    const file = await pc.orders.getOrderAttachment(CUSTOMER, "o", "ed64c99f750115");
    expect(await file.text()).toBe("%PDF-1.7 po");
    expect(file.type).toBe("application/pdf");
    expect(sent[0]).toMatchObject({
      method: "GET",
      url: `${BASE}/customers/${CUSTOMER}/orders/o/attachment/ed64c99f750115`,
    });
    expect(sent[0]!.headers.accept).toBe("application/octet-stream, application/json");
  });

  it("createOrderAttachments refuses missing files and bad metadata", async () => {
    const { pc } = clientWith();
    expect(
      await problems(
        pc.orders.createOrderAttachments(CUSTOMER, "o", {
          metadata: { customerPrice: "cheap", currency: "CAD" },
          poFiles: [],
        }),
      ),
    ).toEqual([
      'body.Metadata.customerPrice must match ^\\d+(\\.\\d+)?$, got "cheap"',
      "body.POFiles must have at least 1 item",
    ]);
  });
});
