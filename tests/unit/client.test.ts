import { inspect } from "node:util";
import { createPartnerCenterClient, isPartnerCenterError, isPartnerCenterValidationError } from "../../src";
import { CUSTOMER, ORDER, json, networkError, scriptedFetch, type Step } from "../helpers/scripted-fetch";

const TOKEN = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2VuLXBheWxvYWQ.c2lnbmF0dXJl";
const BASE = "https://pc.test/v1";

function clientWith(steps: Step[], extra = {}) {
  const script = scriptedFetch(...steps);
  const pc = createPartnerCenterClient({
    credential: TOKEN,
    baseUrl: BASE,
    fetch: script.fetch,
    backoff: { baseDelayMs: 1 },
    maxRetries: 1,
    ...extra,
  });
  return { pc, sent: script.sent };
}

describe("createPartnerCenterClient", () => {
  it("is openapi-fetch underneath: pc.POST returns { data, response } typed from generated/", async () => {
    const { pc, sent } = clientWith([json(201, ORDER)]);
    const { data, error, response } = await pc.POST("/customers/{customer_id}/orders", {
      params: { path: { customer_id: CUSTOMER } },
      body: { lineItems: [{ lineItemNumber: 0, offerId: "o", quantity: 1 }] },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
    expect(data?.id).toBe(ORDER.id);
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent[0]!.headers["ms-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("returns openapi-fetch's { error } for a raw call, without throwing", async () => {
    const { pc } = clientWith([json(400, { code: 800002, description: "Invalid request input." })]);
    const { data, error } = await pc.GET("/customers/{customer_id}/orders", {
      params: { path: { customer_id: CUSTOMER } },
    });
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ code: 800002 });
  });

  it("does not check raw calls, so a contract suite can send the service a malformed body", async () => {
    const { pc, sent } = clientWith([json(400, {})]);
    await pc.POST("/customers/{customer_id}/orders", {
      params: { path: { customer_id: "not-a-guid" } },
      body: { lineItems: [] },
    });
    expect(sent).toHaveLength(1);
  });

  it("refuses to be created with bad options, listing them", () => {
    const create = () => createPartnerCenterClient({ credential: "", baseUrl: "http://example.com" });
    expect(create).toThrow("createPartnerCenterClient was not sent: 2 problems");
    try {
      create();
    } catch (error) {
      expect(isPartnerCenterValidationError(error)).toBe(true);
    }
  });
});

describe("a 404 that is not a Partner Center error", () => {
  const page = () =>
    new Response("<html><body>Not Found</body></html>", { status: 404, headers: { "Content-Type": "text/html" } });

  it.each(["https://pc.test", "https://pc.test/api"])(
    "hints that baseUrl %s lacks the API version",
    async (baseUrl) => {
      const { pc } = clientWith([page()], { baseUrl });
      const error = await pc.orders.get(CUSTOMER, "o").catch((e: unknown) => e);
      expect(isPartnerCenterError(error) && error.message).toContain(
        `baseUrl ${baseUrl} does not end in a version such as /v1: Partner Center's API root is https://api.partnercenter.microsoft.com/v1`,
      );
    },
  );

  it("gives no such hint when baseUrl ends in a version, or when the 404 is Partner Center's own", async () => {
    const versioned = await clientWith([page()])
      .pc.orders.get(CUSTOMER, "o")
      .catch((e: unknown) => e);
    const own = await clientWith([json(404, { code: 800002, description: "Order not found" })], {
      baseUrl: "https://pc.test",
    })
      .pc.orders.get(CUSTOMER, "o")
      .catch((e: unknown) => e);
    for (const error of [versioned, own]) expect(isPartnerCenterError(error) && error.message).not.toContain("baseUrl");
  });
});

describe("an answer cut off mid-body", () => {
  it("becomes a NETWORK_ERROR with the call's ids", async () => {
    const cut = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"id":'));
        controller.error(new TypeError("terminated"));
      },
    });
    const { pc, sent } = clientWith([
      new Response(cut, { status: 200, headers: { "Content-Type": "application/json" } }),
    ]);
    const error = await pc.orders.get(CUSTOMER, "o").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: "NETWORK_ERROR",
      isRetryable: true,
      requestId: sent[0]!.headers["ms-requestid"],
    });
  });
});

describe("pc.follow", () => {
  it("fetches a Link the API returned", async () => {
    const status = { totalCount: 1, items: [{ lineItemNumber: 0, status: "fulfilled" }] };
    const { pc, sent } = clientWith([json(200, status)]);
    const link = { uri: `/customers/${CUSTOMER}/orders/o/provisioningstatus`, method: "GET", headers: [] };
    await expect(pc.follow(link)).resolves.toEqual(status);
    expect(sent[0]).toMatchObject({ method: "GET", url: `${BASE}/customers/${CUSTOMER}/orders/o/provisioningstatus` });
  });

  it("sends a JSON body along a patchOperation link", async () => {
    const { pc, sent } = clientWith([json(200, ORDER)]);
    await pc.follow(
      { uri: `/v1/customers/${CUSTOMER}/orders/o`, method: "PATCH" },
      { body: { id: "o", status: "cancelled" } },
    );
    expect(sent[0]).toMatchObject({ method: "PATCH", url: `${BASE}/customers/${CUSTOMER}/orders/o` });
    expect(JSON.parse(sent[0]!.body)).toEqual({ id: "o", status: "cancelled" });
  });

  it("retries a followed link like any call", async () => {
    const { pc, sent } = clientWith([json(503, {}), json(200, ORDER)]);
    await pc.follow({ uri: "/customers/c/orders/o" });
    expect(sent).toHaveLength(2);
    expect(sent[0]!.headers["ms-requestid"]).toBe(sent[1]!.headers["ms-requestid"]);
  });
});

describe("a call's own timeoutMs", () => {
  it.each([
    ["without middleware", false],
    ["with middleware", true],
  ])("bounds each of its attempts and no other call's (%s)", async (_name, withMiddleware) => {
    const { pc, sent } = clientWith(["hang", "hang", json(200, ORDER)], { timeoutMs: 60_000, maxRetries: 1 });
    if (withMiddleware) pc.use({ onRequest: () => undefined });
    const started = Date.now();
    const error = await pc.orders.get(CUSTOMER, "o", { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(isPartnerCenterError(error) && error.code).toBe("TIMEOUT");
    expect(sent).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5_000);
    // The next call has the client's timeout again: its answer, not a 50 ms cut.
    await expect(pc.orders.get(CUSTOMER, "o")).resolves.toMatchObject({ id: ORDER.id });
  });
});

describe("the bearer token", () => {
  const failures: [string, Step[], (pc: ReturnType<typeof clientWith>["pc"]) => Promise<unknown>][] = [
    ["an HTTP error", [json(401, { code: 3000, description: "denied" })], (pc) => pc.orders.get(CUSTOMER, "o")],
    ["a network error", [networkError(), networkError()], (pc) => pc.orders.get(CUSTOMER, "o")],
    ["a timeout", ["hang", "hang"], (pc) => pc.orders.get(CUSTOMER, "o", { timeoutMs: 5 })],
    ["an invalid answer", [new Response("<html>", { status: 200 })], (pc) => pc.orders.get(CUSTOMER, "o")],
    ["a validation error", [], (pc) => pc.orders.get("bad", "")],
    ["a refused link", [], (pc) => pc.follow({ uri: `https://evil.test/?token=${TOKEN}` })],
  ];

  it.each(failures)("appears nowhere in %s", async (_name, steps, run) => {
    const { pc } = clientWith(steps);
    const error = await run(pc).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isPartnerCenterError(error)).toBe(true);
    const err = error as Error;
    const shown = [
      err.message,
      err.stack,
      JSON.stringify(err),
      inspect(err, { depth: 10, showHidden: true }),
      String(err),
    ].join("\n");
    expect(shown).not.toContain(TOKEN);
    expect(shown).not.toContain("c2VjcmV0LXRva2VuLXBheWxvYWQ");
  });
});
