import { formatAttempt } from "../../../src/diagnostics/log";

describe("formatAttempt", () => {
  it("logs the path it is given, the status and the ids", () => {
    const line = formatAttempt({
      method: "GET",
      path: "/v1/customers/c/orders",
      attempt: 2,
      status: 503,
      durationMs: 12,
      requestId: "r",
      correlationId: "c",
    });
    expect(line).toBe("partner-center GET /v1/customers/c/orders 503 12ms attempt=2 requestId=r correlationId=c");
  });

  it("logs a failure by its kind and code", () => {
    const line = formatAttempt({
      method: "GET",
      path: "/v1/x",
      attempt: 1,
      failure: "network error",
      errorCode: "ECONNRESET",
      durationMs: 3,
      requestId: "r",
      correlationId: "c",
    });
    expect(line).toBe("partner-center GET /v1/x network error (ECONNRESET) 3ms attempt=1 requestId=r correlationId=c");
  });
});

describe("a levelled logger (console, pino, winston as they are)", () => {
  const { createPartnerCenterClient } = require("../../../src") as typeof import("../../../src");
  const { CUSTOMER, ORDER, json, scriptedFetch } =
    require("../../helpers/scripted-fetch") as typeof import("../../helpers/scripted-fetch");
  const TOKEN = "eyJ0eXAiOiJKV1QifQ.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl";

  function recording() {
    const calls: { level: string; args: unknown[] }[] = [];
    const at =
      (level: string) =>
      (...args: unknown[]) =>
        void calls.push({ level, args });
    return { calls, logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") } };
  }
  const client = (logger: object, ...steps: Parameters<typeof scriptedFetch>) =>
    createPartnerCenterClient({
      credential: TOKEN,
      baseUrl: "https://pc.test/v1",
      fetch: scriptedFetch(...steps).fetch,
      logger: logger as never,
      backoff: { baseDelayMs: 1, maxDelayMs: 2 },
      maxRetries: 1,
    });

  it("warns of a retry, saying why and how long it waits, with the attempt's fields", async () => {
    const { calls, logger } = recording();
    await client(logger, json(503, {}), json(200, ORDER)).orders.get(CUSTOMER, ORDER.id);
    const warn = calls.find((c) => c.level === "warn")!;
    expect(warn.args[0]).toMatch(
      /^partner-center GET \/v1\/customers\/\S+ answered 503: retrying in \d+ ms \(attempt 1 of 2\)$/,
    );
    expect(warn.args[1]).toMatchObject({
      method: "GET",
      status: 503,
      attempt: 1,
      delayMs: expect.any(Number),
      requestId: expect.any(String),
    });
    expect(calls.filter((c) => c.level === "info")).toHaveLength(2);
    expect(calls.filter((c) => c.level === "info")[0]!.args[1]).toMatchObject({
      method: "GET",
      status: 503,
      attempt: 1,
    });
  });

  it("says at info that a 429 pauses every call, and at error that a call failed for good", async () => {
    const { calls, logger } = recording();
    const throttled = json(429, { code: 429 }, { "Retry-After": "0" });
    await client(logger, throttled, json(503, {}))
      .orders.get(CUSTOMER, ORDER.id)
      .catch(() => undefined);
    expect(
      calls.some(
        (c) =>
          c.level === "info" && /pauses every call of this client for 0 ms \(429 Retry-After\)/.test(String(c.args[0])),
      ),
    ).toBe(true);
    const error = calls.find((c) => c.level === "error")!;
    expect(error.args[0]).toMatch(/^partner-center GET \/v1\/customers\/\S+ failed after 2 attempts: 503$/);
  });

  it("gives a pino logger its fields first, as pino takes them", async () => {
    const { calls, logger } = recording();
    const pino = { ...logger, child: () => pino, bindings: () => ({}), levels: { values: {} } };
    await client(pino, json(200, ORDER)).orders.get(CUSTOMER, ORDER.id);
    const info = calls.find((c) => c.level === "info")!;
    expect(info.args[0]).toMatchObject({ method: "GET", status: 200 });
    expect(info.args[1]).toMatch(/^partner-center GET /);
  });

  it("puts nothing secret in any line or field", async () => {
    const { calls, logger } = recording();
    await client(logger, json(401, {}), json(503, {}), json(503, {}))
      .orders.get(CUSTOMER, ORDER.id)
      .catch(() => undefined);
    expect(JSON.stringify(calls)).not.toContain(TOKEN);
    expect(JSON.stringify(calls)).not.toContain("c2VjcmV0");
  });

  it("keeps the customer id out of every line and field unless recordCustomerIds is set", async () => {
    const hidden = recording();
    const steps = () => [json(503, {}), json(404, { code: 20000, description: "not found" })] as const;
    await client(hidden.logger, ...steps())
      .orders.get(CUSTOMER, ORDER.id)
      .catch(() => undefined);
    expect(hidden.calls.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(hidden.calls).toLowerCase()).not.toContain(CUSTOMER.toLowerCase());
    expect(String(hidden.calls[0]!.args[0])).toContain("/customers/{customer_id}/orders/");
    const shown = recording();
    const fetch = scriptedFetch(...steps()).fetch;
    await createPartnerCenterClient({
      credential: TOKEN,
      baseUrl: "https://pc.test/v1",
      fetch,
      logger: shown.logger as never,
      backoff: { baseDelayMs: 1, maxDelayMs: 2 },
      maxRetries: 1,
      recordCustomerIds: true,
    })
      .orders.get(CUSTOMER, ORDER.id)
      .catch(() => undefined);
    expect(JSON.stringify(shown.calls)).toContain(CUSTOMER);
  });

  it("gives each field one type: the status a number, the failure's kind a string, with MS-CV and the call's total time", async () => {
    const { calls, logger } = recording();
    const failing = createPartnerCenterClient({
      credential: TOKEN,
      baseUrl: "https://pc.test/v1",
      fetch: scriptedFetch(new TypeError("fetch failed"), json(503, {}, { "MS-CV": "cv.1" })).fetch,
      logger: logger as never,
      backoff: { baseDelayMs: 1, maxDelayMs: 2 },
      maxRetries: 1,
    });
    await failing.orders.get(CUSTOMER, ORDER.id).catch(() => undefined);
    const attempts = calls.filter((c) => c.level === "info").map((c) => c.args[1] as Record<string, unknown>);
    expect(attempts[0]).toMatchObject({ failure: "network error", attempt: 1 });
    expect(attempts[0]!.status).toBeUndefined();
    expect(attempts[1]).toMatchObject({ status: 503, msCv: "cv.1", attempt: 2 });
    expect(attempts[1]!.failure).toBeUndefined();
    for (const fields of attempts) expect(fields.outcome).toBeUndefined();
    const final = calls.find((c) => c.level === "error")!.args[1] as Record<string, unknown>;
    expect(final).toMatchObject({ status: 503, msCv: "cv.1", totalMs: expect.any(Number) });
  });

  it("keeps an async logger's rejections and a logger's throws to itself", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const rejecting = {
        info: async () => Promise.reject(new Error("log sink down")),
        warn: async () => Promise.reject(new Error("log sink down")),
        error: () => ({ then: (_ok: unknown, fail: (e: unknown) => void) => fail(new Error("thenable down")) }),
      };
      await client(rejecting, json(503, {}), json(503, {}))
        .orders.get(CUSTOMER, ORDER.id)
        .catch(() => undefined);
      await expect(
        client({ info: () => Promise.reject(new Error("down")) }, json(200, ORDER)).orders.get(CUSTOMER, ORDER.id),
      ).resolves.toMatchObject({ id: ORDER.id });
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });

  it("still takes a logger with info alone, every level going there", async () => {
    const lines: unknown[] = [];
    await client({ info: (...args: unknown[]) => lines.push(args[0]) }, json(503, {}), json(503, {}))
      .orders.get(CUSTOMER, ORDER.id)
      .catch(() => undefined);
    expect(lines.some((l) => /retrying in/.test(String(l)))).toBe(true);
    expect(lines.some((l) => /failed after 2 attempts/.test(String(l)))).toBe(true);
  });

  it("lets a logger that changes the fields it is given change only its own copy, not what the attempt channel publishes", async () => {
    const { subscribe, unsubscribe } = require("node:diagnostics_channel") as typeof import("node:diagnostics_channel");
    const { CHANNELS } =
      require("../../../src/diagnostics/channels") as typeof import("../../../src/diagnostics/channels");
    const CORRELATION = "8d4c6f0e-2f4b-4c63-9d2e-7b1a5e3c9f10";
    const published: { correlationId?: string; msCv?: string }[] = [];
    const listen = (message: unknown) => void published.push(message as (typeof published)[number]);
    const scrubbing = (_message: string, fields: Record<string, unknown>) => {
      fields.correlationId = "scrubbed";
      fields.msCv = "scrubbed";
    };
    subscribe(CHANNELS.attempt, listen);
    try {
      const answer = json(200, ORDER, { "MS-CV": "cv.1" });
      await client({ info: scrubbing }, answer).orders.get(CUSTOMER, ORDER.id, { correlationId: CORRELATION });
    } finally {
      unsubscribe(CHANNELS.attempt, listen);
    }
    expect(published.map(({ correlationId, msCv }) => ({ correlationId, msCv }))).toEqual([
      { correlationId: CORRELATION, msCv: "cv.1" },
    ]);
  });
});
