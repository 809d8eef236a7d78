// The load scenario, run in a worker thread of its own by load.test.ts so its heap and handles
// are its own: 10,000 requests at concurrency 100 through the client against the fake.
import { createPartnerCenterClient } from "partner-center-orders";
import { startFakePartnerCenter } from "partner-center-orders/testing";
import { pool } from "../helpers/pool";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const LINE = { offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 };
const gc = (globalThis as { gc?: () => void }).gc!;

export interface LoadResult {
  requests: number;
  concurrency: number;
  seconds: number;
  failures: number;
  /** The first few failures, to say what went wrong. */
  someFailures: string[];
  heapBefore: number;
  heapAfter: number;
  before: { sockets: number; timers: number };
  after: { sockets: number; timers: number };
}

const handles = () => {
  const kinds = process.getActiveResourcesInfo();
  const count = (kind: string) => kinds.filter((k) => k === kind).length;
  return { sockets: count("TCPSocketWrap") + count("TCPServerWrap"), timers: count("Timeout") };
};

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

export default async function load({
  requests,
  concurrency,
}: {
  requests: number;
  concurrency: number;
}): Promise<LoadResult> {
  const before = handles();
  const fake = await startFakePartnerCenter();
  // Pacing off: this measures what the client holds under load, not the 500-a-minute pacing.
  const pc = createPartnerCenterClient({ credential: "t", baseUrl: fake.url, maxRetries: 0, rateLimit: false });
  let orderId = (await pc.orders.create(CUSTOMER, { lineItems: [LINE] })).id;
  // One create in ten, the rest reads; no answer is kept, so the heap measures what the client holds.
  const request = async (i: number) => {
    if (i % 10 === 0) await pc.orders.create(CUSTOMER, { lineItems: [LINE] });
    else await pc.orders.get(CUSTOMER, orderId);
  };
  await pool(2_000, concurrency, request); // warm up code paths and the connection pool
  fake.reset();
  orderId = (await pc.orders.create(CUSTOMER, { lineItems: [LINE] })).id;
  const heapBefore = await settledHeap();

  const started = performance.now();
  const results = await pool(requests, concurrency, request);
  const seconds = (performance.now() - started) / 1000;
  const failures = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
  results.length = 0;
  fake.reset(); // the fake's orders are not the client's memory
  const heapAfter = await settledHeap();
  await fake.close();
  let after = handles();
  // Closed sockets leave the list on a later turn of the event loop.
  for (let i = 0; i < 100 && (after.sockets > before.sockets || after.timers > before.timers); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    after = handles();
  }
  return {
    requests,
    concurrency,
    seconds,
    failures: failures.length,
    someFailures: failures.slice(0, 5),
    heapBefore,
    heapAfter,
    before,
    after,
  };
}
