// npm run bench: every benchmark side by side, each figure the median of several runs with its
// min and max, printed as a table and written to bench/results.json. Nothing here is asserted:
// goals are reported as met or missed, never as a failing test.
import { writeFileSync } from "node:fs";
import { cpus, totalmem, type as osType, release } from "node:os";
import { bundleSizes } from "./bundle.mjs";
import { requestCheckSizes } from "./request-checks.mjs";
import { startLoopbackServer, loopbackVariants } from "./loopback.mjs";
import { overheadVariants } from "./overhead.mjs";
import { pageThrough, startSeededFake } from "./paging.mjs";
import { compare, summary } from "./stats.mjs";
import { wallTime } from "./tooling.mjs";

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const ROUNDS = env("BENCH_ROUNDS", 7);
const TEST_RUNS = env("BENCH_TEST_RUNS", 3);
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), os: `${osType()} ${release()}`, node: process.version },
};

const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const range = (s, digits = 0, unit = "") => `${fmt(s.median, digits)}${unit} [${fmt(s.min, digits)}–${fmt(s.max, digits)}]`;
const lines = [];
const say = (line = "") => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};
const goals = [];
const goal = (name, met, detail) => goals.push({ name, met, detail });

say(`partner-center-orders benchmarks — Node ${process.version}, ${results.machine.cpus} × ${results.machine.cpu}, ${results.date.slice(0, 10)}`);
say(`(median [min–max] of ${ROUNDS} alternating rounds unless stated)`);

say("\n1. Client overhead, fetch stubbed to answer at once (calls/s; ratio to bare openapi-fetch, same round)");
results.overhead = {};
for (const operation of ["createOrder", "listOrders"]) {
  const measured = await compare(overheadVariants(operation), { baseline: "openapi-fetch (bare)", rounds: ROUNDS, count: 2_000, warmup: 3_000 });
  results.overhead[operation] = measured;
  say(`   ${operation}`);
  for (const [name, m] of Object.entries(measured)) {
    say(`     ${name.padEnd(22)} ${range(m.opsPerSecond).padEnd(26)} ${range(m.ratio, 2, "x")}`);
  }
  const all = measured["this client + logger"].ratio.median;
  goal(`overhead ${operation}: everything on ≥ 0.80x bare openapi-fetch`, all >= 0.8, `${all.toFixed(2)}x`);
}

say("\n2. Over loopback HTTP, keep-alive, one request at a time (calls/s; ratio to raw fetch)");
const server = await startLoopbackServer();
const loopback = await compare(loopbackVariants(server.url), { baseline: "raw fetch", rounds: ROUNDS, count: 1_000, warmup: 1_000 });
await server.close();
results.loopback = loopback;
for (const [name, m] of Object.entries(loopback)) say(`     ${name.padEnd(22)} ${range(m.opsPerSecond).padEnd(26)} ${range(m.ratio, 2, "x")}`);
goal("loopback: this client ≥ 0.95x raw fetch", loopback["this client"].ratio.median >= 0.95, `${loopback["this client"].ratio.median.toFixed(2)}x`);

say("\n3. Bundle for a browser or edge consumer (esbuild, minified; gzip -9)");
results.bundle = await bundleSizes();
for (const [name, size] of Object.entries(results.bundle)) {
  say(`     ${name.padEnd(28)} ${fmt(size.minified / 1024, 1)} kB minified, ${fmt(size.gzipped / 1024, 1)} kB gzipped`);
}
results.requestChecks = await requestCheckSizes();
for (const [name, size] of Object.entries(results.requestChecks)) {
  say(`     request checks: ${name.padEnd(36)} ${fmt(size.minified / 1024, 1)} kB minified, ${fmt(size.gzipped / 1024, 1)} kB gzipped`);
}
const gz = results.bundle["this client (src/index.ts)"].gzipped / 1024;
goal("bundle: client entry ≤ 10 kB gzipped", gz <= 10, `${gz.toFixed(1)} kB`);

say("\n4. Tooling wall time (s)");
results.tooling = {
  gen: summary(Array.from({ length: 3 }, () => wallTime("npm", ["run", "gen"]))),
  test: summary(Array.from({ length: TEST_RUNS }, () => wallTime("npm", ["test"]))),
};
say(`     npm run gen              ${range(results.tooling.gen, 2, " s")} (3 runs)`);
say(`     npm test                 ${range(results.tooling.test, 1, " s")} (${TEST_RUNS} run${TEST_RUNS === 1 ? "" : "s"})`);
goal("npm run gen ≤ 3 s", results.tooling.gen.median <= 3, `${results.tooling.gen.median.toFixed(2)} s`);
goal("npm test ≤ 60 s", results.tooling.test.median <= 60, `${results.tooling.test.median.toFixed(1)} s`);

say("\n5. Paging: 100,000 orders in 1,000 pages from the fake Partner Center (3 runs)");
const fake = await startSeededFake(100_000, 100);
const pages = [];
for (let i = 0; i < 3; i++) pages.push(await pageThrough(fake.url, 100_000));
await fake.stop();
results.paging = { seconds: summary(pages.map((p) => p.seconds)), peakHeapGrowthMb: summary(pages.map((p) => p.peakHeapGrowthMb)) };
say(`     time                     ${range(results.paging.seconds, 2, " s")}`);
say(`     peak heap growth         ${range(results.paging.peakHeapGrowthMb, 1, " MB")}`);
goal("paging: peak heap growth < 50 MB", results.paging.peakHeapGrowthMb.median < 50, `${results.paging.peakHeapGrowthMb.median.toFixed(1)} MB`);

say("\nGoals");
for (const g of goals) say(`     ${g.met ? "met   " : "MISSED"} ${g.name}: ${g.detail}`);
results.goals = goals;
writeFileSync(new URL("results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
say("\nwritten to bench/results.json");
