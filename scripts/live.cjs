// npm run test:live: the contract command of this package (dist/cli.js, which the script builds
// first) against the endpoint in PARTNER_CENTER_BASE_URL, with JUnit XML in contract-results.xml.
// PARTNER_CENTER_LIVE_WRITES=sandbox adds --writes sandbox; further arguments are passed on.
// Without an endpoint and credentials it prints one line saying the checks did not run, and why.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const NEEDS =
  "the live contract checks: they need PARTNER_CENTER_BASE_URL and PARTNER_CENTER_TOKEN (or PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID, PARTNER_CENTER_CLIENT_SECRET)";

/** The contract command's arguments for this environment, or the reason the checks cannot run. */
function liveCommand(env, extra = []) {
  const credentials =
    env.PARTNER_CENTER_TOKEN ||
    (env.PARTNER_CENTER_TENANT_ID && env.PARTNER_CENTER_CLIENT_ID && env.PARTNER_CENTER_CLIENT_SECRET);
  if (!env.PARTNER_CENTER_BASE_URL || !credentials) return { notRun: NEEDS };
  const writes = env.PARTNER_CENTER_LIVE_WRITES === "sandbox" ? ["--writes", "sandbox"] : [];
  return { argv: ["contract", "--junit", "contract-results.xml", ...writes, ...extra] };
}

module.exports = { liveCommand };

if (require.main === module) {
  const command = liveCommand(process.env, process.argv.slice(2));
  if (command.notRun) {
    console.log(`not run: ${command.notRun}`);
  } else {
    const cli = path.join(__dirname, "..", "dist", "cli.js");
    process.exitCode = spawnSync(process.execPath, [cli, ...command.argv], { stdio: "inherit" }).status ?? 2;
  }
}
