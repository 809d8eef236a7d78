// Sections 1 and 2 again, in a child process on another Node line (npm run bench starts it with
// `npx -p node@24`, the line partners run most): the client's overhead against bare openapi-fetch
// with fetch stubbed, and over loopback against raw node:http. Undici and V8 differ between lines
// (a new AbortController costs 3.4 us on Node 20, 0.04 us on 24), so ratios measured on the
// machine's Node 20 alone would not say where a partner's client stands. Prints one JSON line.
import { compare } from "./stats.mjs";
import { overheadVariants } from "./overhead.mjs";
import { loopbackVariants, startLoopbackServer } from "./loopback.mjs";

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const pick = (variants, names) => Object.fromEntries(names.map((name) => [name, variants[name]]));
const result = { node: process.version, overhead: {}, loopback: {} };
for (const operation of ["createOrder", "listOrders"]) {
  const raw = operation === "createOrder" ? "this client, pc.POST" : "this client, pc.GET";
  const measured = await compare(pick(overheadVariants(operation), ["openapi-fetch (bare)", "this client", raw]), {
    baseline: "openapi-fetch (bare)",
    rounds,
    count: 2_000,
    warmup: 3_000,
  });
  result.overhead[operation] = Object.fromEntries(Object.entries(measured).map(([name, m]) => [name, m.ratio]));
}
const server = await startLoopbackServer();
for (const operation of ["createOrder", "listOrders"]) {
  const measured = await compare(pick(loopbackVariants(server.url, operation), ["raw node:http", "this client"]), {
    baseline: "raw node:http",
    rounds,
    count: 1_000,
    warmup: 1_000,
  });
  result.loopback[operation] = measured["this client"].ratio;
}
await server.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
