// A fleet of N worker processes (1, 2, 4) sharing one quota through Redis, against the fake
// Partner Center limiting them as the service would (scaled to a 1 s window so that a run takes
// seconds): wall time against the least the limit allows, and 429s; beside the same workers each
// pacing alone. Then what the store costs a call: the admission round trip to a loopback Redis
// (median and p99), beside the in-process limiter's.
import { spawn } from "node:child_process";
import Redis from "ioredis";
import { createPartnerCenterClient } from "../dist/index.mjs";
import { startFakePartnerCenter } from "../dist/testing.mjs";
import { redisRateLimitStore } from "../dist/redis.mjs";
import { startRedis } from "../tests/helpers/redis-process.mjs";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
export const FLEET_LIMIT = { requestsPerMinute: 6_000, windowMs: 1_000 };
const PER_WINDOW = (FLEET_LIMIT.requestsPerMinute * FLEET_LIMIT.windowMs) / 60_000;
/** Calls in all, split between the workers: 5 windows' worth. */
const CALLS = PER_WINDOW * 5;

function worker(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [new URL("fleet-worker.mjs", import.meta.url).pathname, JSON.stringify(config)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`fleet worker exited ${code}`)),
    );
  });
}

/** One run of `workers` processes, shared or alone: seconds from the first call to the last answer, the least the limit allows, 429s. */
export async function fleetRun(redis, workers, shared) {
  const fake = await startFakePartnerCenter({ rateLimit: FLEET_LIMIT });
  fake.seedOrders(CUSTOMER, 1);
  const [order] = fake.orders(CUSTOMER);
  const admin = new Redis({ path: redis.socket });
  await admin.flushall();
  admin.disconnect();
  const config = {
    baseUrl: fake.url,
    socket: redis.socket,
    shared,
    calls: CALLS / workers,
    limit: FLEET_LIMIT,
    customerId: CUSTOMER,
    orderId: order.id,
  };
  const runs = await Promise.all(Array.from({ length: workers }, () => worker(config)));
  const seconds = (Math.max(...runs.map((r) => r.ended)) - Math.min(...runs.map((r) => r.started))) / 1000;
  const allowedSeconds = (CALLS / PER_WINDOW - 1) * (FLEET_LIMIT.windowMs / 1000);
  const result = {
    seconds,
    allowedSeconds,
    throttled: fake.stats.throttled,
    failed: runs.reduce((n, r) => n + r.failed, 0),
  };
  await fake.close();
  return result;
}

const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];
const spread = (values) => ({ median: quantile(values, 0.5), p99: quantile(values, 0.99) });

/**
 * What the store costs, in microseconds: the admission round trip to the loopback Redis (admit, as
 * the client sends it), and a whole call (fetch stubbed) paced through the store beside one paced
 * in-process, `count` of each, alternating.
 */
export async function admissionCosts(redis, count) {
  const client = new Redis({ path: redis.socket });
  const store = redisRateLimitStore(client, { key: "bench-admission" });
  const body = JSON.stringify({ id: "o", lineItems: [] });
  const fetch = async () => new Response(body, { status: 200, headers: { "Content-Type": "application/json" } });
  const limit = { requestsPerMinute: 60_000_000 };
  const paced = {
    "in-process limiter": createPartnerCenterClient({
      credential: "t",
      baseUrl: "https://pc.test/v1",
      fetch,
      rateLimit: limit,
    }),
    "shared through Redis": createPartnerCenterClient({
      credential: "t",
      baseUrl: "https://pc.test/v1",
      fetch,
      rateLimit: { ...limit, store },
    }),
  };
  const times = { admission: [], "in-process limiter": [], "shared through Redis": [] };
  for (let i = 0; i < count; i++) {
    const request = { limit: 1_000_000, windowMs: 60_000, leaseMs: 60_000, leaseId: `slot-${i}` };
    let t = performance.now();
    await store.admit(request);
    times.admission.push((performance.now() - t) * 1000);
    await store.settle(request);
    for (const [name, pc] of Object.entries(paced)) {
      t = performance.now();
      await pc.orders.get(CUSTOMER, "o");
      times[name].push((performance.now() - t) * 1000);
    }
  }
  client.disconnect();
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, spread(values)]));
}

export { startRedis, CALLS };
