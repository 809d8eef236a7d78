// The fake runs inside other services' test processes, so nothing that arrives may make it throw
// into them: every request gets an answer in the documented error shape or a closed socket, its
// own errors go to onError and stats, and afterwards it still serves a normal order.
import { createPartnerCenterClient } from "partner-center-orders";
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";
import { raw, type RawResult } from "../helpers/raw-http";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const TOKEN = "test-token";
const AUTH = `Authorization: Bearer ${TOKEN}\r\n`;
const ORDERS = `/customers/${CUSTOMER}/orders`;
const post = (path: string, type: string, body: string | Buffer, extra = "") => [
  `POST ${path} HTTP/1.1\r\nHost: fake\r\n${AUTH}Content-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n`,
  body,
];
const get = (target: string, headers = AUTH) => [`GET ${target} HTTP/1.1\r\nHost: fake\r\n${headers}\r\n`];
const boundary = "----fake";
const multipart = (parts: string) => `--${boundary}\r\n${parts}\r\n--${boundary}--\r\n`;

let fake: FakePartnerCenter;
const unhandled: unknown[] = [];
const errors: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", record);
  process.on("uncaughtException", record);
  fake = await startFakePartnerCenter({
    token: TOKEN,
    maxBodyBytes: 4_096,
    headersTimeoutMs: 200,
    requestTimeoutMs: 400,
    onError: (error) => errors.push(error),
  });
});
afterAll(async () => {
  await fake.close();
  process.off("unhandledRejection", record);
  process.off("uncaughtException", record);
});

// [what arrives, the bytes (numbers are pauses), options]
const corpus: [string, (string | Buffer | number)[], { hangUp?: boolean; waitMs?: number }?][] = [
  ["GET // without a token", get("//", "")],
  ["GET // with a token", get("//")],
  ["a malformed percent-escape in a path segment", get(`${ORDERS}/%E0%A4%A`)],
  ["a lone % in a path segment", get(`${ORDERS}/%`)],
  ["an absolute-form target that is not a URL", get("http://[")],
  ["an absolute-form target to another host", get(`http://elsewhere.test${ORDERS}`)],
  ["a target that is only a star", ["OPTIONS * HTTP/1.1\r\nHost: fake\r\n\r\n"]],
  ["CONNECT", ["CONNECT fake:443 HTTP/1.1\r\nHost: fake\r\n\r\n"]],
  ["garbage instead of a request line", ["HELLO\r\n\r\n"]],
  ["a lower-case method", ["get / HTTP/1.1\r\nHost: fake\r\n\r\n"]],
  ["an HTTP/0.9 request", ["GET /\r\n\r\n"]],
  ["HTTP/2.0 in the request line", ["GET / HTTP/2.0\r\nHost: fake\r\n\r\n"]],
  ["a header without a colon", ["GET / HTTP/1.1\r\nHost: fake\r\nX-Broken\r\n\r\n"]],
  ["a header with a control character", ["GET / HTTP/1.1\r\nHost: fake\r\nX-Bad: a\x01b\r\n\r\n"]],
  ["headers larger than the parser takes", [`GET / HTTP/1.1\r\nHost: fake\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`]],
  ["a NUL in the path", [`GET ${ORDERS}/a\x00b HTTP/1.1\r\nHost: fake\r\n${AUTH}\r\n`]],
  ["dot segments that climb out of the API", get("/customers/../../../etc/passwd")],
  ["a 20 kB path", get(`/customers/${"a".repeat(20_000)}/orders`)],
  ["a malformed escape in the query", get(`${ORDERS}?billingType=%ZZ`)],
  ["an unknown route", get("/v1/invoices")],
  ["a method the route does not take", [`PUT ${ORDERS} HTTP/1.1\r\nHost: fake\r\n${AUTH}Content-Length: 0\r\n\r\n`]],
  ["HEAD on a route", [`HEAD ${ORDERS} HTTP/1.1\r\nHost: fake\r\n${AUTH}\r\n`]],
  ["an empty bearer token", get(ORDERS, "Authorization: Bearer \r\n")],
  ["a negative Content-Length", [`POST ${ORDERS} HTTP/1.1\r\nHost: fake\r\n${AUTH}Content-Length: -1\r\n\r\n`]],
  [
    "Content-Length and Transfer-Encoding together",
    [
      `POST ${ORDERS} HTTP/1.1\r\nHost: fake\r\n${AUTH}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    ],
  ],
  [
    "broken chunked encoding",
    [
      `POST ${ORDERS} HTTP/1.1\r\nHost: fake\r\n${AUTH}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot hex\r\n\r\n`,
    ],
  ],
  [
    "a body longer than its Content-Length",
    [...post(ORDERS, "application/json", "{}"), "trailing garbage that is not a request"],
  ],
  [
    "a client that disconnects mid-body",
    [
      `POST ${ORDERS} HTTP/1.1\r\nHost: fake\r\n${AUTH}Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"lineItems":`,
    ],
    { hangUp: true },
  ],
  ["a body larger than maxBodyBytes", post(ORDERS, "application/json", `{"pad":"${"x".repeat(10_000)}"}`)],
  ["headers sent too slowly", ["GET / HTTP/1.1\r\nHost: fake\r\n", 800], { waitMs: 1_500 }],
  [
    "a body sent too slowly",
    [
      `POST ${ORDERS} HTTP/1.1\r\nHost: fake\r\n${AUTH}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
      1_000,
    ],
    { waitMs: 1_500 },
  ],
  ["JSON cut short", post(ORDERS, "application/json", '{"lineItems":[')],
  ["the JSON null", post(ORDERS, "application/json", "null")],
  ["a JSON array", post(ORDERS, "application/json", "[]")],
  ["a JSON string", post(ORDERS, "application/json", '"order"')],
  ["JSON nested 100,000 deep", post(ORDERS, "application/json", "[".repeat(100_000) + "]".repeat(100_000))],
  [
    "a key named __proto__",
    post(ORDERS, "application/json", '{"__proto__":{"polluted":true},"lineItems":[{"offerId":"o","quantity":1}]}'),
  ],
  ["bytes that are not UTF-8", post(ORDERS, "application/json", Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))],
  ["multipart garbage on a JSON operation", post(ORDERS, `multipart/form-data; boundary=${boundary}`, "--nonsense")],
  ["a form on a JSON operation", post(ORDERS, "application/x-www-form-urlencoded", "lineItems=1")],
  ["no Content-Type on a JSON body", [`POST ${ORDERS} HTTP/1.1\r\nHost: fake\r\n${AUTH}Content-Length: 2\r\n\r\n{}`]],
  ["JSON on the multipart upload", post(`${ORDERS}/o/attachment`, "application/json", "{}")],
  [
    "a multipart body with no closing boundary",
    post(
      `${ORDERS}/o/attachment`,
      `multipart/form-data; boundary=${boundary}`,
      `--${boundary}\r\nContent-Disposition: form-data; name="Metadata"\r\n\r\n{`,
    ),
  ],
  [
    "a Metadata part that is not JSON",
    post(
      `${ORDERS}/o/attachment`,
      `multipart/form-data; boundary=${boundary}`,
      multipart('Content-Disposition: form-data; name="Metadata"\r\n\r\n{not json'),
    ),
  ],
  [
    "a multipart part named __proto__",
    post(
      `${ORDERS}/o/attachment`,
      `multipart/form-data; boundary=${boundary}`,
      multipart('Content-Disposition: form-data; name="__proto__"\r\n\r\n{"polluted":true}'),
    ),
  ],
  ["a query named __proto__", get(`${ORDERS}?__proto__=x&constructor=y`)],
  ["two requests pipelined, the second broken", [...get(ORDERS), "NONSENSE\r\n\r\n"]],
  [
    "a request with Expect: 100-continue and no body",
    [
      `POST ${ORDERS} HTTP/1.1\r\nHost: fake\r\n${AUTH}Expect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n`,
    ],
  ],
];

function documentedOrClosed(result: RawResult): boolean {
  if (result.status === undefined) return result.closed;
  if (result.status < 400) return true;
  if (!result.body) return result.status === 405 || result.closed;
  try {
    const body = JSON.parse(result.body) as Record<string, unknown>;
    return (
      typeof body.code === "number" &&
      typeof body.description === "string" &&
      Array.isArray(body.data) &&
      body.source === "FakePartnerCenter"
    );
  } catch {
    return false;
  }
}

describe("the fake Partner Center under malformed requests", () => {
  it("has a corpus of at least 40", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  it.each(corpus.map(([what, chunks, options]) => [what, chunks, options ?? {}] as const))(
    "answers %s in the documented error shape, or closes the connection",
    async (_what, chunks, options) => {
      const result = await raw(fake.url, chunks, options);
      expect({ result, ok: documentedOrClosed(result) }).toMatchObject({ ok: true });
    },
  );

  it("still serves a normal order afterwards, with nothing thrown into this process", async () => {
    const pc = createPartnerCenterClient({ credential: TOKEN, baseUrl: fake.url });
    const order = await pc.orders.create(CUSTOMER, {
      lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }],
    });
    expect(await pc.orders.get(CUSTOMER, order.id)).toMatchObject({ id: order.id, status: "pending" });
    expect(unhandled).toEqual([]);
    expect(errors).toEqual([]);
    expect(fake.stats.errors).toBe(0);
    expect(fake.stats.aborted).toBeGreaterThanOrEqual(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("the fake's own errors", () => {
  it("go to onError and stats, answered 500 in the documented shape, and the fake carries on", async () => {
    const pc = createPartnerCenterClient({ credential: TOKEN, baseUrl: fake.url, maxRetries: 0 });
    const order = await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: "o", quantity: 1 }] });
    // A bug inside the fake, simulated: an order whose line items are gone.
    Object.assign(
      fake.orders(CUSTOMER).find((o) => o.id === order.id)!,
      { lineItems: null },
    );
    const before = fake.stats.errors;
    await expect(pc.orders.listOrderActivationLinks(CUSTOMER, order.id)).rejects.toMatchObject({
      status: 500,
      code: 500,
    });
    expect(fake.stats.errors).toBe(before + 1);
    expect(errors.at(-1)).toBeInstanceOf(TypeError);
    await expect(pc.orders.create(CUSTOMER, { lineItems: [{ offerId: "o", quantity: 1 }] })).resolves.toBeDefined();
  });

  it("survives the package's own client aborting a large upload", async () => {
    const pc = createPartnerCenterClient({ credential: TOKEN, baseUrl: fake.url, maxRetries: 0 });
    const order = await pc.orders.create(CUSTOMER, { lineItems: [{ offerId: "o", quantity: 1 }] });
    const controller = new AbortController();
    const upload = pc.orders.createOrderAttachments(
      CUSTOMER,
      order.id,
      { metadata: { customerPrice: "1", currency: "USD" }, poFiles: [new Blob([new Uint8Array(50_000_000)])] },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error("changed my mind")), 20);
    await expect(upload).rejects.toThrow();
    await expect(pc.orders.get(CUSTOMER, order.id)).resolves.toMatchObject({ id: order.id });
    expect(unhandled).toEqual([]);
  });
});

describe("the fake, given well-formed JSON nested 100,000 deep", () => {
  const nest = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
  it.each([
    ["as the whole body", nest(100_000)],
    ["under an unknown key", `{"extra":${nest(100_000)},"lineItems":[{"offerId":"o","quantity":1}]}`],
    ["as a provisioningContext", `{"lineItems":[{"offerId":"o","quantity":1,"provisioningContext":${nest(100_000)}}]}`],
    [
      "as a provisioningContext value",
      `{"lineItems":[{"offerId":"o","quantity":1,"provisioningContext":{"scope":${nest(100_000)}}}]}`,
    ],
  ])("answers 400 in the documented shape %s, as the service does, with nothing for onError", async (_where, body) => {
    const seen: unknown[] = [];
    const deep = await startFakePartnerCenter({ token: TOKEN, onError: (error) => seen.push(error) });
    try {
      const result = await raw(deep.url, post(ORDERS, "application/json", body));
      expect(result.status).toBe(400);
      expect(documentedOrClosed(result)).toBe(true);
      expect(seen).toEqual([]);
      expect(deep.stats.errors).toBe(0);
    } finally {
      await deep.close();
    }
  });
});
