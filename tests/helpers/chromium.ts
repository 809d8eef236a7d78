// The browser the API-reference test drives through playwright-core (which downloads none of its
// own): whichever scripts/find-chromium.cjs finds. Without one the test is reported as not run,
// unless BROWSER_TEST=required (as .ci/run sets), which makes a missing browser a failure.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
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
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A test that opens pages in Chromium, with a folder of its own (`prefix`). Without a browser it
 * is skipped under a title that says why (the run ends with a "not run:" line for it), never
 * passed. The folder is made by the test itself, since Jest runs no hooks in a file whose every
 * test is skipped; it and the browser are gone after the file's tests.
 */
export function browserTest(
  title: string,
  prefix: string,
  body: (dir: string, newPage: (options?: BrowserContextOptions) => Promise<Page>) => Promise<void>,
  timeoutMs: number,
): void {
  let browser: Browser | undefined;
  let dir: string | undefined;
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  (NO_BROWSER ? it.skip : it)(
    NO_BROWSER ? `${title}: ${NO_BROWSER}` : title,
    async () => {
      dir = mkdtempSync(join(tmpdir(), prefix));
      await body(dir, async (options) => (browser ??= await launchChromium()).newPage(options));
    },
    timeoutMs,
  );
}
