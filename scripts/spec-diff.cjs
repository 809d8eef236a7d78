// npm run spec:diff [-- <git-ref>]: compares the spec at <git-ref> (by default the last release:
// its tag v<version>, or, in a clone without tags, the last commit before package.json left the
// newest version the CHANGELOG gives as released) with the working tree, classifies every change
// as breaking or not, and exits 1 on a breaking change unless the package's major version went up
// since then. Unreleased work is compared with the release it will follow, so a breaking change
// made on the way to an unreleased major version passes, and one made after a release fails. Redocly CLI's `diff` understands OpenAPI 3.1 and rates each
// change by the semver bump it needs; on top of that, removing a value from any enum is breaking
// here, because the generated TypeScript unions are part of this package's public API.
const { execFileSync } = require("node:child_process");
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const REDOCLY = path.join(ROOT, "node_modules", ".bin", "redocly");
const DIFF_CONFIG = path.join(__dirname, "spec-diff.redocly.yaml");
const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };

/** Redocly's JSON diff report of two API descriptions. */
function diffReport(basePath, headPath) {
  const out = execFileSync(
    REDOCLY,
    ["diff", basePath, headPath, "--config", DIFF_CONFIG, "--format", "json", "--fail-on", "none"],
    {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    },
  ).toString();
  return JSON.parse(out.slice(out.indexOf("{")));
}

function removedEnumValues(change) {
  if (change.property !== "enum" || !Array.isArray(change.base?.value)) return [];
  const kept = new Set((change.revision?.value ?? []).map((v) => JSON.stringify(v)));
  return change.base.value.filter((v) => !kept.has(JSON.stringify(v)));
}

function describe(change) {
  const verdict = change.verdicts?.[0]?.message;
  const where = change.base?.pointer ?? change.revision?.pointer ?? change.path;
  return verdict
    ? `${verdict} (${where})`
    : `${change.kind} ${change.property ? `${change.property} of ` : ""}${where}`;
}

/** Splits a report's changes into breaking and non-breaking, each with a readable message. */
function classify(report) {
  const breaking = [];
  const nonBreaking = [];
  const seen = new Set();
  for (const change of report.changes ?? []) {
    const removed = removedEnumValues(change);
    const message = removed.length
      ? `Enum values ${removed.map((v) => JSON.stringify(v)).join(", ")} removed at ${change.base.pointer}`
      : describe(change);
    // The same component change is reported once per place it is used.
    if (seen.has(message)) continue;
    seen.add(message);
    (change.impact === "major" || removed.length ? breaking : nonBreaking).push(message);
  }
  return { breaking, nonBreaking };
}

const major = (version) => Number(String(version).split(".")[0]);

/** Whether the change may land: no breaking change, or the major version went up. */
function gate({ breaking, baseVersion, headVersion }) {
  if (!breaking.length) return { ok: true, reason: "no breaking change" };
  if (major(headVersion) > major(baseVersion)) {
    return { ok: true, reason: `breaking changes allowed: major version ${baseVersion} -> ${headVersion}` };
  }
  return {
    ok: false,
    reason: `breaking changes need a new major version (package.json is ${headVersion}, was ${baseVersion})`,
  };
}

function git(args) {
  return execFileSync("git", args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] }).toString();
}

/** The newest version the CHANGELOG gives as released: a `## X.Y.Z` heading not marked (unreleased). */
function lastReleased(changelog) {
  for (const [, version, rest] of changelog.matchAll(/^## (\d+\.\d+\.\d+)(.*)$/gm)) {
    if (!/unreleased/i.test(rest)) return version;
  }
  return undefined;
}

/**
 * The last commit of release `released`, from the commits that changed package.json (newest
 * first, each with its version): the parent of the first commit after it that changed the
 * version, or the newest commit at it when none has yet.
 */
function releaseCommit(history, released) {
  const oldestFirst = [...history].reverse();
  const at = oldestFirst.findIndex((entry) => entry.version === released);
  if (at === -1) return undefined;
  const left = oldestFirst.slice(at).find((entry) => entry.version !== released);
  return left ? `${left.commit}^` : oldestFirst.filter((entry) => entry.version === released).at(-1).commit;
}

/** The ref of the last release: its tag if this clone has it, else found from the history. */
function releaseBase() {
  const released = lastReleased(readFileSync(path.join(ROOT, "CHANGELOG.md"), "utf8"));
  if (!released) return undefined;
  try {
    git(["rev-parse", "--verify", "--quiet", `refs/tags/v${released}`]);
    return `v${released}`;
  } catch {
    const history = git(["log", "--format=%H", "--", "package.json"])
      .split("\n")
      .filter(Boolean)
      .map((commit) => ({ commit, version: JSON.parse(git(["show", `${commit}:package.json`])).version }));
    return releaseCommit(history, released);
  }
}

function main(given) {
  const ref = given ?? releaseBase();
  if (!ref) {
    process.stderr.write(
      "spec:diff: no release found (no v<version> tag, no released version in CHANGELOG.md found in package.json's history); usage: npm run spec:diff -- <git-ref>\n",
    );
    return 2;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "pco-spec-diff-"));
  try {
    const basePath = path.join(dir, "base.json");
    const headPath = path.join(dir, "head.json");
    writeFileSync(basePath, git(["show", `${ref}:generated/openapi.json`]));
    execFileSync(REDOCLY, ["bundle", "partner-center-orders@v1", "--output", headPath], {
      cwd: ROOT,
      env,
      stdio: "pipe",
    });
    const { breaking, nonBreaking } = classify(diffReport(basePath, headPath));
    const baseVersion = JSON.parse(git(["show", `${ref}:package.json`])).version;
    const headVersion = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
    const lines = [
      `spec changes since ${ref}: ${breaking.length} breaking, ${nonBreaking.length} not breaking`,
      ...breaking.map((m) => `  BREAKING  ${m}`),
      ...nonBreaking.map((m) => `  ok        ${m}`),
    ];
    const verdict = gate({ breaking, baseVersion, headVersion });
    process.stdout.write(`${lines.join("\n")}\n${verdict.ok ? "pass" : "FAIL"}: ${verdict.reason}\n`);
    return verdict.ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { diffReport, classify, gate, lastReleased, releaseCommit };

if (require.main === module) process.exitCode = main(process.argv[2]);
