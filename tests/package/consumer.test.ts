// The package as another service gets it: `npm pack`, the tarball installed into a fresh ESM
// project and a fresh CommonJS project, each type-checked with strict tsc and run against the
// Prism mock (create and list an order); the ESM project's client bundled as a browser or edge
// bundler would (the package's browser condition), which must carry no node:http code; and the
// tarball read by @arethetypeswrong/cli (every entry point under node10, node16 ESM and CJS, and
// bundler resolution) and publint, which must find nothing.
import { execFile } from "node:child_process";
import { build } from "esbuild";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "pco-consumers-"));
let tarball: string;
const outputs: Partial<Record<"esm" | "cjs", Promise<string[]>>> = {};

beforeAll(async () => {
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: ROOT });
  // prepare (the build) may print before npm's JSON report.
  tarball = join(work, JSON.parse(stdout.slice(stdout.indexOf("[")))[0].filename);
  // Both consumers install and compile side by side; each test awaits its own.
  for (const kind of ["esm", "cjs"] as const) outputs[kind] = consumer(kind);
  outputs.esm!.catch(() => undefined);
  outputs.cjs!.catch(() => undefined);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function consumer(kind: "esm" | "cjs"): Promise<string[]> {
  const dir = join(work, kind);
  cpSync(join(ROOT, "tests", "fixtures", "consumers", kind), dir, { recursive: true });
  await run("npm", ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline", "--no-package-lock"], { cwd: dir });
  // The consumer's Node types come from this repository; nothing else is shared.
  symlinkSync(join(ROOT, "node_modules", "@types"), join(dir, "node_modules", "@types"));
  await run(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", dir]);
  const { stdout } = await run(process.execPath, [join(dir, "dist", "index.js")], {
    cwd: dir,
    env: { ...process.env, PRISM_URL: process.env.PRISM_URL },
  });
  return stdout.trim().split("\n");
}

const BROWSER_CONSUMER = `
import { createPartnerCenterClient } from "partner-center-orders";
const pc = createPartnerCenterClient({ credential: "consumer-token", baseUrl: process.env.PRISM_URL });
const order = await pc.orders.create("b0d70a69-4c42-4b27-b17b-91a835d8686a", { lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] });
console.log("created " + order.id + " " + order.status);`;

/** The ESM project's client bundled for the browser, and what that bundle prints run over fetch. */
async function browserConsumer(): Promise<{ code: string; output: string }> {
  await outputs.esm;
  const dir = join(work, "esm");
  const result = await build({ stdin: { contents: BROWSER_CONSUMER, resolveDir: dir }, bundle: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
  const code = result.outputFiles[0]!.text;
  writeFileSync(join(dir, "browser.mjs"), code);
  const { stdout } = await run(process.execPath, [join(dir, "browser.mjs")], { cwd: dir, env: { ...process.env, PRISM_URL: process.env.PRISM_URL } });
  return { code, output: stdout.trim() };
}

describe("the packed package", () => {
  it.each(["esm", "cjs"] as const)("installs, type-checks and runs in a fresh %s project", async (kind) => {
    expect(await outputs[kind]).toEqual([
      "created Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1 pending",
      "listed 2",
      "spec 3.1.0 true",
      "guard true",
      "fake 1",
    ]);
  }, 90_000);

  it("resolves every entry point with its types in node10, node16 and bundler modes (attw finds no problem)", async () => {
    const { stdout } = await run(join(ROOT, "node_modules", ".bin", "attw"), [tarball, "--format", "json"], { cwd: work });
    const { problems, analysis } = JSON.parse(stdout) as { problems: Record<string, unknown[]> | unknown[]; analysis: { entrypoints: Record<string, unknown> } };
    expect(Object.keys(analysis.entrypoints)).toEqual([".", "./types", "./testing", "./openapi.json", "./package.json"]);
    expect(Object.values(problems).flat()).toEqual([]);
  }, 60_000);

  it("is as publint wants it: no error, warning or suggestion", async () => {
    // Plain text: publint colours its output whenever CI is set.
    const { stdout } = await run(join(ROOT, "node_modules", ".bin", "publint"), ["run", tarball], { cwd: work, env: { ...process.env, NO_COLOR: "1" } });
    expect(stdout.trim().split("\n").at(-1)).toBe("All good!");
  }, 60_000);

  it("tells whole order lives for npm start (the pack built dist/), against the stateful fake", async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, "scripts", "start.mjs")], { cwd: ROOT });
    const results = stdout.split("\n").filter((line) => line.startsWith("  -> ") || line.startsWith("lifecycle"));
    const [first, second] = [...stdout.matchAll(/-> order (\S+), status (?:pending|cancelled)/g)].map((m) => m[1]);
    expect(results).toEqual([
      `  -> order ${first}, status pending`,
      "  -> poll 1: order pending, line items unfulfilled",
      "  -> poll 2: order pending, line items fulfilled",
      "  -> poll 3: order completed, line items fulfilled: fulfilled",
      expect.stringMatching(/^  -> fulfilled, subscription [0-9a-f-]{36}$/),
      `  -> order ${first}, status completed`,
      `  -> 1 order(s); order ${first} is there, completed`,
      `  -> order ${second}, status cancelled: cancelled`,
      "lifecycle complete: one order provisioned and found, one cancelled",
    ]);
  }, 60_000);

  it("gives browser and edge bundlers a build without node:http, which sends through fetch", async () => {
    const { code, output } = await browserConsumer();
    expect(code).not.toMatch(/node:http|getBuiltinModule/);
    expect(code).toContain("globalThis.fetch");
    expect(output).toBe("created Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1 pending");
  }, 90_000);
});
