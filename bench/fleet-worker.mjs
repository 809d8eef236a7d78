// One worker of the fleet benchmark (a real process): `calls` reads at once through the built
// client, pacing shared through Redis or alone, against the bench's fake Partner Center. Prints
// when its first call started and its last answer came, and how many failed.
import Redis from "ioredis";
import { createPartnerCenterClient } from "../dist/index.mjs";
import { redisRateLimitStore } from "../dist/redis.mjs";

const { baseUrl, socket, shared, calls, limit, customerId, orderId } = JSON.parse(process.argv[2]);
const redis = shared ? new Redis({ path: socket }) : undefined;
const rateLimit = { ...limit, ...(redis ? { store: redisRateLimitStore(redis, { key: "bench-tenant" }) } : {}) };
const pc = createPartnerCenterClient({ credential: "t", baseUrl, rateLimit, maxRetries: 6 });
const started = Date.now();
const results = await Promise.allSettled(Array.from({ length: calls }, () => pc.orders.get(customerId, orderId)));
process.stdout.write(
  `${JSON.stringify({ started, ended: Date.now(), failed: results.filter((r) => r.status === "rejected").length })}\n`,
);
redis?.disconnect();
