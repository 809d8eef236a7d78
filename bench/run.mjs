// npm run bench: every benchmark side by side, each figure the median of several runs with its
// min and max, printed as a table and written to bench/results.json. Nothing here is asserted:
// goals are reported as met or missed, never as a failing test.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, totalmem, type as osType, release } from "node:os";
import { bundleSizes, partCosts } from "./bundle.mjs";
import { requestCheckSizes } from "./request-checks.mjs";
import { allocations, LINE_ITEMS, microsPerCall, PAGE_SIZES, scalingVariants, stageCalls } from "./scaling.mjs";
import { startLoopbackServer, loopbackVariants } from "./loopback.mjs";
import { overheadVariants } from "./overhead.mjs";
import { CATALOG_SHAPE, catalogVariants } from "./catalog.mjs";
import { LIMIT, placeAndWait } from "./lifecycle.mjs";
import { listenerVariants } from "./listeners.mjs";
import { pageThrough, startSeededFake } from "./paging.mjs";
import { compare, summary } from "./stats.mjs";
import { admissionCosts, CALLS, FLEET_LIMIT, fleetRun, startRedis } from "./fleet.mjs";
import { REDIS_SERVER } from "../tests/helpers/redis-process.mjs";
import { wallTime } from "./tooling.mjs";

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const ROUNDS = env("BENCH_ROUNDS", 7);
const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
  },
};

const fmt = (n, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const range = (s, digits = 0, unit = "") =>
  `${fmt(s.median, digits)}${unit} [${fmt(s.min, digits)}–${fmt(s.max, digits)}]`;
const lines = [];
const goals = [];
const goal = (name, met, detail) => goals.push({ name, met, detail });
/** What is measured so far, written as each section finishes: a failure later loses nothing. */
const save = () =>
  writeFileSync(new URL("results.json", import.meta.url), `${JSON.stringify({ ...results, goals }, null, 2)}\n`);
const say = (line = "") => {
  // A new section's heading: the one before it is done.
  if (/^\n\d+\./.test(line)) save();
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

say(
  `partner-center-orders benchmarks — Node ${process.version}, ${results.machine.cpus} × ${results.machine.cpu}, ${results.date.slice(0, 10)}`,
);
say(`(median [min–max] of ${ROUNDS} alternating rounds unless stated)`);

say("\n1. Client overhead, fetch stubbed to answer at once (calls/s; ratio to bare openapi-fetch, same round)");
results.overhead = {};
for (const operation of ["createOrder", "listOrders"]) {
  const measured = await compare(overheadVariants(operation), {
    baseline: "openapi-fetch (bare)",
    rounds: ROUNDS,
    count: 2_000,
    warmup: 3_000,
  });
  results.overhead[operation] = measured;
  say(`   ${operation}`);
  for (const [name, m] of Object.entries(measured)) {
    say(`     ${name.padEnd(22)} ${range(m.opsPerSecond).padEnd(26)} ${range(m.ratio, 2, "x")}`);
  }
  const raw = operation === "createOrder" ? "this client, pc.POST" : "this client, pc.GET";
  for (const name of ["this client", raw]) {
    const r = measured[name].ratio;
    goal(
      `overhead ${operation}, ${name}: ≥ 0.90x bare openapi-fetch`,
      r.median >= 0.9,
      `${fmt(r.median, 2)}x [${fmt(r.min, 2)}–${fmt(r.max, 2)}]`,
    );
  }
}

say("\n2. Over loopback HTTP, keep-alive, one request at a time (calls/s; ratio to raw fetch, same round)");
say('   this client sends through node:http by default in Node; "over fetch" is the same client given fetch');
const server = await startLoopbackServer();
results.loopback = {};
for (const operation of ["createOrder", "listOrders"]) {
  const loopback = await compare(loopbackVariants(server.url, operation), {
    baseline: "raw fetch",
    against: ["raw node:http", "Azure REST client", "openapi-fetch (bare)"],
    rounds: ROUNDS,
    count: 1_000,
    warmup: 1_000,
  });
  results.loopback[operation] = loopback;
  say(`   ${operation}`);
  say(`     ${"".padEnd(24)} ${"calls/s".padEnd(26)} ${"vs raw fetch".padEnd(20)} vs raw node:http (keep-alive)`);
  for (const [name, m] of Object.entries(loopback))
    say(
      `     ${name.padEnd(24)} ${range(m.opsPerSecond).padEnd(26)} ${range(m.ratio, 2, "x").padEnd(20)} ${range(m.against["raw node:http"], 2, "x")}`,
    );
  // Per-round ratios, as every peer comparison: a ratio of medians flips between runs.
  const toAzure = loopback["this client"].against["Azure REST client"];
  const toNodeHttp = loopback["this client"].against["raw node:http"];
  const overFetch = loopback["this client over fetch"].against["openapi-fetch (bare)"];
  say(
    `     this client / Azure REST client: ${range(toAzure, 2, "x")}; this client over fetch / bare openapi-fetch: ${range(overFetch, 2, "x")}`,
  );
  goal(
    `loopback ${operation}: this client (node:http) faster than Azure's REST client`,
    toAzure.median > 1,
    `${range(toAzure, 2, "x")} per round`,
  );
  goal(
    `loopback ${operation}: this client at ≥ 0.85x raw node:http keep-alive (the physical limit)`,
    toNodeHttp.median >= 0.85,
    `${range(toNodeHttp, 2, "x")} per round`,
  );
  goal(
    `loopback ${operation}: this client over fetch no slower than bare openapi-fetch (± 5%)`,
    overFetch.median >= 0.95,
    `${range(overFetch, 2, "x")} per round`,
  );
}
await server.close();

// The same on the Node line partners run most: undici and V8 change the ratios between lines.
const LINE = process.env.BENCH_NODE_LINE ?? "24";
say(`\n2b. Sections 1 and 2 on Node ${LINE} (npx -p node@${LINE}, a child process; ratio per round)`);
const line = spawnSync(
  "npx",
  ["--yes", "-p", `node@${LINE}`, "--", "node", new URL("node-line.mjs", import.meta.url).pathname],
  {
    encoding: "utf8",
    env: { ...process.env, BENCH_ROUNDS: String(ROUNDS) },
  },
);
const lineResult = line.status === 0 ? JSON.parse(line.stdout.trim().split("\n").at(-1)) : undefined;
if (!lineResult) {
  say(
    `     not run: npx -p node@${LINE} failed (${(line.stderr ?? "").trim().split("\n").at(-1) ?? line.error}); it needs the npm registry`,
  );
} else {
  results.nodeLine = lineResult;
  for (const operation of ["createOrder", "listOrders"]) {
    const raw = operation === "createOrder" ? "this client, pc.POST" : "this client, pc.GET";
    const o = lineResult.overhead[operation];
    const l = lineResult.loopback[operation];
    say(
      `     ${lineResult.node} ${operation.padEnd(12)} fetch stubbed, vs bare openapi-fetch: this client ${range(o["this client"], 2, "x")}, ${raw.slice(13)} ${range(o[raw], 2, "x")}; loopback, vs raw node:http: ${range(l, 2, "x")}`,
    );
    goal(
      `Node ${LINE}: overhead ${operation}, this client: ≥ 0.90x bare openapi-fetch`,
      o["this client"].median >= 0.9,
      `${range(o["this client"], 2, "x")}`,
    );
    goal(
      `Node ${LINE}: loopback ${operation}: this client at ≥ 0.85x raw node:http keep-alive`,
      l.median >= 0.85,
      `${range(l, 2, "x")} per round`,
    );
  }
}

say("\n3. Bundle for a browser or edge consumer (esbuild, minified; gzip -9)");
results.bundle = await bundleSizes();
for (const [name, size] of Object.entries(results.bundle)) {
  say(`     ${name.padEnd(48)} ${fmt(size.minified / 1024, 1)} kB minified, ${fmt(size.gzipped / 1024, 1)} kB gzipped`);
}
{
  const b = results.bundle;
  const createOnly = b["consumer: creates orders"].gzipped;
  const toAzure = createOnly / b["consumer: creates orders, on Azure's REST client"].gzipped;
  const ofEverything = createOnly / b["consumer: imports everything"].gzipped;
  goal(
    "bundle: a create-only consumer at ≤ 0.9x the same on Azure's REST client",
    toAzure <= 0.9,
    `${fmt(toAzure, 2)}x`,
  );
  goal(
    "bundle: a create-only consumer at ≤ 80% of one that imports everything",
    ofEverything <= 0.8,
    `${fmt(100 * ofEverything)}%`,
  );
}
results.requestChecks = await requestCheckSizes();
for (const [name, size] of Object.entries(results.requestChecks)) {
  say(
    `     request checks: ${name.padEnd(36)} ${fmt(size.minified / 1024, 1)} kB minified, ${fmt(size.gzipped / 1024, 1)} kB gzipped`,
  );
}
results.parts = await partCosts();
say("   what each part costs in the browser/edge build (built from source; the part left out):");
for (const [name, size] of Object.entries(results.parts)) {
  say(`     ${name.padEnd(62)} ${fmt(size.minified / 1024, 1)} kB minified, ${fmt(size.gzipped / 1024, 1)} kB gzipped`);
}
const gz = results.bundle["this client, browser/edge build"].gzipped / 1024;
goal("bundle: client entry for browsers and edge ≤ 12 kB gzipped", gz <= 12, `${fmt(gz, 1)} kB`);
const floor = (results.parts.core.gzipped + results.parts["openapi-fetch (the stack's HTTP layer)"].gzipped) / 1024;
say(`     openapi-fetch and the core alone, every optional part left out: ${fmt(floor, 1)} kB gzipped`);

say("\n4. Scaling with a stubbed fetch: µs per call (ratio to bare, same round), bytes allocated per call");
say("   stages are the client's own work alone: line-item numbering with binding and checks, and reading the answer");
results.scaling = {};
const allocated = allocations();
const kB = (bytes) => `${fmt(bytes / 1024)} kB`;
for (const [kind, sizes, unit] of [
  ["create", LINE_ITEMS, "line items"],
  ["list", PAGE_SIZES, "orders a page"],
]) {
  for (const size of sizes) {
    const count = Math.max(20, Math.round(20_000 / size));
    const measured = await compare(scalingVariants(kind, size), {
      baseline: "openapi-fetch (bare)",
      rounds: ROUNDS,
      count,
      warmup: count,
    });
    const stages = {};
    for (const [name, call] of Object.entries(await stageCalls(kind, size)))
      stages[name] = summary(await microsPerCall(call, count, ROUNDS));
    results.scaling[`${kind} ${size}`] = {
      measured,
      stages,
      allocated: Object.fromEntries(Object.keys(measured).map((n) => [n, allocated[`${kind} ${size} ${n}`]])),
    };
    say(`   ${kind === "create" ? "createOrder" : "listOrders"}, ${fmt(size)} ${unit}`);
    for (const [name, m] of Object.entries(measured)) {
      const micros = {
        median: 1e6 / m.opsPerSecond.median,
        min: 1e6 / m.opsPerSecond.max,
        max: 1e6 / m.opsPerSecond.min,
      };
      say(
        `     ${name.padEnd(26)} ${range(micros, 1, " µs").padEnd(30)} ${range(m.ratio, 2, "x").padEnd(20)} ${kB(allocated[`${kind} ${size} ${name}`])}`,
      );
    }
    for (const [name, m] of Object.entries(stages)) say(`     stage: ${name.padEnd(19)} ${range(m, 1, " µs")}`);
  }
}
// Linear growth: from 100 to 1,000 line items the client's own stages may take at most 10x
// (with 50% for noise), as may the whole call.
const per = (key, stage) => results.scaling[key].stages[stage].median;
const growth = per("create 1000", "request checks") / per("create 100", "request checks");
goal("scaling: request checks grow linearly with line items (100 → 1,000: ≤ 15x)", growth <= 15, `${fmt(growth, 1)}x`);
const readGrowth = per("list 1000", "answer read") / per("list 100", "answer read");
goal(
  "scaling: reading a page grows linearly with its orders (100 → 1,000: ≤ 15x)",
  readGrowth <= 15,
  `${fmt(readGrowth, 1)}x`,
);

// npm test is not run here: its time is a CI figure (.ci/run prints it), and one flaky test would
// cost every figure of the bench.
say("\n5. Tooling wall time (s)");
results.tooling = { gen: summary(Array.from({ length: 3 }, () => wallTime("npm", ["run", "gen"]))) };
say(`     npm run gen              ${range(results.tooling.gen, 2, " s")} (3 runs)`);
goal("npm run gen ≤ 3 s", results.tooling.gen.median <= 3, `${fmt(results.tooling.gen.median, 2)} s`);

say("\n6. Paging: 100,000 orders in 1,000 pages from the fake Partner Center (3 runs)");
const fake = await startSeededFake(100_000, 100);
const pages = [];
for (let i = 0; i < 3; i++) pages.push(await pageThrough(fake.url, 100_000));
await fake.stop();
results.paging = {
  seconds: summary(pages.map((p) => p.seconds)),
  peakHeapGrowthMb: summary(pages.map((p) => p.peakHeapGrowthMb)),
};
say(`     time                     ${range(results.paging.seconds, 2, " s")}`);
say(`     peak heap growth         ${range(results.paging.peakHeapGrowthMb, 1, " MB")}`);
goal(
  "paging: peak heap growth < 50 MB",
  results.paging.peakHeapGrowthMb.median < 50,
  `${fmt(results.paging.peakHeapGrowthMb.median, 1)} MB`,
);

say(
  `\n7. Waiting for 1,000 orders at once (createAndWait), provisioning after 3 polls, the fake limited to ${fmt(LIMIT.requestsPerMinute)} a minute over ${LIMIT.windowMs} ms windows (3 runs each, alternating)`,
);
const lifecycleRuns = { "pacing on": [], "pacing off": [] };
for (let i = 0; i < 3; i++) {
  for (const [name, pacing] of [
    ["pacing on", true],
    ["pacing off", false],
  ])
    lifecycleRuns[name].push(await placeAndWait(1_000, pacing));
}
results.lifecycle = {};
for (const [name, runs] of Object.entries(lifecycleRuns)) {
  const of = (key) => summary(runs.map((run) => run[key]));
  const m = {
    seconds: of("seconds"),
    ratio: summary(runs.map((run) => run.seconds / run.allowedSeconds)),
    requests: of("requests"),
    throttled: of("throttled"),
    failed: of("failed"),
    peakHeapGrowthMb: of("peakHeapGrowthMb"),
  };
  results.lifecycle[name] = m;
  say(
    `     ${name.padEnd(12)} ${range(m.seconds, 1, " s")}, ${range(m.ratio, 2, "x")} the time the limit allows; ${range(m.requests)} requests, ${range(m.throttled)} answered 429, ${range(m.failed)} orders failed; peak heap +${range(m.peakHeapGrowthMb, 0, " MB")}`,
  );
}
const paced = results.lifecycle["pacing on"];
goal("waiting with pacing: no 429", paced.throttled.max === 0, `${paced.throttled.max} answered 429 at most`);
goal(
  "waiting with pacing: ≤ 1.05x the time the limit allows",
  paced.ratio.median <= 1.05,
  `${fmt(paced.ratio.median, 2)}x`,
);

say("\n8. What observing costs: createOrder, fetch stubbed (calls/s; ratio to nobody listening, same round)");
const observed = listenerVariants();
results.listeners = await compare(observed.variants, {
  baseline: "nobody listening",
  rounds: ROUNDS,
  count: 2_000,
  warmup: 3_000,
});
observed.done();
for (const [name, m] of Object.entries(results.listeners))
  say(`     ${name.padEnd(36)} ${range(m.opsPerSecond).padEnd(26)} ${range(m.ratio, 2, "x")}`);

say(
  `\n9. A fleet sharing one quota through Redis: ${fmt(CALLS)} calls split between N worker processes, the fake limited to ${fmt(FLEET_LIMIT.requestsPerMinute)} a minute over ${FLEET_LIMIT.windowMs} ms windows (3 runs each, alternating)`,
);
if (!REDIS_SERVER) {
  say("     not run: no redis-server found (apt-get install redis-server)");
} else {
  const redis = await startRedis();
  results.fleet = {};
  for (const workers of [1, 2, 4]) {
    const runs = { shared: [], alone: [] };
    for (let i = 0; i < 3; i++)
      for (const mode of ["shared", "alone"]) runs[mode].push(await fleetRun(redis, workers, mode === "shared"));
    for (const [mode, list] of Object.entries(runs)) {
      const m = {
        seconds: summary(list.map((r) => r.seconds)),
        ratio: summary(list.map((r) => r.seconds / r.allowedSeconds)),
        throttled: summary(list.map((r) => r.throttled)),
        failed: summary(list.map((r) => r.failed)),
      };
      results.fleet[`${workers} ${mode}`] = m;
      say(
        `     ${String(workers).padStart(1)} worker(s), ${mode === "shared" ? "shared through Redis" : "each pacing alone  "} ${range(m.seconds, 2, " s")}, ${range(m.ratio, 2, "x")} the time the limit allows; ${range(m.throttled)} answered 429, ${range(m.failed)} failed`,
      );
    }
  }
  results.storeCost = await admissionCosts(redis, 2_000);
  await redis.stop();
  say("   what the store costs (µs, 2,000 each, loopback Unix socket): median, p99");
  for (const [name, m] of Object.entries(results.storeCost))
    say(`     ${name.padEnd(34)} ${fmt(m.median)} µs, p99 ${fmt(m.p99)} µs`);
  const four = results.fleet["4 shared"];
  goal(
    "fleet: 4 workers sharing through Redis draw no 429",
    four.throttled.max === 0,
    `${four.throttled.max} answered 429 at most`,
  );
  goal(
    "fleet: 4 workers sharing through Redis take ≤ 1.11x the time the limit allows (≥ 0.9 of its throughput)",
    four.ratio.median <= 1.11,
    `${fmt(four.ratio.median, 2)}x`,
  );
}

say(
  "\n10. pc.catalog.offers over 100 products x 5 SKUs x 3 availabilities, fetch stubbed (walks/s; ratio to bare openapi-fetch, same round)",
);
{
  const variants = catalogVariants();
  const walked = await variants["this client, catalog.offers"]();
  const expected = CATALOG_SHAPE.products * CATALOG_SHAPE.skus * CATALOG_SHAPE.availabilities;
  if (walked.length !== expected) throw new Error(`catalog.offers found ${walked.length} offers, not ${expected}`);
  results.catalogOffers = await compare(variants, {
    baseline: "openapi-fetch (bare)",
    rounds: ROUNDS,
    count: 3,
    warmup: 3,
  });
  for (const [name, m] of Object.entries(results.catalogOffers)) {
    say(`     ${name.padEnd(28)} ${range(m.opsPerSecond).padEnd(26)} ${range(m.ratio, 2, "x")}`);
  }
  const r = results.catalogOffers["this client, catalog.offers"].ratio;
  // Costing at most 1.2x the bare reads is a throughput of at least 1/1.2 of theirs.
  goal(
    "catalog.offers: costs ≤ 1.2x the same reads through bare openapi-fetch",
    1 / r.median <= 1.2,
    `${fmt(1 / r.median, 2)}x the cost [${fmt(1 / r.max, 2)}–${fmt(1 / r.min, 2)}]`,
  );
}

say("\nGoals");
for (const g of goals) say(`     ${g.met ? "met   " : "MISSED"} ${g.name}: ${g.detail}`);
save();
say("\nwritten to bench/results.json");
