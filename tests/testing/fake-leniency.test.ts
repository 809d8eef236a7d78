// The fake is as lenient as the service (rule 3), judged by requests no one here wrote: unknown
// keys in bodies, multipart metadata and queries are ignored (D23), an enum's `unknown` is unset,
// one trailing slash routes, routing and binding come before an MS-RequestId is used up, every 405
// says what is allowed, and a file part without a filename is a documented 400.
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const OFFER = "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P";
const REQUEST_ID = "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f";

let fake: FakePartnerCenter;
beforeAll(async () => (fake = await startFakePartnerCenter({ token: "t" })));
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${fake.url}/v1${path}`, {
    method,
    headers: {
      Authorization: "Bearer t",
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
const order = (extra: Record<string, unknown> = {}, line: Record<string, unknown> = {}) => ({
  lineItems: [{ lineItemNumber: 0, offerId: OFFER, quantity: 1, ...line }],
  ...extra,
});

describe("what the service ignores, the fake ignores", () => {
  it("takes an order with unknown keys at the top and in a line item (D23)", async () => {
    const response = await send(
      "POST",
      `/customers/${CUSTOMER}/orders`,
      order({ someFutureField: 1, Foo: { bar: 2 } }, { partnerNote: "x" }),
    );
    expect(response.status).toBe(201);
  });

  it("takes a list query with an unknown parameter", async () => {
    expect((await send("GET", `/customers/${CUSTOMER}/orders?someFilter=1`)).status).toBe(200);
  });

  it("takes purchase-order metadata with an unknown key", async () => {
    const placed = (await (await send("POST", `/customers/${CUSTOMER}/orders`, order())).json()) as { id: string };
    const form = new FormData();
    form.append("Metadata", JSON.stringify({ customerPrice: "10", currency: "USD", someFutureField: true }));
    form.append("POFiles", new Blob(["%PDF-1.4"], { type: "application/pdf" }), "po.pdf");
    const response = await fetch(`${fake.url}/v1/customers/${CUSTOMER}/orders/${placed.id}/attachment`, {
      method: "POST",
      headers: { Authorization: "Bearer t" },
      body: form,
    });
    expect(response.status).toBeLessThan(300);
  });

  it("reads an enum's unknown as unset, on create and on PATCH (the .NET SDK's default)", async () => {
    const created = (await (
      await send("POST", `/customers/${CUSTOMER}/orders`, order({ BillingCycle: "unknown" }))
    ).json()) as { id: string; billingCycle: string };
    expect(created.billingCycle).not.toBe("unknown");
    const before = created.billingCycle;
    const patched = await send("PATCH", `/customers/${CUSTOMER}/orders/${created.id}`, {
      id: created.id,
      billingCycle: "Unknown",
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { billingCycle: string }).billingCycle).toBe(before);
  });

  it("routes one trailing slash, as ASP.NET does", async () => {
    expect((await send("GET", `/customers/${CUSTOMER}/orders/`)).status).toBe(200);
  });

  it("answers the customer's subscriptions without order_id", async () => {
    await send("POST", `/customers/${CUSTOMER}/orders`, order());
    const response = await send("GET", `/customers/${CUSTOMER}/subscriptions`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(0);
  });
});

describe("an MS-RequestId is used up only by a request the service would take", () => {
  it("answers an unsupported method 405 with Allow, and the id still places the order afterwards", async () => {
    const refused = await send("DELETE", `/customers/${CUSTOMER}/orders`, undefined, { "MS-RequestId": REQUEST_ID });
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toMatch(/GET.*POST|POST.*GET/);
    const placed = await send("POST", `/customers/${CUSTOMER}/orders`, order(), { "MS-RequestId": REQUEST_ID });
    expect(placed.status).toBe(201);
  });

  it("answers a body it cannot bind 400, and the id still places the order afterwards", async () => {
    const refused = await send(
      "POST",
      `/customers/${CUSTOMER}/orders`,
      { lineItems: [] },
      { "MS-RequestId": REQUEST_ID },
    );
    expect(refused.status).toBe(400);
    const placed = await send("POST", `/customers/${CUSTOMER}/orders`, order(), { "MS-RequestId": REQUEST_ID });
    expect(placed.status).toBe(201);
    expect(fake.stats.conflicts).toBe(0);
  });

  it("answers 409 when one MS-RequestId comes again with another customer user UPN", async () => {
    const first = await send("POST", `/customers/${CUSTOMER}/orders`, order(), {
      "MS-RequestId": REQUEST_ID,
      "x-ms-customeruser-upn": "a@contoso.com",
    });
    expect(first.status).toBe(201);
    const again = await send("POST", `/customers/${CUSTOMER}/orders`, order(), {
      "MS-RequestId": REQUEST_ID,
      "x-ms-customeruser-upn": "b@contoso.com",
    });
    expect(again.status).toBe(409);
  });
});

describe("an attachment upload", () => {
  it("answers a file part without a filename with the documented 400, not a 500", async () => {
    const placed = (await (await send("POST", `/customers/${CUSTOMER}/orders`, order())).json()) as { id: string };
    const boundary = "----x";
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="Metadata"\r\nContent-Type: application/json\r\n\r\n` +
      `${JSON.stringify({ customerPrice: "10", currency: "USD" })}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="POFiles"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--${boundary}--\r\n`;
    const response = await fetch(`${fake.url}/v1/customers/${CUSTOMER}/orders/${placed.id}/attachment`, {
      method: "POST",
      headers: { Authorization: "Bearer t", "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(response.status).toBe(400);
    expect(fake.stats.errors).toBe(0);
  });
});

describe("binding mistakes answer the codes the docs give them", () => {
  const code = async (response: Response) => (await response.json()) as { code: number; description: string };

  it.each([
    [
      "an enum value the service does not know: 900126",
      "POST",
      `/customers/${CUSTOMER}/orders`,
      order({ billingCycle: "weekly" }),
      900126,
      /^Unable to parse enum: weekly/,
    ],
    [
      "a term duration that is none: 800121",
      "POST",
      `/customers/${CUSTOMER}/orders`,
      order({}, { termDuration: "P" }),
      800121,
      /term duration provided is invalid/,
    ],
    [
      "a quantity below 1: 900275",
      "POST",
      `/customers/${CUSTOMER}/orders`,
      order({}, { quantity: 0 }),
      900275,
      /quantity for line item 0 is not within the allowed quantity/,
    ],
    [
      "a custom term end date that is no date: 900242",
      "POST",
      `/customers/${CUSTOMER}/orders`,
      order({}, { customTermEndDate: "0000-00-00" }),
      900242,
      /custom term end date specified for line item 0/,
    ],
    [
      "a cart line without its catalog item: 900142",
      "POST",
      `/customers/${CUSTOMER}/carts`,
      { lineItems: [{ quantity: 1, billingCycle: "monthly" }] },
      900142,
      /catalog item ID isn't present/,
    ],
  ])("%s", async (_what, method, path, body, expected, description) => {
    const answer = await send(method, path, body);
    expect(answer.status).toBe(400);
    expect(await code(answer)).toMatchObject({ code: expected, description: expect.stringMatching(description) });
  });

  it("answers an upload without purchase-order files 900252, and metadata without a price 900254", async () => {
    const placed = (await (await send("POST", `/customers/${CUSTOMER}/orders`, order())).json()) as { id: string };
    const upload = (metadata: object, withFile: boolean) => {
      const form = new FormData();
      form.append("Metadata", JSON.stringify(metadata));
      if (withFile) form.append("POFiles", new Blob(["%PDF"], { type: "application/pdf" }), "po.pdf");
      return fetch(`${fake.url}/v1/customers/${CUSTOMER}/orders/${placed.id}/attachment`, {
        method: "POST",
        headers: { Authorization: "Bearer t" },
        body: form,
      });
    };
    expect(await code(await upload({ customerPrice: "1", currency: "USD" }, false))).toMatchObject({ code: 900252 });
    expect(await code(await upload({ currency: "USD" }, true))).toMatchObject({ code: 900254 });
    expect(await code(await upload({ customerPrice: "1", currency: "USD", isPartOfTender: true }, true))).toMatchObject(
      { code: 900253 },
    );
  });
});
