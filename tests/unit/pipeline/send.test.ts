// The client's fetch, driven through the public client with a scripted fetch.
import {
  createPartnerCenterClient,
  isPartnerCenterError,
  type ClientOptions,
  type PartnerCenterError,
} from "../../../src";
import { CUSTOMER, ORDER, json, networkError, scriptedFetch, type Step } from "../../helpers/scripted-fetch";

const LINE_ITEMS = [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 2 }];

function clientWith(steps: Step[], options: Partial<ClientOptions> = {}) {
  const script = scriptedFetch(...steps);
  const pc = createPartnerCenterClient({
    credential: "token-123",
    baseUrl: "https://pc.test/v1",
    fetch: script.fetch,
    backoff: { baseDelayMs: 1, maxDelayMs: 2 },
    ...options,
  });
  return { pc, sent: script.sent };
}

const create = (pc: ReturnType<typeof clientWith>["pc"], options = {}) =>
  pc.orders.create(CUSTOMER, { lineItems: LINE_ITEMS }, options);

async function rejection(promise: Promise<unknown>): Promise<PartnerCenterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isPartnerCenterError(error)) throw new Error(`expected a PartnerCenterError, got ${String(error)}`);
  return error;
}

describe("retries", () => {
  it("reuses MS-RequestId across retries of one call", async () => {
    const { pc, sent } = clientWith([json(503, {}), json(500, {}), json(201, ORDER)]);
    await create(pc);
    expect(sent).toHaveLength(3);
    const ids = sent.map((r) => r.headers["ms-requestid"]);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(1);
  });

  it("gives a raw pc.POST call its ids too, the same on every retry", async () => {
    const { pc, sent } = clientWith([json(503, {}), json(201, ORDER)]);
    await pc.POST("/customers/{customer_id}/orders", {
      params: { path: { customer_id: CUSTOMER } },
      body: { lineItems: [{ lineItemNumber: 0, ...LINE_ITEMS[0]! }] },
    });
    expect(sent[0]!.headers["ms-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]!.headers["ms-requestid"]).toBe(sent[0]!.headers["ms-requestid"]);
    expect(sent[1]!.headers["ms-correlationid"]).toBe(sent[0]!.headers["ms-correlationid"]);
  });

  it("gives each call a fresh MS-RequestId and MS-CorrelationId", async () => {
    const { pc, sent } = clientWith([json(201, ORDER), json(201, ORDER)]);
    await create(pc);
    await create(pc);
    expect(sent[0]!.headers["ms-requestid"]).not.toBe(sent[1]!.headers["ms-requestid"]);
    expect(sent[0]!.headers["ms-correlationid"]).not.toBe(sent[1]!.headers["ms-correlationid"]);
  });

  it("sends the caller's requestId on every attempt", async () => {
    const requestId = "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f";
    const { pc, sent } = clientWith([json(502, {}), json(201, ORDER)]);
    await create(pc, { requestId });
    expect(sent.map((r) => r.headers["ms-requestid"])).toEqual([requestId, requestId]);
  });

  it("resends an intact body on every retry", async () => {
    const { pc, sent } = clientWith([networkError(), json(504, {}), json(201, ORDER)]);
    await create(pc);
    const bodies = sent.map((r) => JSON.parse(r.body));
    expect(bodies).toEqual([bodies[0], bodies[0], bodies[0]]);
    expect(bodies[0].lineItems).toEqual([{ ...LINE_ITEMS[0], lineItemNumber: 0 }]);
  });

  it.each([408, 429, 500, 502, 503, 504])("retries %i", async (status) => {
    const { pc, sent } = clientWith([json(status, {}), json(201, ORDER)]);
    await expect(create(pc)).resolves.toMatchObject({ id: ORDER.id });
    expect(sent).toHaveLength(2);
  });

  it.each([400, 403, 404, 409])("does not retry %i", async (status) => {
    const { pc, sent } = clientWith([
      json(status, { code: 800014, description: "There's a pending adjustment requested for this order" }),
      json(201, ORDER),
    ]);
    const error = await rejection(create(pc));
    expect(error.status).toBe(status);
    expect(sent).toHaveLength(1);
  });

  it("waits out 409 800060 (an earlier attempt still being answered) and re-sends the same MS-RequestId", async () => {
    const inProgress = {
      code: 800060,
      description: "Your order is in progress. Check your order history for recent orders in few minutes.",
    };
    const { pc, sent } = clientWith([json(409, inProgress), json(409, inProgress), json(201, ORDER)]);
    await expect(create(pc)).resolves.toMatchObject({ id: ORDER.id });
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((r) => r.headers["ms-requestid"])).size).toBe(1);
  });

  it("makes 1 + maxRetries attempts (3 by default), then throws the last status", async () => {
    const { pc, sent } = clientWith(Array.from({ length: 5 }, () => json(503, { code: 1, description: "busy" })));
    const error = await rejection(create(pc));
    expect(sent).toHaveLength(4);
    expect(error).toMatchObject({ status: 503, code: 1, isRetryable: true });
  });

  it("honours maxRetries", async () => {
    const { pc, sent } = clientWith([json(500, {}), json(500, {})], { maxRetries: 0 });
    await rejection(create(pc));
    expect(sent).toHaveLength(1);
  });

  it("retries network errors, then throws NETWORK_ERROR with the call's ids", async () => {
    const { pc, sent } = clientWith([networkError(), networkError()], { maxRetries: 1 });
    const error = await rejection(create(pc));
    expect(sent).toHaveLength(2);
    expect(error).toMatchObject({ code: "NETWORK_ERROR", isRetryable: true, method: "POST" });
    expect(error.status).toBeUndefined();
    expect(error.requestId).toBe(sent[0]!.headers["ms-requestid"]);
    expect(error.correlationId).toBe(sent[0]!.headers["ms-correlationid"]);
  });

  it("retries an attempt that times out", async () => {
    const { pc, sent } = clientWith(["hang", json(201, ORDER)], { timeoutMs: 250 });
    await expect(create(pc)).resolves.toMatchObject({ id: ORDER.id });
    expect(sent).toHaveLength(2);
  });

  it("throws TIMEOUT when every attempt times out", async () => {
    const { pc } = clientWith(["hang", "hang"], { timeoutMs: 10, maxRetries: 1 });
    await expect(rejection(create(pc))).resolves.toMatchObject({ code: "TIMEOUT", isRetryable: true });
  });

  it("applies a per-call timeoutMs", async () => {
    const { pc, sent } = clientWith(["hang", json(201, ORDER)], { timeoutMs: 60_000 });
    await expect(create(pc, { timeoutMs: 250 })).resolves.toMatchObject({ id: ORDER.id });
    expect(sent).toHaveLength(2);
  });
});

describe("waiting between attempts", () => {
  beforeEach(() =>
    jest.useFakeTimers({
      doNotFake: ["nextTick", "queueMicrotask", "setImmediate"],
      now: Date.parse("2026-11-21T12:00:00Z"),
    }),
  );
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  async function attemptsAfter(ms: number, sent: unknown[]) {
    await jest.advanceTimersByTimeAsync(ms);
    return sent.length;
  }

  it("waits the seconds Retry-After gives", async () => {
    const { pc, sent } = clientWith([
      json(429, { statusCode: 429, message: "slow down" }, { "Retry-After": "2" }),
      json(201, ORDER),
    ]);
    const call = create(pc);
    expect(await attemptsAfter(1_999, sent)).toBe(1);
    expect(await attemptsAfter(1, sent)).toBe(2);
    await expect(call).resolves.toMatchObject({ id: ORDER.id });
  });

  it("waits until the HTTP-date Retry-After gives", async () => {
    const { pc, sent } = clientWith([
      json(503, {}, { "Retry-After": "Sat, 21 Nov 2026 12:00:05 GMT" }),
      json(201, ORDER),
    ]);
    const call = create(pc);
    expect(await attemptsAfter(4_999, sent)).toBe(1);
    expect(await attemptsAfter(1, sent)).toBe(2);
    await call;
  });

  it("backs off exponentially when there is no Retry-After", async () => {
    jest.spyOn(Math, "random").mockReturnValue(1);
    const { pc, sent } = clientWith([json(500, {}), json(500, {}), json(201, ORDER)], {
      backoff: { baseDelayMs: 1_000, maxDelayMs: 10_000 },
    });
    const call = create(pc);
    expect(await attemptsAfter(999, sent)).toBe(1);
    expect(await attemptsAfter(1, sent)).toBe(2);
    expect(await attemptsAfter(1_999, sent)).toBe(2);
    expect(await attemptsAfter(1, sent)).toBe(3);
    await call;
  });

  it("ends the backoff wait at once when the caller aborts", async () => {
    const { pc, sent } = clientWith([json(503, {}, { "Retry-After": "30" }), json(201, ORDER)]);
    const controller = new AbortController();
    const call = create(pc, { signal: controller.signal });
    const settled = call.catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(10);
    controller.abort();
    const error = (await settled) as PartnerCenterError;
    expect(error).toMatchObject({ name: "AbortError", code: "ABORTED", requestId: sent[0]!.headers["ms-requestid"] });
    expect(sent).toHaveLength(1);
  });
});

describe("a caller's abort", () => {
  it("rejects an attempt in flight with ABORTED, the call's MS-RequestId and the signal's reason as cause, and does not retry", async () => {
    const { pc, sent } = clientWith(["hang", json(201, ORDER)]);
    const controller = new AbortController();
    const reason = new Error("shutting down");
    const call = create(pc, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 5);
    const error = await rejection(call);
    expect(error).toMatchObject({
      code: "ABORTED",
      name: "AbortError",
      isRetryable: false,
      requestId: sent[0]!.headers["ms-requestid"],
    });
    expect(error.cause).toBe(reason);
    expect(error.message).toMatch(/aborted by the caller's signal: shutting down/);
    expect(sent).toHaveLength(1);
  });

  it("keeps the caller's own MS-RequestId on the abort, so the call can be re-sent safely", async () => {
    const { pc } = clientWith(["hang"]);
    const requestId = "1f0c4e4a-3a43-4b53-9c8f-6f8a1d6a2b10";
    const error = await rejection(create(pc, { signal: AbortSignal.timeout(5), requestId }));
    expect(error).toMatchObject({ code: "ABORTED", requestId });
    expect((error.cause as Error).name).toBe("TimeoutError");
  });

  it("says ABORTED with the ids when the signal was aborted before the call", async () => {
    const { pc, sent } = clientWith([json(201, ORDER)]);
    const error = await rejection(create(pc, { signal: AbortSignal.abort() }));
    expect(error.code).toBe("ABORTED");
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent).toHaveLength(0);
  });

  it("says ABORTED through the raw methods too", async () => {
    const { pc } = clientWith(["hang"]);
    const controller = new AbortController();
    const call = pc.GET("/customers/{customer_id}/orders", {
      params: { path: { customer_id: CUSTOMER } },
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 5);
    expect(await rejection(call)).toMatchObject({ code: "ABORTED" });
  });
});

describe("authorization", () => {
  it("sends the bearer token on every attempt", async () => {
    const { pc, sent } = clientWith([json(500, {}), json(201, ORDER)]);
    await create(pc);
    expect(sent.map((r) => r.headers.authorization)).toEqual(["Bearer token-123", "Bearer token-123"]);
  });

  it("refreshes the token once after a 401 and tries again", async () => {
    const tokens = ["first", "second", "third"];
    const { pc, sent } = clientWith([json(401, { code: 3000, description: "expired" }), json(201, ORDER)], {
      credential: () => tokens.shift()!,
    });
    await expect(create(pc)).resolves.toMatchObject({ id: ORDER.id });
    expect(sent.map((r) => r.headers.authorization)).toEqual(["Bearer first", "Bearer second"]);
    expect(sent[0]!.headers["ms-requestid"]).toBe(sent[1]!.headers["ms-requestid"]);
  });

  it("gives up after the one refresh if the service still answers 401", async () => {
    const { pc, sent } = clientWith([json(401, {}), json(401, { code: 3000, description: "no" }), json(201, ORDER)], {
      credential: async () => "t",
    });
    await expect(rejection(create(pc))).resolves.toMatchObject({ status: 401 });
    expect(sent).toHaveLength(2);
  });

  it("does not repeat a 401 when the token is a fixed string", async () => {
    const { pc, sent } = clientWith([json(401, {}), json(201, ORDER)]);
    await expect(rejection(create(pc))).resolves.toMatchObject({ status: 401 });
    expect(sent).toHaveLength(1);
  });

  it("sends nothing when the credential fails, and says so", async () => {
    const { pc, sent } = clientWith([json(201, ORDER)], {
      credential: { getToken: async () => Promise.reject(new Error("AADSTS7000215: invalid client secret")) },
    });
    await expect(rejection(create(pc))).resolves.toMatchObject({ code: "AUTHENTICATION_FAILED" });
    expect(sent).toHaveLength(0);
  });
});

describe("logging", () => {
  // A logger with info alone gets every line there: the attempts' lines are those with " attempt=".
  const attemptLines = (lines: string[]) => lines.filter((line) => line.includes(" attempt="));

  it("writes one line per attempt with method, path, status, duration, attempt and ids, never the token", async () => {
    const all: string[] = [];
    const { pc, sent } = clientWith([json(503, {}), json(201, ORDER)], { logger: { info: (l) => all.push(l) } });
    await create(pc);
    const lines = attemptLines(all);
    expect(lines).toHaveLength(2);
    const requestId = sent[0]!.headers["ms-requestid"];
    expect(lines[0]).toMatch(
      new RegExp(
        `^partner-center POST /v1/customers/\\{customer_id\\}/orders 503 \\d+ms attempt=1 requestId=${requestId} correlationId=[0-9a-f-]{36}$`,
      ),
    );
    expect(lines[1]).toContain(" 201 ");
    expect(lines[1]).toContain("attempt=2");
    expect(all.join("\n")).not.toContain("token-123");
  });

  it("logs a failed attempt by its kind", async () => {
    const lines: string[] = [];
    const { pc } = clientWith([networkError(), "hang", json(201, ORDER)], {
      logger: { info: (l) => lines.push(l) },
      timeoutMs: 250,
    });
    await create(pc);
    expect(attemptLines(lines).map((l) => l.split(" ")[3])).toEqual(["network", "timeout", "201"]);
  });
});

describe("middleware", () => {
  it("runs once per logical call: retries happen beneath it", async () => {
    const { pc, sent } = clientWith([json(503, {}), json(503, {}), json(201, ORDER)]);
    const seen: string[] = [];
    pc.use({ onRequest: ({ request }) => void seen.push(request.method) });
    await create(pc);
    expect(seen).toEqual(["POST"]);
    expect(sent).toHaveLength(3);
  });
});

describe("one signal shared by many calls", () => {
  it("lets fifty concurrent calls share one AbortSignal (a service's shutdown signal) without a MaxListenersExceededWarning", async () => {
    const { createServer } = await import("node:http");
    const server = createServer((_request, response) => {
      setTimeout(() => response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(ORDER)), 50);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      // Paced to 20 at a time, so that calls also wait their turn on the same signal.
      const pc = createPartnerCenterClient({
        credential: "t",
        baseUrl: `http://127.0.0.1:${port}/v1`,
        rateLimit: { requestsPerMinute: 12_000, windowMs: 100 },
      });
      const shutdown = new AbortController();
      // Node warns past 10 listeners on one signal; count them as they come and go.
      const signal = shutdown.signal;
      const { addEventListener, removeEventListener } = signal;
      let listening = 0;
      let most = 0;
      signal.addEventListener = (...args: Parameters<AbortSignal["addEventListener"]>) => {
        most = Math.max(most, ++listening);
        addEventListener.apply(signal, args);
      };
      signal.removeEventListener = (...args: Parameters<AbortSignal["removeEventListener"]>) => {
        listening--;
        removeEventListener.apply(signal, args);
      };
      const orders = await Promise.all(Array.from({ length: 50 }, () => pc.orders.get(CUSTOMER, ORDER.id, { signal })));
      expect(orders).toHaveLength(50);
      expect(most).toBeLessThanOrEqual(1);
      expect(listening).toBe(0);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
