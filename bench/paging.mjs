// Paging: every order of a customer with 100,000 orders in 1,000 pages, through pc.orders.list,
// measuring the time and the peak growth of this process's heap while one page is held at a time.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { createPartnerCenterClient } from "../dist/index.mjs";
import { gc } from "./gc.mjs";
import { UNREACHED } from "./peers.mjs";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";

export async function startSeededFake(orders, pageSize) {
  const child = spawn(
    process.execPath,
    [new URL("fake-server.mjs", import.meta.url).pathname, CUSTOMER, String(orders), String(pageSize)],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const [line] = await once(createInterface({ input: child.stdout }), "line");
  return {
    url: JSON.parse(line).url,
    stop: async () => {
      child.stdin.end();
      await once(child, "exit");
    },
  };
}

export async function pageThrough(url, expected) {
  const pc = createPartnerCenterClient({ credential: "token", baseUrl: url, rateLimit: UNREACHED });
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let count = 0;
  const started = performance.now();
  for await (const order of pc.orders.list(CUSTOMER)) {
    void order;
    count += 1;
    if (count % 100 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const seconds = (performance.now() - started) / 1000;
  if (count !== expected) throw new Error(`paged ${count} orders, expected ${expected}`);
  return { seconds, peakHeapGrowthMb: (peak - baseline) / 1024 / 1024 };
}
