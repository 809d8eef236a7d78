// 1,000 orders placed and waited for at once (pc.orders.createAndWait) against the fake Partner
// Center, whose orders provision after 3 provisioning polls and which answers 429 past a rate
// limit: once with the client pacing itself to that limit, once with pacing off. For each: wall
// time, requests, 429s, failed orders and peak heap. The limit is scaled to a 1 s window (500
// requests a second) so that the run takes seconds; the client counts a request until a window
// after its answer, as it does at 500 a minute.
import { createPartnerCenterClient } from "../dist/index.mjs";
import { startFakePartnerCenter } from "../dist/testing.mjs";
import { gc } from "./gc.mjs";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const ORDER = { lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] };
export const LIMIT = { requestsPerMinute: 30_000, windowMs: 1_000 };
const ALLOWANCE = (LIMIT.requestsPerMinute * LIMIT.windowMs) / 60_000;
const WAIT = { intervalMs: 20, maxIntervalMs: 200, maxWaitMs: 10 * 60_000 };

/** Places and waits for `orders` orders with pacing on or off; what it cost. */
export async function placeAndWait(orders, pacing) {
  const fake = await startFakePartnerCenter({
    provisioning: { polls: 3 },
    rateLimit: LIMIT,
    idempotencyRetentionMs: 60_000,
  });
  const pc = createPartnerCenterClient({ credential: "t", baseUrl: fake.url, rateLimit: pacing ? LIMIT : false });
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 25);
  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: orders }, () => pc.orders.createAndWait(CUSTOMER, ORDER, WAIT)),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const stats = { ...fake.stats };
  await fake.close();
  const fulfilled = results.filter((r) => r.status === "fulfilled" && r.value.outcome === "fulfilled").length;
  // Requests the work needed, by the fake's count of those it answered other than with its 429s.
  const needed = stats.requests - stats.throttled;
  return {
    seconds,
    requests: stats.requests,
    throttled: stats.throttled,
    fulfilled,
    failed: orders - fulfilled,
    peakHeapGrowthMb: (peak - baseline) / 2 ** 20,
    /** The shortest time the limit allows for the requests the work needed. */
    allowedSeconds: (needed * LIMIT.windowMs) / ALLOWANCE / 1000,
  };
}
