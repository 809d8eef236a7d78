// The browser the API-reference test drives through playwright-core (which downloads none of its
// own): whichever scripts/find-chromium.cjs finds. Without one the test is reported as not run,
// unless BROWSER_TEST=required (as .ci/run sets), which makes a missing browser a failure.
import { chromium, type Browser } from "playwright-core";
import { findChromium, HOW } from "../../scripts/find-chromium.cjs";

export const CHROMIUM = findChromium();
export const BROWSER_REQUIRED = process.env.BROWSER_TEST === "required";
/** Why the browser test does not run, or undefined when it does. */
export const NO_BROWSER = CHROMIUM || BROWSER_REQUIRED ? undefined : `no Chromium found (${HOW}; CI requires it)`;

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(`BROWSER_TEST=required but no Chromium found: ${HOW}`);
  return chromium.launch({
    executablePath: CHROMIUM,
    // The machine's network is closed: keep Chromium from calling home at every start.
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync",
    ],
  });
}
