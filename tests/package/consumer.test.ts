// The package as another service gets it: `npm pack`, the tarball installed into a fresh ESM
// project and a fresh CommonJS project, each type-checked with strict tsc (the ESM project's
// compile also checks every declaration file the package ships) and run against the Prism mock
// (create and list an order); the ESM project's client bundled as a browser or edge bundler would
// (the package's browser condition), which must carry no node:http code; the declarations compiled
// by TypeScript 5.4, the oldest the README states, with the DOM's types; a third project that uses
// the contract kit as a consuming service would (validators and matchers in a Jest suite and a
// Vitest suite, the contract command against the packaged fake); and the tarball read by
// @arethetypeswrong/cli (every entry point under node10, node16 ESM and CJS, and bundler
// resolution) and publint, which must find nothing.
import { execFile } from "node:child_process";
import { build } from "esbuild";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");
// Made in beforeAll: Jest runs no hooks in a file whose tests are all filtered out, so a folder made
// at load time would be left behind by such a run.
let work: string;
let tarball: string;
/** The oldest TypeScript the README states: 5.0 to 5.3 fail on openapi-fetch's declarations without skipLibCheck. */
const MINIMUM_TYPESCRIPT = "5.4";
type Kind = "esm" | "cjs" | "contract";
const installed: Partial<Record<Kind, Promise<string>>> = {};
let minimum: Promise<{ stdout: string }>;
let reports: { attw: Promise<{ stdout: string }>; publint: Promise<{ stdout: string }> };
const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "pco-consumers-"));
  // npm ci (or install) has just built dist/ (prepare); build again only if the sources changed
  // since, and pack without prepare: a second tsup run was a fifth of this file's CPU.
  await run(process.execPath, [join(ROOT, "scripts", "build-if-stale.mjs")], { cwd: ROOT });
  const { stdout } = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], {
    cwd: ROOT,
  });
  tarball = join(work, JSON.parse(stdout)[0].filename);
  // The consumers install and compile while attw and publint read the tarball; each test awaits its own.
  const kinds = ["esm", "cjs", "contract"] as const;
  const dirs = kinds.map(install);
  const compiled = Promise.all(dirs).then(compile);
  for (const [i, kind] of kinds.entries()) {
    installed[kind] = compiled.then(() => dirs[i]!);
    installed[kind].catch(() => undefined);
  }
  minimum = dirs[0]!.then(compileWithMinimum);
  minimum.catch(() => undefined);
  reports = {
    attw: run(bin("attw"), [tarball, "--format", "json"], { cwd: work }),
    // Plain text: publint colours its output whenever CI is set.
    publint: run(bin("publint"), ["run", tarball], { cwd: work, env: { ...process.env, NO_COLOR: "1" } }),
  };
  reports.attw.catch(() => undefined);
  reports.publint.catch(() => undefined);
  // A stale dist/ is built first: 20-40 s here, more on a loaded runner.
}, 240_000);

afterAll(() => work && rmSync(work, { recursive: true, force: true }));

/** A consumer project with the tarball installed; its directory. */
async function install(kind: Kind): Promise<string> {
  const dir = join(work, kind);
  cpSync(join(ROOT, "tests", "fixtures", "consumers", kind), dir, { recursive: true });
  await run("npm", ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline", "--no-package-lock"], {
    cwd: dir,
  });
  // Types and test runners come from this repository (the contract consumer imports vitest);
  // the package itself comes only from the tarball.
  symlinkSync(join(ROOT, "node_modules", "@types"), join(dir, "node_modules", "@types"));
  symlinkSync(join(ROOT, "node_modules", "vitest"), join(dir, "node_modules", "vitest"));
  return dir;
}

/**
 * Every consumer project compiled, each under its own tsconfig, by one `tsc --build` of them all:
 * it parses the lib files and @types/node once, not once a project (10 s of CPU against 16 s).
 */
async function compile(dirs: string[]): Promise<void> {
  const references = dirs.map((dir) => ({ path: dir }));
  writeFileSync(join(work, "tsconfig.json"), JSON.stringify({ files: [], references }));
  // tsc prints its errors on stdout, which a failed execFile leaves out of its message.
  await run(bin("tsc"), ["--build", work]).catch((error: { stdout?: string }) => {
    throw new Error(`tsc --build of the consumers failed:\n${error.stdout ?? String(error)}`);
  });
}

/** The oldest TypeScript's version line and its compile of a consumer in the ESM project; one npx, which takes seconds to start. */
async function compileWithMinimum(esm: string): Promise<{ stdout: string }> {
  const dir = join(esm, "ts-minimum");
  cpSync(join(ROOT, "tests", "fixtures", "consumers", "ts-minimum"), dir, { recursive: true });
  // Under CI's `npx -p node@N`, npm_config_package would make this npx install node again.
  const { npm_config_package: _outer, ...env } = process.env;
  return run(
    "npx",
    ["--yes", "--prefer-offline", "-p", `typescript@${MINIMUM_TYPESCRIPT}`, "-c", "tsc -v && tsc -p ."],
    { cwd: dir, env },
  );
}

async function consumer(kind: "esm" | "cjs"): Promise<string[]> {
  const dir = await installed[kind]!;
  const { stdout } = await run(process.execPath, [join(dir, "dist", "index.js")], {
    cwd: dir,
    env: { ...process.env, PRISM_URL: process.env.PRISM_URL },
  });
  return stdout.trim().split("\n");
}

/** Passed and total tests of a runner's JSON report (Jest's shape, which Vitest's json reporter shares). */
async function suite(dir: string, command: string, args: string[]): Promise<[number, number]> {
  const { stdout } = await run(bin(command), args, { cwd: dir, env: { ...process.env, CI: "true" } });
  const report = JSON.parse(stdout) as { numPassedTests: number; numTotalTests: number };
  return [report.numPassedTests, report.numTotalTests];
}

const BROWSER_CONSUMER = `
import { createPartnerCenterClient } from "partner-center-orders";
const pc = createPartnerCenterClient({ credential: "consumer-token", baseUrl: process.env.PRISM_URL });
const order = await pc.orders.create("b0d70a69-4c42-4b27-b17b-91a835d8686a", { lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] });
console.log("created " + order.id + " " + order.status);`;

/** The ESM project's client bundled for the browser, and what that bundle prints run over fetch. */
async function browserConsumer(): Promise<{ code: string; output: string }> {
  const dir = await installed.esm!;
  const result = await build({
    stdin: { contents: BROWSER_CONSUMER, resolveDir: dir },
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  writeFileSync(join(dir, "browser.mjs"), code);
  const { stdout } = await run(process.execPath, [join(dir, "browser.mjs")], {
    cwd: dir,
    env: { ...process.env, PRISM_URL: process.env.PRISM_URL },
  });
  return { code, output: stdout.trim() };
}

// The first test to wait for the consumers waits for all three installs and their one compile:
// 46 s beside 8 busy loops with this file alone. Every test gets 180 s, a hang still fails.
const WAIT_MS = 180_000;

describe("the packed package", () => {
  it.each(["esm", "cjs"] as const)(
    "installs, type-checks and runs in a fresh %s project",
    async (kind) => {
      expect(await consumer(kind)).toEqual([
        "created Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1 pending",
        "listed 2",
        "spec 3.1.0 true",
        "guard true",
        "fake 1",
      ]);
    },
    WAIT_MS,
  );

  it(
    "ships the decisions its doc comments cite: every (Dn) in its declarations is an anchor of its spec/README.md",
    async () => {
      const installedAt = join(await installed.esm!, "node_modules", "partner-center-orders");
      const decisions = readFileSync(join(installedAt, "spec", "README.md"), "utf8");
      const declarations = ["index.d.ts", "testing.d.ts", "contract.d.ts", "otel.d.ts", "redis.d.ts"]
        .map((file) => readFileSync(join(installedAt, "dist", file), "utf8"))
        .join("\n");
      const cited = [...new Set([...declarations.matchAll(/\b([DE]\d+)\b/g)].map((m) => m[1]!.toLowerCase()))];
      expect(cited.length).toBeGreaterThan(5);
      expect(cited.filter((id) => !decisions.includes(`<a id="${id}"></a>`))).toEqual([]);
    },
    WAIT_MS,
  );

  it(
    "compiles against its declarations with TypeScript 5.4, the oldest it states, and the DOM's types (no skipLibCheck)",
    async () => {
      const { stdout } = await minimum;
      expect(stdout.trim().split("\n")[0]).toMatch(new RegExp(`^Version ${MINIMUM_TYPESCRIPT.replace(".", "\\.")}\\.`));
    },
    WAIT_MS,
  );

  it(
    "resolves every entry point with its types in node10, node16 and bundler modes (attw finds no problem)",
    async () => {
      const { stdout } = await reports.attw;
      const { problems, analysis } = JSON.parse(stdout) as {
        problems: Record<string, unknown[]> | unknown[];
        analysis: { entrypoints: Record<string, unknown> };
      };
      expect(Object.keys(analysis.entrypoints)).toEqual([
        ".",
        "./types",
        "./testing",
        "./contract",
        "./otel",
        "./redis",
        "./openapi.json",
        "./package.json",
      ]);
      expect(Object.values(problems).flat()).toEqual([]);
    },
    WAIT_MS,
  );

  it(
    "is as publint wants it: no error, warning or suggestion",
    async () => {
      const { stdout } = await reports.publint;
      expect(stdout.trim().split("\n").at(-1)).toBe("All good!");
    },
    WAIT_MS,
  );

  it(
    "tells an order's whole life for npm start (on the dist/ it packed), doing only what the service allows",
    async () => {
      const { stdout } = await run(process.execPath, [join(ROOT, "scripts", "start.mjs")], { cwd: ROOT });
      const results = stdout.split("\n").filter((line) => line.startsWith("  -> ") || line.startsWith("lifecycle"));
      const [first, second] = [...stdout.matchAll(/-> order (\S+), status (?:pending|cancelled)/g)].map((m) => m[1]);
      const subscription = /-> fulfilled, subscription (\S+)/.exec(stdout)?.[1];
      const [, cart, fromCart] = /-> cart (\S+): order (\S+);/.exec(stdout) ?? [];
      expect(results).toEqual([
        `  -> order ${first}, status pending; new refresh tokens stored: 1`,
        "  -> poll 1: order pending, line items unfulfilled",
        "  -> poll 2: order pending, line items fulfilled",
        "  -> poll 3: order completed, line items fulfilled: fulfilled",
        `  -> fulfilled, subscription ${subscription}`,
        `  -> order ${first}, status completed`,
        `  -> 0 order(s); order ${first} is not listed yet: the service lists a new order up to 15 minutes after it is placed (this fake: 2 s), so read new orders by id`,
        "  -> refused as documented: 400 800063; new commerce is cancelled through its subscription",
        expect.stringMatching(/^ {2}-> subscription deleted \(cancellable until \d{4}-\d\d-\d\dT[\d:.]+Z\)$/),
        `  -> order ${second}, status cancelled: cancelled`,
        "  -> Microsoft Azure plan: DZH318Z0BPS6:0001:FAKE0000AP01; before buying: MicrosoftCustomerAgreement",
        "  -> MicrosoftCustomerAgreement confirmed, template 117a77b0-9360-443b-8795-c6dedc750cf9",
        `  -> cart ${cart}: order ${fromCart}; checked out again: the same order, nothing placed twice`,
        "  -> refused before sending: cannot remove 2 seats: 0 may be removed now (the service answers 400 900257)",
        `  -> create_order for order ${first}: offers CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P, succeeded`,
        "lifecycle complete: one order provisioned and read by id, its cancel refused as the service refuses it and its subscription cancelled inside the window, one software order cancelled, an offer found in the catalog and its MCA confirmed, its cart checked out twice into one order, a seat decrease refused after its window, the first order found in the audit log",
      ]);
    },
    WAIT_MS,
  );

  it(
    "holds a consuming service's mock to the spec with the validators and matchers, in Jest and in Vitest",
    async () => {
      const dir = await installed.contract!;
      expect(await suite(dir, "jest", ["--json"])).toEqual([3, 3]);
      expect(await suite(dir, "vitest", ["run", "--reporter=json"])).toEqual([3, 3]);
    },
    WAIT_MS,
  );

  it(
    "runs the contract command from the installed package against the packaged fake: every check passes",
    async () => {
      const dir = await installed.contract!;
      const { stdout } = await run(process.execPath, [join(dir, "run-contract.mjs")], { cwd: dir });
      expect(stdout).toMatch(/^listOrders, page 2 +200 +ok/m);
      expect(stdout).toMatch(/^updateOrder: cancel \(sandbox\) +200 +ok/m);
      expect(stdout).toMatch(/^generated createCart \(10 requests\) +- +ok/m);
      expect(stdout).not.toMatch(/generated (createOrder|checkoutCart)/);
      expect(stdout).toMatch(/^listSubscriptions, by order +200 +ok/m);
      expect(stdout).toMatch(/^listAvailabilities +200 +ok/m);
      // 15 checks of orders, a subscription, the catalog, agreements, a day of audit records and one
      // order placed and cancelled, then generated requests, which never buy, confirm or change a
      // subscription (no createOrder, checkoutCart, createCustomerAgreement,
      // createCustomerQualification, updateSubscription): 48 checks.
      expect(stdout).toMatch(/^48 checks: 48 passed, 0 failed, 0 skipped/m);
      expect(stdout).not.toContain("consumer-token");
      expect(readFileSync(join(dir, "contract.xml"), "utf8")).toContain('tests="48" failures="0"');
    },
    WAIT_MS,
  );

  it(
    "gives browser and edge bundlers a build without node:http, which sends through fetch",
    async () => {
      const { code, output } = await browserConsumer();
      expect(code).not.toMatch(/node:http|getBuiltinModule/);
      expect(code).toContain("globalThis.fetch");
      expect(output).toBe("created Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1 pending");
    },
    WAIT_MS,
  );
});
