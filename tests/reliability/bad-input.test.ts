// A corpus of bad input: caller mistakes, which must be refused before anything is sent, and
// malformed answers from the server, which must become typed errors. Across all of them: no
// crash, no unhandled rejection, and the bearer token in no error's message, stack, JSON or
// inspection.
import { inspect } from "node:util";
import {
  createPartnerCenterClient,
  isPartnerCenterError,
  isPartnerCenterValidationError,
  type PartnerCenterClient,
  type PartnerCenterError,
} from "partner-center-orders";
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";

const TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ0b3Atc2VjcmV0In0.c2lnbmF0dXJlLXNlY3JldA";
const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const LINE = { offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 };
const GUID = "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f";

let fake: FakePartnerCenter;
let pc: PartnerCenterClient;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  fake = await startFakePartnerCenter({ token: TOKEN });
  // Pacing off: the corpus sends far more than 500 requests a minute, and pacing is not what it checks.
  pc = createPartnerCenterClient({
    credential: TOKEN,
    baseUrl: fake.url,
    maxRetries: 0,
    timeoutMs: 2_000,
    rateLimit: false,
  });
});
afterAll(async () => {
  await fake.close();
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

function expectTokenHidden(error: PartnerCenterError) {
  const shown = [
    error.message,
    error.stack,
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
  ].join("\n");
  expect(shown).not.toContain(TOKEN);
  expect(shown).not.toContain("c2lnbmF0dXJlLXNlY3JldA");
}

async function failure(run: () => unknown): Promise<PartnerCenterError> {
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  if (!isPartnerCenterError(error)) throw new Error(`expected a PartnerCenterError, got ${inspect(error)}`);
  expectTokenHidden(error);
  return error;
}

const create = (order: unknown, options?: object) => () => pc.orders.create(CUSTOMER, order as never, options);
const many = (n: number) => Array.from({ length: n }, (_, i) => String(1000 + i));
const link = (uri: string, headers: { key: string; value: string }[] = []) => ({ uri, method: "GET", headers });

// [mistake, call, path of a problem the error must name]
const mistakes: [string, () => unknown, string][] = [
  ["no line items", create({ lineItems: [] }), "body.lineItems"],
  ["lineItems missing", create({ billingCycle: "monthly" }), "body.lineItems"],
  ["lineItems not an array", create({ lineItems: "CFQ7TTC0LH0Z" }), "body.lineItems"],
  ["a quantity of 0", create({ lineItems: [{ ...LINE, quantity: 0 }] }), "body.lineItems[0].quantity"],
  ["a negative quantity", create({ lineItems: [{ ...LINE, quantity: -3 }] }), "body.lineItems[0].quantity"],
  ["a fractional quantity", create({ lineItems: [{ ...LINE, quantity: 1.5 }] }), "body.lineItems[0].quantity"],
  ["a string quantity", create({ lineItems: [{ ...LINE, quantity: "2" }] }), "body.lineItems[0].quantity"],
  ["a quantity past int32", create({ lineItems: [{ ...LINE, quantity: 2 ** 31 }] }), "body.lineItems[0].quantity"],
  ["an empty offerId", create({ lineItems: [{ ...LINE, offerId: "" }] }), "body.lineItems[0].offerId"],
  ["no offerId", create({ lineItems: [{ quantity: 1 }] }), "body.lineItems[0].offerId"],
  [
    "duplicate line item numbers",
    create({
      lineItems: [
        { ...LINE, lineItemNumber: 0 },
        { ...LINE, lineItemNumber: 0 },
      ],
    }),
    "body.lineItems[1].lineItemNumber",
  ],
  [
    "a line item number past n-1",
    create({ lineItems: [{ ...LINE, lineItemNumber: 1 }] }),
    "body.lineItems[0].lineItemNumber",
  ],
  [
    "a negative line item number",
    create({ lineItems: [{ ...LINE, lineItemNumber: -1 }] }),
    "body.lineItems[0].lineItemNumber",
  ],
  [
    "some line items numbered, some not",
    create({ lineItems: [{ ...LINE, lineItemNumber: 0 }, LINE] }),
    "body.lineItems[1].lineItemNumber",
  ],
  [
    "6 additional partner ids",
    create({ lineItems: [{ ...LINE, additionalPartnerIdsOnRecord: many(6) }] }),
    "body.lineItems[0].additionalPartnerIdsOnRecord",
  ],
  ["an unknown billingCycle", create({ billingCycle: "weekly", lineItems: [LINE] }), "body.billingCycle"],
  [
    "a misspelt key",
    create({ lineItems: [{ ...LINE, partnerIdOnRecrod: "873452" }] }),
    "body.lineItems[0].partnerIdOnRecrod",
  ],
  ["an unknown property", create({ lineItems: [LINE], discount: 10 }), "body.discount"],
  [
    "a key named constructor",
    create(JSON.parse('{"lineItems":[{"offerId":"o","quantity":1}],"constructor":{}}')),
    "body.constructor",
  ],
  [
    "a key named __proto__",
    create(JSON.parse('{"lineItems":[{"offerId":"o","quantity":1}],"__proto__":{"x":1}}')),
    "body.__proto__",
  ],
  [
    "the same key twice in two casings",
    create({ lineItems: [LINE], billingCycle: "monthly", BillingCycle: "annual" }),
    "body.BillingCycle",
  ],
  [
    "a termDuration that is not ISO 8601",
    create({ lineItems: [{ ...LINE, termDuration: "1 year" }] }),
    "body.lineItems[0].termDuration",
  ],
  [
    "a customTermEndDate that is not a date-time",
    create({ lineItems: [{ ...LINE, customTermEndDate: "next May" }] }),
    "body.lineItems[0].customTermEndDate",
  ],
  [
    "a provisioningContext value that is not text",
    create({ lineItems: [{ ...LINE, provisioningContext: { seats: 5 } }] }),
    "body.lineItems[0].provisioningContext.seats",
  ],
  ["a null order", create(null), "body"],
  ["a customer id that is not a GUID", () => pc.orders.create("contoso", { lineItems: [LINE] }), "path.customer_id"],
  ["an empty customer id", () => pc.orders.create("", { lineItems: [LINE] }), "path.customer_id"],
  ["a requestId that is not a GUID", create({ lineItems: [LINE] }, { requestId: "retry-1" }), "options.requestId"],
  [
    "a correlationId with CR LF",
    create({ lineItems: [LINE] }, { correlationId: `${GUID}\r\nX-Evil: 1` }),
    "options.correlationId",
  ],
  ["a negative timeoutMs", create({ lineItems: [LINE] }, { timeoutMs: -1 }), "options.timeoutMs"],
  ["an empty order id", () => pc.orders.get(CUSTOMER, ""), "path.order_id"],
  ["an undefined order id", () => pc.orders.get(CUSTOMER, undefined as never), "path.order_id"],
  ["an undocumented status", () => pc.orders.update(CUSTOMER, "o", { status: "shipped" as never }), "body.status"],
  ["a patch for another order", () => pc.orders.update(CUSTOMER, "o", { id: "p", status: "cancelled" }), "body.id"],
  [
    "an If-Match with CR LF",
    () => pc.orders.update(CUSTOMER, "o", { status: "cancelled" }, { ifMatch: "a\r\nb" }),
    "header.If-Match",
  ],
  [
    "a patch line item without offerId",
    () => pc.orders.update(CUSTOMER, "o", { lineItems: [{ lineItemNumber: 0 } as never] }),
    "body.lineItems[0].offerId",
  ],
  [
    "a billingType that is no member name",
    () => pc.orders.list(CUSTOMER, { billingType: "one-time" as never }).next(),
    "query.billingType",
  ],
  ["a list for a customer id that is not a GUID", () => pc.orders.list("contoso").next(), "path.customer_id"],
  [
    "a fractional line item number",
    () => pc.orders.listLineItemActivationLinks(CUSTOMER, "o", 0.5),
    "path.line_item_number",
  ],
  [
    "an upload without PO files",
    () =>
      pc.orders.createOrderAttachments(CUSTOMER, "o", {
        metadata: { customerPrice: "1", currency: "USD" },
        poFiles: [],
      }),
    "body.POFiles",
  ],
  [
    "an upload with a price that is not a number",
    () =>
      pc.orders.createOrderAttachments(CUSTOMER, "o", {
        metadata: { customerPrice: "cheap", currency: "USD" },
        poFiles: [new Blob(["x"])],
      }),
    "body.Metadata.customerPrice",
  ],
  ["a link to another host", () => pc.follow(link("https://evil.test/v1/customers")), "link.uri"],
  ["the docs' placeholder link", () => pc.follow(link("<link populated here>")), "link.uri"],
  [
    "a link header with CR LF",
    () => pc.follow(link("/customers", [{ key: "MS-ContinuationToken", value: "a\nb" }])),
    "link.headers[0].value",
  ],
  [
    "a client with an http baseUrl",
    () => createPartnerCenterClient({ credential: TOKEN, baseUrl: "http://pc.example.com/v1" }),
    "options.baseUrl",
  ],
  ["a client with an empty credential", () => createPartnerCenterClient({ credential: "" }), "options.credential"],
  [
    "a client with an applicationName with LF",
    () => createPartnerCenterClient({ credential: TOKEN, applicationName: "a\nb" }),
    "options.applicationName",
  ],
];

describe("caller mistakes", () => {
  it("number at least 30", () => {
    expect(mistakes.length).toBeGreaterThanOrEqual(30);
  });

  it.each(mistakes)("%s: a typed validation error naming it, and no request", async (_name, call, path) => {
    const sent = fake.stats.requests;
    const error = await failure(call);
    expect(isPartnerCenterValidationError(error)).toBe(true);
    expect((error as { problems?: { path: string }[] }).problems!.map((p) => p.path)).toContain(path);
    expect(fake.stats.requests).toBe(sent);
  });
});

const HUGE = JSON.stringify({ code: 800002, description: "x".repeat(5_000_000) });

// [answer, what the server sends, the typed error expected]
const answers: [
  string,
  { status: number; headers?: Record<string, string>; body?: string },
  Partial<PartnerCenterError>,
][] = [
  [
    "an HTML gateway page",
    {
      status: 502,
      headers: { "Content-Type": "text/html" },
      body: "<html><body><h1>502 Bad Gateway</h1></body></html>",
    },
    { status: 502, isRetryable: true, body: "<html><body><h1>502 Bad Gateway</h1></body></html>" },
  ],
  ["an empty error body", { status: 500 }, { status: 500, isRetryable: true, description: undefined }],
  [
    "truncated JSON",
    { status: 200, headers: { "Content-Type": "application/json" }, body: '{"id":"Cs_jy","lineItems":[' },
    { status: 200, code: "INVALID_RESPONSE" },
  ],
  [
    "a wrong content type",
    { status: 200, headers: { "Content-Type": "text/html" }, body: "<html>ok</html>" },
    { status: 200, code: "INVALID_RESPONSE" },
  ],
  ["a 201 without a body", { status: 201 }, { status: 201, code: "INVALID_RESPONSE" }],
  ["a 204 where an order was due", { status: 204 }, { status: 204, code: "INVALID_RESPONSE" }],
  [
    "a huge error body",
    { status: 400, headers: { "Content-Type": "application/json" }, body: HUGE },
    { status: 400, code: 800002 },
  ],
  [
    "a JSON array for an order",
    { status: 200, headers: { "Content-Type": "application/json" }, body: "[]" },
    { code: "INVALID_RESPONSE" },
  ],
  [
    "JSON null for an order",
    { status: 200, headers: { "Content-Type": "application/json" }, body: "null" },
    { code: "INVALID_RESPONSE" },
  ],
  [
    "a negative Retry-After",
    { status: 429, headers: { "Retry-After": "-30" }, body: '{"statusCode":429,"message":"slow down"}' },
    { status: 429, retryAfterMs: undefined, description: "slow down" },
  ],
  [
    "an absurd Retry-After",
    { status: 429, headers: { "Retry-After": "99999999" }, body: "" },
    { status: 429, retryAfterMs: 99_999_999_000 },
  ],
  [
    "an unparsable Retry-After",
    { status: 503, headers: { "Retry-After": "soon" } },
    { status: 503, retryAfterMs: undefined },
  ],
  [
    "an error code that is an object",
    { status: 400, headers: { "Content-Type": "application/json" }, body: '{"code":{"n":1},"description":"bad"}' },
    { status: 400, code: undefined, description: "bad" },
  ],
  [
    "an error code that is a boolean",
    { status: 409, headers: { "Content-Type": "application/json" }, body: '{"code":true,"description":"busy"}' },
    { status: 409, code: undefined, description: "busy" },
  ],
  [
    "a description that is a number",
    { status: 400, headers: { "Content-Type": "application/json" }, body: '{"code":1,"description":42}' },
    { status: 400, code: 1, description: undefined },
  ],
  [
    "data that is not an array",
    { status: 400, headers: { "Content-Type": "application/json" }, body: '{"code":1,"description":"d","data":"x"}' },
    { status: 400, data: undefined },
  ],
  [
    "a plain-text 429",
    { status: 429, headers: { "Content-Type": "text/plain", "Retry-After": "1" }, body: "Too Many Requests" },
    { status: 429, retryAfterMs: 1000, body: "Too Many Requests" },
  ],
  [
    "an undocumented status",
    { status: 418, headers: { "Content-Type": "application/json" }, body: '{"code":418,"description":"teapot"}' },
    { status: 418, code: 418, isRetryable: false },
  ],
  [
    "a 401 with an empty body",
    { status: 401, headers: { "WWW-Authenticate": "OAuth realm=urn:cpsvc" } },
    { status: 401, isRetryable: false },
  ],
];

describe("malformed answers", () => {
  it("number at least 15", () => {
    expect(answers.length).toBeGreaterThanOrEqual(15);
  });

  it.each(answers)("%s: a typed error", async (_name, answer, expected) => {
    fake.injectFaults({ type: "raw", ...answer });
    const error = await failure(() => pc.orders.get(CUSTOMER, "o"));
    for (const [key, value] of Object.entries(expected))
      expect([key, error[key as keyof PartnerCenterError]]).toEqual([key, value]);
    expect(error.message.length).toBeLessThan(2_000);
    expect((error.description ?? "").length).toBeLessThanOrEqual(1_100);
  });

  it("falls back to backoff on an unusable Retry-After and succeeds on the retry", async () => {
    const retrying = createPartnerCenterClient({
      credential: TOKEN,
      baseUrl: fake.url,
      backoff: { baseDelayMs: 1, maxDelayMs: 2 },
      rateLimit: false,
    });
    const order = await retrying.orders.create(CUSTOMER, { lineItems: [LINE] });
    fake.injectFaults({ type: "raw", status: 429, headers: { "Retry-After": "-1" }, body: "" });
    await expect(retrying.orders.get(CUSTOMER, order.id)).resolves.toMatchObject({ id: order.id });
  });
});
