// The package as another service gets it: `npm pack`, the tarball installed into a fresh ESM
// project and a fresh CommonJS project, each type-checked with strict tsc and run against the
// Prism mock (create and list an order).
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
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
  // prepack (the build) may print before npm's JSON report.
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
});
