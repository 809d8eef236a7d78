// Finds a Chromium or Chrome for the API-reference browser test: CHROMIUM_PATH, then chromium,
// chromium-browser, google-chrome and google-chrome-stable on PATH, then the usual install
// locations. Run as a command it prints the path found, or exits 1 (.ci/run installs Debian's
// chromium then). It never installs anything.
const { accessSync, constants } = require("node:fs");
const path = require("node:path");

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
const USUAL = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/snap/bin/chromium",
  "/opt/google/chrome/chrome",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to use, or undefined; `env` and `executable` are the process's unless given. */
function findChromium(env = process.env, executable = isExecutable) {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  const dirs = (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const name of NAMES) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (executable(file)) return file;
    }
  }
  return USUAL.find(executable);
}

const HOW = "set CHROMIUM_PATH, or install chromium or google-chrome";

module.exports = { findChromium, HOW };

if (require.main === module) {
  const found = findChromium();
  if (!found) {
    process.stderr.write(`no Chromium found: ${HOW}\n`);
    process.exit(1);
  }
  process.stdout.write(`${found}\n`);
}
