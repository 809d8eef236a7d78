// The client's side of shared pacing, with stores scripted to fail the ways a Redis does: one
// question to the store at a time, in line order; a store that errs or hangs never fails or hangs a
// call (the local share takes over, said once); the store asked again and shared pacing restored.
import { createPartnerCenterClient } from "../../../src";
import { SharedRateLimiter, storePollMs, type SharedPacing } from "../../../src/rate-limit/shared-rate-limiter";
import type { AdmissionAnswer, AdmissionRequest, RateLimitStore } from "../../../src/rate-limit/rate-limit-store";
import { sleep } from "../../../src/internal/async/sleep";
import { CUSTOMER, json, scriptedFetch } from "../../helpers/scripted-fetch";

/** A store answering from `decide`, recording what it was asked. */
function scriptedStore(
  decide: (request: AdmissionRequest, asked: number) => Promise<AdmissionAnswer> | AdmissionAnswer,
) {
  const asked: AdmissionRequest[] = [];
  const settled: string[] = [];
  const paused: number[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const store: RateLimitStore = {
    async admit(request) {
      asked.push(request);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        return await decide(request, asked.length);
      } finally {
        inFlight -= 1;
      }
    },
    async settle(request) {
      settled.push(request.leaseId);
    },
    async pause(ms) {
      paused.push(ms);
    },
  };
  return { store, asked, settled, paused, mostInFlight: () => mostInFlight };
}

function limiter(store: RateLimitStore, over: Partial<SharedPacing> = {}) {
  const lines: string[] = [];
  const logger = {
    info: (message: string) => lines.push(`info ${message}`),
    warn: (message: string) => lines.push(`warn ${message}`),
  };
  const pacer = new SharedRateLimiter({
    store,
    allowance: 100,
    windowMs: 1_000,
    localAllowance: 2,
    storeTimeoutMs: 50,
    retryStoreMs: 200,
    defaultLeaseMs: 5_000,
    logger,
    sleep,
    now: Date.now,
    ...over,
  });
  return { pacer, lines };
}

const never = () => new Promise<AdmissionAnswer>(() => undefined);

describe("SharedRateLimiter", () => {
  it("asks the store once per call, one question at a time, and settles each slot once the answer is in", async () => {
    const { store, asked, settled, mostInFlight } = scriptedStore(async () => {
      await sleep(2);
      return { granted: true };
    });
    const { pacer } = limiter(store);
    const releases = await Promise.all(
      Array.from({ length: 20 }, (_, i) => pacer.acquire(undefined, { customerId: `c${i % 2}`, leaseMs: 7_000 })),
    );
    expect(asked).toHaveLength(20);
    expect(mostInFlight()).toBe(1);
    expect(asked[0]).toMatchObject({ limit: 100, windowMs: 1_000, leaseMs: 7_000, customerId: "c0" });
    for (const release of releases) release();
    await sleep(1);
    expect(new Set(settled)).toEqual(new Set(asked.map((a) => a.leaseId)));
  });

  it("waits as long as the store says, at most a quarter of the limit's spacing, before asking again", async () => {
    const { store, asked } = scriptedStore((_request, n) =>
      n === 1 ? { granted: false, waitMs: 60_000 } : { granted: true },
    );
    const { pacer } = limiter(store, { allowance: 5, windowMs: 1_000 });
    const started = Date.now();
    await pacer.acquire();
    // 60 s asked for, but a slot may free sooner: asked again after a quarter of 1000/5 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(asked).toHaveLength(2);
    expect(storePollMs(10, 60_000, 500)).toBe(10);
    expect(storePollMs(60_000, 60_000, 500)).toBe(30);
    expect(storePollMs(60_000, 10, 500)).toBe(5);
  });

  it("sets a hanging store aside after storeTimeoutMs: calls go at the local share, said once in the logger", async () => {
    const { store, asked } = scriptedStore(never);
    const { pacer, lines } = limiter(store, { localAllowance: 2, retryStoreMs: 60_000 });
    const started = Date.now();
    const releases = await Promise.all([pacer.acquire(), pacer.acquire()]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(asked).toHaveLength(1);
    // The local share is 2 a window: a third call waits for one of them.
    let third = false;
    const waiting = pacer.acquire().then(() => (third = true));
    await sleep(20);
    expect(third).toBe(false);
    releases[0]!();
    await waiting;
    expect(lines.filter((l) => l.startsWith("warn"))).toEqual([
      expect.stringContaining(
        "the shared rate-limit store is unavailable (no answer within 50 ms): pacing at this process's share, 2 per 1000 ms",
      ),
    ]);
  });

  it("asks the store again after retryStoreMs, and says once that pacing is shared again", async () => {
    let down = true;
    const { store, asked } = scriptedStore(() =>
      down ? Promise.reject(new Error("connect ECONNREFUSED /tmp/redis.sock")) : { granted: true },
    );
    const { pacer, lines } = limiter(store, { retryStoreMs: 100, localAllowance: 50 });
    (await pacer.acquire())();
    (await pacer.acquire())();
    expect(asked).toHaveLength(1);
    down = false;
    await sleep(120);
    (await pacer.acquire())();
    (await pacer.acquire())();
    expect(asked).toHaveLength(3);
    expect(lines).toEqual([
      expect.stringMatching(/^warn .*unavailable \(connect ECONNREFUSED/),
      "info partner-center: the shared rate-limit store answers again: pacing is shared",
    ]);
  });

  it("asks the store again for calls already waiting when it was set aside, not only for later ones", async () => {
    let down = true;
    const { store, asked } = scriptedStore(() =>
      down ? Promise.reject(new Error("connect ECONNREFUSED /tmp/redis.sock")) : { granted: true },
    );
    // A backlog of 6 calls at a local share of 2 per 100 ms: the last ones wait past retryStoreMs.
    const { pacer, lines } = limiter(store, { retryStoreMs: 50, localAllowance: 2, windowMs: 100 });
    const backlog = Array.from({ length: 6 }, () => pacer.acquire().then((release) => release()));
    await sleep(10);
    down = false;
    await Promise.all(backlog);
    expect(asked.length).toBeGreaterThan(1);
    expect(lines.at(-1)).toBe("info partner-center: the shared rate-limit store answers again: pacing is shared");
  });

  it("gives back at once a slot the store granted after it was set aside", async () => {
    let grant: (answer: AdmissionAnswer) => void = () => undefined;
    const { store, asked, settled } = scriptedStore((_r, n) =>
      n === 1 ? new Promise((resolve) => (grant = resolve)) : { granted: true },
    );
    const { pacer } = limiter(store);
    await pacer.acquire();
    grant({ granted: true });
    await sleep(1);
    expect(settled).toEqual([asked[0]!.leaseId]);
  });

  it("takes an aborted call out of the line without asking for it, and the next one goes", async () => {
    const { store, asked } = scriptedStore((_r, n) => (n === 1 ? { granted: false, waitMs: 200 } : { granted: true }));
    const { pacer } = limiter(store, { allowance: 1, windowMs: 1_000 });
    const controller = new AbortController();
    const first = pacer.acquire(controller.signal);
    const second = pacer.acquire();
    controller.abort(new Error("stop"));
    await expect(first).rejects.toThrow("stop");
    await second;
    expect(asked).toHaveLength(2);
  });

  it("sends a 429's pause to the store as well as holding this process back", async () => {
    const { store, paused } = scriptedStore(() => ({ granted: true }));
    const { pacer } = limiter(store);
    pacer.pause(300, { customerId: "c1" });
    await sleep(1);
    expect(paused).toEqual([300]);
  });
});

describe("createPartnerCenterClient with rateLimit.store", () => {
  it("paces its calls through the store, giving each its customer and its lease", async () => {
    const { store, asked, settled } = scriptedStore(() => ({ granted: true }));
    const script = scriptedFetch(json(200, { id: "o", lineItems: [] }));
    const pc = createPartnerCenterClient({
      credential: "t",
      baseUrl: "https://pc.test/v1",
      fetch: script.fetch,
      timeoutMs: 2_000,
      tokenTimeoutMs: 500,
      rateLimit: { requestsPerMinute: 600, windowMs: 1_000, store },
    });
    await pc.orders.get(CUSTOMER.toUpperCase(), "o");
    expect(asked).toEqual([
      expect.objectContaining({ limit: 10, windowMs: 1_000, leaseMs: 2_000 + 500 + 1_000, customerId: CUSTOMER }),
    ]);
    expect(settled).toEqual([asked[0]!.leaseId]);
  });

  it("refuses a store that is not one, and a fallback above the limit, before any call", () => {
    expect(() =>
      createPartnerCenterClient({ credential: "t", rateLimit: { requestsPerMinute: 500, store: {} as never } }),
    ).toThrow(/options.rateLimit.store must be a RateLimitStore/);
    const { store } = scriptedStore(() => ({ granted: true }));
    expect(() =>
      createPartnerCenterClient({
        credential: "t",
        rateLimit: { requestsPerMinute: 500, store, fallbackRequestsPerMinute: 501 },
      }),
    ).toThrow(/fallbackRequestsPerMinute must be a whole number of requests a minute from 1 to 500, got 501/);
    expect(() =>
      createPartnerCenterClient({ credential: "t", rateLimit: { requestsPerMinute: 500, store, storeTimeoutMs: 0 } }),
    ).toThrow(/storeTimeoutMs/);
  });

  it.each([
    ["null", null],
    ["a string", "yes"],
    ["a NaN wait", { granted: false, waitMs: Number.NaN }],
    ["a negative wait", { granted: false, waitMs: -5 }],
    ["a wait of 1e12 ms", { granted: false, waitMs: 1e12 }],
    ["a wait that is text", { granted: false, waitMs: "10" }],
  ])(
    "sets aside a store that answers %s: the call goes at the local share, and the store is not asked hundreds of times",
    async (_what, answer) => {
      const { store, asked } = scriptedStore(() => answer as never);
      const { pacer, lines } = limiter(store);
      const started = Date.now();
      const release = await pacer.acquire();
      release();
      expect(Date.now() - started).toBeLessThan(1_000);
      await sleep(100);
      expect(asked.length).toBeLessThanOrEqual(2);
      expect(lines.filter((l) => l.startsWith("warn"))).toEqual([
        expect.stringMatching(/rate-limit store is unavailable \(it answered something that is not an admission\)/),
      ]);
    },
  );

  it("takes a wait as long as a lease and a window, as the Redis script names one while leased slots fill the window", async () => {
    const { store, asked } = scriptedStore((request, n) =>
      n === 1 ? { granted: false, waitMs: request.leaseMs + request.windowMs } : { granted: true },
    );
    const { pacer, lines } = limiter(store, { defaultLeaseMs: 91_000 });
    (await pacer.acquire())();
    expect(asked.length).toBe(2);
    expect(lines.filter((l) => l.startsWith("warn"))).toEqual([]);
  });

  it("asks again no faster than every 5 ms when told to wait 0 ms", async () => {
    let granted = false;
    const { store, asked } = scriptedStore(() => (granted ? { granted: true } : { granted: false, waitMs: 0 }));
    const { pacer } = limiter(store);
    const pending = pacer.acquire();
    await sleep(100);
    granted = true;
    (await pending)();
    expect(asked.length).toBeLessThanOrEqual(100 / 5 + 3);
  });

  it.each([
    [
      "throws",
      () => {
        throw new Error("settle broke");
      },
    ],
    ["returns nothing", () => undefined],
    ["rejects", () => Promise.reject(new Error("settle failed"))],
  ])("keeps an answered create answered when the store's settle %s", async (_what, settle) => {
    const { store } = scriptedStore(() => ({ granted: true }));
    (store as { settle: unknown }).settle = settle;
    const script = scriptedFetch(json(201, { id: "o", lineItems: [], status: "pending" }));
    const pc = createPartnerCenterClient({
      credential: "t",
      baseUrl: "https://pc.test/v1",
      fetch: script.fetch,
      rateLimit: { requestsPerMinute: 600, windowMs: 1_000, store },
    });
    await expect(pc.orders.create(CUSTOMER, { lineItems: [{ offerId: "x", quantity: 1 }] })).resolves.toMatchObject({
      id: "o",
    });
    expect(script.sent).toHaveLength(1);
  });
});
