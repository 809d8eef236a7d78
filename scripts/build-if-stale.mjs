// npm start's build step: tsup only when dist/ is older than what it is built from. `npm ci` has
// just built it (prepare), and building again took 15-27 s before a 1.4 s demo.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..");
const INPUTS = ["src", "generated", "package.json", "tsup.config.ts", "scripts/browser-siblings.mjs"];
const OUTPUTS = [
  "dist/index.mjs",
  "dist/index.js",
  "dist/index.browser.mjs",
  "dist/testing.mjs",
  "dist/contract.mjs",
  "dist/cli.js",
];

/** Whether to build: an output is missing, or an input changed after the oldest output was written. */
export function needsBuild(newestInputMs, outputMs) {
  return outputMs.some((ms) => ms === undefined) || outputMs.some((ms) => ms < newestInputMs);
}

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const modified = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const input = Math.max(...INPUTS.map((path) => newest(join(ROOT, path))));
  if (
    needsBuild(
      input,
      OUTPUTS.map((path) => modified(join(ROOT, path))),
    )
  ) {
    execFileSync(join(ROOT, "node_modules", ".bin", "tsup"), ["--silent"], { cwd: ROOT, stdio: "inherit" });
  }
}
