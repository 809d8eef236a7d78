// Generates everything in generated/ from spec/: the bundled spec, the openapi-typescript types,
// the request rules the client checks before sending, and the contract kit's answer validators and
// typed examples. With --check it writes nothing and exits 1 when generated/ differs from what
// spec/ produces (CI runs that).
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildExamples, buildResponseValidators } from "./contract-artifacts.mjs";
import { buildRequestRules, UnsupportedKeywordError } from "./request-rules.mjs";

const check = process.argv.includes("--check");
const API = "partner-center-orders@v1";
const TYPES_FLAGS = ["--root-types", "--root-types-no-schema-prefix"];
const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
const bin = (name) => join("node_modules", ".bin", name);

/** A failure already explained on stderr: the run ends with exit code 1, its temporary folder removed. */
class Failure extends Error {}

function run(cmd, args) {
  try {
    execFileSync(bin(cmd), args, { env, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    process.stderr.write(`${cmd} ${args.join(" ")} failed:\n${error.stdout}${error.stderr}`);
    throw new Failure();
  }
}

/**
 * openapi-typescript reads spec/ itself (redocly.yaml's x-openapi-ts.output), so it runs beside the
 * bundle and the builders, not after them (a second of the run's three here). Resolves whether its
 * output (with --check: generated/schema.ts as it stands) matches the spec.
 */
function types() {
  const args = check ? ["--check", ...TYPES_FLAGS] : TYPES_FLAGS;
  return new Promise((resolve) =>
    execFile(bin("openapi-typescript"), args, { env }, (error, stdout, stderr) => {
      if (error && !check) process.stderr.write(`openapi-typescript ${args.join(" ")} failed:\n${stdout}${stderr}`);
      resolve(!error);
    }),
  );
}

const out = check ? mkdtempSync(join(tmpdir(), "pco-gen-")) : "generated";
const typesMatch = types();
try {
  run("redocly", ["bundle", API, "--output", join(out, "openapi.json")]);
  const bundle = readFileSync(join(out, "openapi.json"), "utf8");
  const spec = JSON.parse(bundle);
  let rules;
  try {
    rules = buildRequestRules(spec);
  } catch (error) {
    if (!(error instanceof UnsupportedKeywordError)) throw error;
    process.stderr.write(`npm run gen: ${error.message}\n`);
    throw new Failure();
  }
  const validators = buildResponseValidators(spec);
  // Written as they are, beside the bundle (which redocly writes itself) and schema.ts (openapi-typescript).
  const files = {
    "generated/request-rules.ts": rules,
    "generated/response-validators.cjs": validators.code,
    "generated/response-validators.d.cts": validators.types,
    "generated/examples.ts": buildExamples(spec),
  };
  const drift = [];
  if (check) {
    // openapi-typescript compares its own output byte for byte (redocly.yaml's x-openapi-ts.output).
    if (!(await typesMatch)) drift.push("generated/schema.ts");
    const same = (file, text) => existsSync(file) && readFileSync(file, "utf8") === text;
    if (!same("generated/openapi.json", bundle)) drift.push("generated/openapi.json");
    for (const [file, text] of Object.entries(files)) if (!same(file, text)) drift.push(file);
    if (drift.length) {
      process.stderr.write(`generated/ is stale; run \`npm run gen\` and commit: ${drift.join(", ")}\n`);
      throw new Failure();
    }
    process.stdout.write("generated/ matches spec/\n");
  } else {
    if (!(await typesMatch)) throw new Failure();
    for (const [file, text] of Object.entries(files)) writeFileSync(file, text);
    process.stdout.write(`generated/openapi.json, generated/schema.ts, ${Object.keys(files).join(", ")}\n`);
  }
} catch (error) {
  if (!(error instanceof Failure)) throw error;
  process.exitCode = 1;
  // A failure before it was awaited: openapi-typescript's own outcome no longer matters.
  await typesMatch;
} finally {
  if (check) rmSync(out, { recursive: true, force: true });
}
