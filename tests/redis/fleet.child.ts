// One worker of a fleet: a client sharing its quota through Redis (or pacing alone, to compare),
// sending `calls` reads at once against the fake Partner Center once the test says go (a line on
// stdin), so that a fleet starts together however long each process took to load. It prints one
// JSON line per log line of the client (each attempt, with its real start time) and a last line
// with its tally. The test bundles it with esbuild and runs the bundle.
import Redis from "ioredis";
import { once } from "node:events";
import { createPartnerCenterClient, type RateLimitOption } from "partner-center-orders";
import { redisRateLimitStore } from "../../src/redis";

interface WorkerConfig {
  baseUrl: string;
  socket: string;
  mode: "shared" | "local";
  calls: number;
  requestsPerMinute: number;
  windowMs: number;
  customerId: string;
  orderId: string;
  /** Moves this worker's clock (Date.now) by this much. */
  clockSkewMs?: number;
  timeoutMs?: number;
  tokenTimeoutMs?: number;
  /** How long an admission may take before the store is set aside. Default 1 s here. */
  storeTimeoutMs?: number;
}

const config = JSON.parse(process.argv.at(-1)!) as WorkerConfig;
const realNow = Date.now;
if (config.clockSkewMs) Date.now = () => realNow() + config.clockSkewMs!;
const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const log = (level: string) => (message: string, fields?: Record<string, unknown>) =>
  print({ level, message, at: realNow(), ...(fields && typeof fields === "object" ? fields : {}) });

async function main() {
  const redis = new Redis({ path: config.socket, retryStrategy: () => 50, maxRetriesPerRequest: null });
  redis.on("error", () => undefined); // reconnects on its own; the client's pacing sees the failed calls
  const rateLimit: RateLimitOption = {
    requestsPerMinute: config.requestsPerMinute,
    windowMs: config.windowMs,
    ...(config.mode === "shared"
      ? {
          store: redisRateLimitStore(redis, { key: "tenant-under-test" }),
          storeTimeoutMs: config.storeTimeoutMs ?? 1_000,
        }
      : {}),
  };
  const pc = createPartnerCenterClient({
    credential: "t",
    baseUrl: config.baseUrl,
    rateLimit,
    timeoutMs: config.timeoutMs ?? 10_000,
    tokenTimeoutMs: config.tokenTimeoutMs ?? 1_000,
    maxRetries: 6,
    logger: { info: log("info"), warn: log("warn"), error: log("error") },
  });
  print({ ready: true });
  await once(process.stdin, "data");
  process.stdin.destroy();
  const started = realNow();
  const results = await Promise.allSettled(
    Array.from({ length: config.calls }, () => pc.orders.get(config.customerId, config.orderId)),
  );
  const failed = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
  print({ done: true, ok: results.length - failed.length, failed, started, ended: realNow() });
  redis.disconnect();
}

main().catch((error: unknown) => {
  print({ done: true, crashed: String(error) });
  process.exit(1);
});
