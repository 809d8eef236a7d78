// The API reference (`npm run docs`, redocly build-docs) opened in headless Chromium: every
// operation of the spec is on the page, by operationId, once its section is expanded.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../helpers/chromium";
import { operations } from "../helpers/spec";

const ROOT = join(__dirname, "..", "..");
const out = mkdtempSync(join(tmpdir(), "pco-docs-"));
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

describe("the API reference", () => {
  it("shows every operationId of the spec", async () => {
    const html = join(out, "index.html");
    execFileSync(join(ROOT, "node_modules", ".bin", "redocly"), ["build-docs", "partner-center-orders@v1", "--inlineBundle", "-o", html], {
      cwd: ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: "off" },
      stdio: "pipe",
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`file://${html}`);
    // Redoc renders on the server, then hydrates; buttons work once "Loading..." is gone.
    const body = page.locator("body");
    for (let tries = 0; tries < 200; tries++) {
      const text = await body.innerText();
      if (text.includes("Partner Center Orders API") && !text.includes("Loading...")) break;
      await page.waitForTimeout(50);
    }
    // Each tag section expands on its own "+ Show" and collapses the one open before it.
    const ids = operations().map((op) => op.operationId);
    const slug = (tag: string) => `/${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
    const sections = await page.locator("[data-section-id]", { has: page.locator("button", { hasText: /^\+ Show$/ }) }).evaluateAll(
      (found) => found.map((section) => section.getAttribute("data-section-id")!),
    );
    let text = "";
    const anchors: (string | null)[] = [];
    for (const id of sections) {
      const expected = operations().filter((op) => slug(op.operation.tags[0]) === id).map((op) => op.operationId);
      await page.locator(`[data-section-id="${id}"] button`, { hasText: /^\+ Show$/ }).click();
      // Operations render only while near the viewport: scroll through the section, reading as we go.
      let seen = "";
      for (let step = 0; step < 200 && !expected.every((opId) => seen.includes(opId)); step++) {
        seen += await body.innerText();
        await page.mouse.wheel(0, 700);
        await page.waitForTimeout(25);
      }
      text += seen;
      anchors.push(...(await page.locator("a[href^='#/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")))));
    }
    expect(sections.length).toBeGreaterThan(0);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !text.includes(id))).toEqual([]);
    expect(ids.filter((id) => !anchors.some((href) => href?.endsWith(`/${id.toLowerCase()}`)))).toEqual([]);
  }, 60_000);
});
