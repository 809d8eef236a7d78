// A fleet of real worker processes sharing one quota through a real redis-server, against the fake
// Partner Center limiting them as the service does (a 200 ms window, so that a drill takes a second
// or two):
// no 429 and at least half the limit's throughput where pacing alone per worker draws 429s; one
// worker's 429 pauses them all; Redis stopped and killed mid-run loses and hangs nothing; a killed
// worker's slots come back after their lease; a worker's clock 30 s off changes nothing. Workers
// give the store 1 s to answer (the client's default is 250 ms), so that a loaded machine starting
// processes does not set it aside where a drill does not mean to.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { build } from "esbuild";
import Redis from "ioredis";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";
import { SLIDING_WINDOW_SCRIPT } from "../../src/redis";
import { describeWithRedis, startRedis, type RedisProcess } from "../helpers/redis-server";
import { sleep, until } from "../helpers/until";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const ROOT = join(__dirname, "..", "..");
/**
 * The limit of every run: 20 requests per 200 ms window. A request counts until a window after its
 * answer, so each window loses an answer's latency: the throughput bounds below leave room for it.
 */
const LIMIT = { requestsPerMinute: 6_000, windowMs: 200 };
const PER_WINDOW = 20;

interface LogLine {
  level?: string;
  message?: string;
  at?: number;
  status?: number;
  failure?: string;
  durationMs?: number;
  done?: boolean;
  ok?: number;
  failed?: string[];
  started?: number;
  ended?: number;
  ready?: boolean;
}

interface Worker {
  child: ChildProcess;
  lines: LogLine[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

describeWithRedis("a fleet of workers sharing one quota through Redis", () => {
  let redis: RedisProcess;
  let fake: FakePartnerCenter;
  let orderId: string;
  let bundleDir: string;
  let workerBundle: string;

  beforeAll(async () => {
    // One bundle for every worker: a process then starts in a fifth of the time it takes to compile
    // the TypeScript as it loads (24 processes a run).
    bundleDir = mkdtempSync(join(tmpdir(), "pco-fleet-"));
    workerBundle = join(bundleDir, "fleet-worker.cjs");
    await build({
      entryPoints: [join(__dirname, "fleet.child.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      outfile: workerBundle,
      tsconfig: join(ROOT, "tsconfig.json"),
      logLevel: "silent",
    });
    redis = await startRedis();
    fake = await startFakePartnerCenter({ token: "t", rateLimit: LIMIT });
    fake.seedOrders(CUSTOMER, 1);
    orderId = fake.orders(CUSTOMER)[0]!.id;
  });
  afterAll(async () => {
    await fake?.close();
    await redis?.stop();
    if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    // Each drill starts from an empty window: slots of the last one still count for a window.
    const admin = new Redis({ path: redis.socket });
    await admin.flushall();
    admin.disconnect();
    fake.reset();
    fake.seedOrders(CUSTOMER, 1);
    orderId = fake.orders(CUSTOMER)[0]!.id;
  });

  function startWorker(config: Record<string, unknown>): Worker {
    const settings = {
      baseUrl: fake.url,
      socket: redis.socket,
      mode: "shared",
      customerId: CUSTOMER,
      orderId,
      ...LIMIT,
      ...config,
    };
    const child = spawn(process.execPath, [workerBundle, JSON.stringify(settings)], {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "inherit"],
    });
    const lines: LogLine[] = [];
    let rest = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      const text = rest + chunk.toString();
      const parts = text.split("\n");
      rest = parts.pop()!;
      for (const part of parts) if (part.trim()) lines.push(JSON.parse(part) as LogLine);
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    return { child, lines, exited };
  }

  /** Starts workers' calls together, once every one of them has loaded. */
  async function go(workers: Worker[]): Promise<void> {
    await until(() => workers.every((w) => w.lines.some((l) => l.ready)), 20_000);
    for (const w of workers) w.child.stdin!.end("go\n");
  }

  /** Runs workers to the end: each one's tally, and every attempt's start and outcome. */
  async function runFleet(configs: Record<string, unknown>[], during?: (workers: Worker[]) => Promise<void>) {
    const workers = configs.map(startWorker);
    await go(workers);
    await during?.(workers);
    await Promise.all(workers.map((w) => w.exited));
    const tallies = workers.map((w) => w.lines.find((l) => l.done)!);
    const attempts = workers.flatMap((w, worker) =>
      w.lines
        .filter((l) => l.durationMs !== undefined && (l.status ?? l.failure) !== undefined)
        .map((l) => ({ worker, start: l.at! - l.durationMs!, end: l.at!, outcome: l.status ?? l.failure })),
    );
    return { workers, tallies, attempts };
  }

  /** The share of the limit's throughput a run reached: the least time its calls could take over the time they took. */
  function throughput(attempts: { start: number; end: number }[], calls: number): number {
    const first = Math.min(...attempts.map((a) => a.start));
    const last = Math.max(...attempts.map((a) => a.end));
    const ideal = (Math.ceil(calls / PER_WINDOW) - 1) * LIMIT.windowMs;
    return ideal / (last - first);
  }

  it("4 workers draw no 429 and keep more than one worker's share of the limit's throughput; pacing alone per worker draws 429s", async () => {
    const shared = await runFleet(Array.from({ length: 4 }, () => ({ calls: 25 })));
    expect(shared.tallies.map((t) => [t.ok, t.failed])).toEqual(Array.from({ length: 4 }, () => [25, []]));
    expect(fake.stats.throttled).toBe(0);
    const sharedRatio = throughput(shared.attempts, 100);
    fake.reset();
    fake.seedOrders(CUSTOMER, 1);
    orderId = fake.orders(CUSTOMER)[0]!.id;
    const alone = await runFleet(Array.from({ length: 4 }, () => ({ calls: 25, mode: "local" })));
    const throttledAlone = fake.stats.throttled;
    process.stdout.write(
      `\nfleet of 4 x 25 calls at ${PER_WINDOW} per ${LIMIT.windowMs} ms: shared through Redis 0 x 429, ${sharedRatio.toFixed(2)} of the limit's throughput; each pacing alone ${throttledAlone} x 429\n`,
    );
    // A bound a broken share fails (one worker at a time would be 0.25), not the figure itself:
    // that is the bench's (section 9). This test measured 0.97 on a quiet machine, 0.85 with
    // another jest run beside it on Node 22, and 0.45 under a load of 8 on 2 cores, where the
    // workers wait for a core, not for each other.
    expect(sharedRatio).toBeGreaterThanOrEqual(1 / 3);
    expect(throttledAlone).toBeGreaterThan(0);
    expect(alone.tallies.every((t) => t.ok === 25)).toBe(true);
  }, 120_000);

  it("one worker's 429 pauses every worker for its Retry-After", async () => {
    // The next request to arrive, whichever worker sent it, is answered 429 Retry-After: 1.
    fake.injectFaults({ type: "status", status: 429, retryAfter: "1" });
    // 4 x 15 calls fill three windows: without the pause, the third would start 400 ms in.
    const { tallies, attempts } = await runFleet(Array.from({ length: 4 }, () => ({ calls: 15 })));
    expect(tallies.every((t) => t.ok === 15)).toBe(true);
    expect(fake.stats).toMatchObject({ faults: 1, throttled: 0 });
    const throttled = attempts.find((a) => a.outcome === 429)!;
    // Requests already on their way may land just after it; none starts well inside the second.
    // "Just after" is up to 300 ms: a worker admitted before the pause reached Redis may start its
    // request that much later on a loaded 2-core machine (one did, 100 ms after, in a full run).
    const inside = attempts.filter((a) => a.start > throttled.end + 300 && a.start < throttled.end + 900);
    expect(inside).toEqual([]);
    expect(new Set(attempts.filter((a) => a.start >= throttled.end + 900).map((a) => a.worker)).size).toBeGreaterThan(
      1,
    );
  }, 60_000);

  it("keeps every call going while Redis is stopped (SIGSTOP) and killed, and shares pacing again once it is back", async () => {
    const started = Date.now();
    let pausedAt = 0;
    // 1 s to answer, as in the other drills: with the client's 250 ms, workers on a loaded 2-core
    // machine (a full run) never saw the store answer in time again; the unit tests hold that bound.
    const { workers, tallies } = await runFleet(
      Array.from({ length: 4 }, () => ({ calls: 150, storeTimeoutMs: 1_000 })),
      async (running) => {
        await until(() => running.every((w) => w.lines.some((l) => l.status === 200)), 20_000);
        redis.pause();
        pausedAt = Date.now();
        // Longer than the store's 1 s: every worker still sending sets it aside.
        await sleep(2_000);
        redis.resume();
        await sleep(500);
        await redis.kill();
        await sleep(300);
        await redis.restart();
      },
    );
    expect(tallies.map((t) => [t.ok, t.failed])).toEqual(Array.from({ length: 4 }, () => [150, []]));
    // 600 calls at 20 per 200 ms take 6 s, as long as the stop, kill and restart; they add little.
    expect(Date.now() - started).toBeLessThan(30_000);
    // Each worker still sending when Redis stopped said once that it paced alone.
    const said = workers.map((w) => w.lines.filter((l) => l.message?.includes("shared rate-limit store")));
    const sending = tallies.flatMap((t, i) => (t.ended! > pausedAt + 2_000 ? [i] : []));
    expect(sending.length).toBeGreaterThan(0);
    for (const i of sending) expect(said[i]![0]?.level).toBe("warn");
    // Shared pacing came back after the stop: a worker asked the store again and said so.
    expect(
      workers.some((w) =>
        w.lines.some((l) => l.level === "info" && l.message?.includes("answers again") && l.at! > pausedAt),
      ),
    ).toBe(true);
    // And the restarted server was used: it knows the script, which a worker loaded with EVAL after
    // EVALSHA's NOSCRIPT. (Waiting for an "answers again" line after the restart itself failed in full
    // runs on 2 cores, never alone; its cause is not traced. This check shows the same.)
    const check = new Redis({ path: redis.socket });
    try {
      const sha = createHash("sha1").update(SLIDING_WINDOW_SCRIPT).digest("hex");
      expect(await check.script("EXISTS", sha)).toEqual([1]);
    } finally {
      check.disconnect();
    }
  }, 90_000);

  it("gives a killed worker's slots back to the others after its lease", async () => {
    // Worker A takes every slot of a window with requests that never get an answer, and is killed.
    fake.injectFaults(...Array.from({ length: PER_WINDOW }, () => ({ type: "stall" as const })));
    const a = startWorker({ calls: PER_WINDOW, timeoutMs: 1_000, tokenTimeoutMs: 500 });
    await go([a]);
    await until(() => fake.stats.requests >= PER_WINDOW, 20_000);
    const held = Date.now();
    a.child.kill("SIGKILL");
    expect((await a.exited).signal).toBe("SIGKILL");
    // Its leases: attempt timeout 1 s + token timeout 0.5 s + 1 s; then a window more.
    const { workers, tallies, attempts } = await runFleet([{ calls: 5 }]);
    expect(tallies[0]).toMatchObject({ ok: 5, failed: [] });
    // It waited for the store, not for its own share: the store was never set aside.
    expect(workers[0]!.lines.filter((l) => l.message?.includes("shared rate-limit store"))).toEqual([]);
    const first = Math.min(...attempts.map((x) => x.start));
    // `held` is read after a poll of the fake, which on a loaded 2-core machine comes up to a second
    // after the leases began (4.68 s seen in a full run); slots handed back at the kill would let
    // the first call start within one window (200 ms).
    expect(first - held).toBeGreaterThanOrEqual(2_500 + LIMIT.windowMs - 1_500);
    expect(first - held).toBeLessThan(10_000);
  }, 60_000);

  it("is not moved by a worker whose clock is 30 s off", async () => {
    const { tallies, attempts } = await runFleet([
      { calls: 25, clockSkewMs: 30_000 },
      { calls: 25, clockSkewMs: -30_000 },
      { calls: 25 },
      { calls: 25 },
    ]);
    expect(tallies.every((t) => t.ok === 25)).toBe(true);
    // The server's clock decides: a worker reading its own would take slots that are not free (429s)
    // or wait for ones that are (30 s, where the run takes one: a throughput under 0.05). A third,
    // as the first drill's floor: beside 8 busy loops on 2 cores this one reached 0.49.
    expect(fake.stats.throttled).toBe(0);
    expect(throughput(attempts, 100)).toBeGreaterThanOrEqual(1 / 3);
  }, 60_000);
});
