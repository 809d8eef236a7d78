// 10,000 requests at concurrency 100 through the client against the fake Partner Center: no
// failures, the heap back within a few MB after a forced GC, no socket or timer left open. The
// scenario runs in a worker thread, so the Jest worker's other tests do not blur the heap.
import { join } from "node:path";
import { runIsolated } from "../helpers/isolated";
import type { LoadResult } from "./load.scenario";

it("serves 10,000 requests at concurrency 100 with no failure, no heap growth and nothing left open", async () => {
  const r = await runIsolated<LoadResult>(
    join(__dirname, "load.scenario.ts"),
    { requests: 10_000, concurrency: 100 },
    { gc: true },
  );
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  process.stdout.write(
    `\nload: ${r.requests} requests at concurrency ${r.concurrency} in ${r.seconds.toFixed(2)} s (${Math.round(r.requests / r.seconds)}/s), ` +
      `${r.failures} failures; heap ${mb(r.heapBefore)} MB before, ${mb(r.heapAfter)} MB after; ` +
      `sockets ${r.before.sockets} -> ${r.after.sockets}, timers ${r.before.timers} -> ${r.after.timers}\n\n`,
  );
  expect(r.someFailures).toEqual([]);
  expect(r.failures).toBe(0);
  expect(r.heapAfter - r.heapBefore).toBeLessThan(5 * 1024 * 1024);
  expect(r.after).toEqual(r.before);
}, 60_000);
