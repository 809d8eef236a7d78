// The API reference (`npm run docs`, redocly build-docs) opened in headless Chromium: every
// operation of the spec is on the page, by operationId, once its section is expanded; the page
// asks for nothing outside its file; decision codes link to spec/README.md; example lines wrap.
import { execFileSync } from "node:child_process";
import { join, relative } from "node:path";
import { browserTest } from "../helpers/chromium";
import { operations } from "../helpers/spec";

const ROOT = join(__dirname, "..", "..");
describe("the API reference", () => {
  browserTest(
    "shows every operationId of the spec",
    "pco-docs-",
    async (dir, newPage) => {
      const html = join(dir, "index.html");
      execFileSync(process.execPath, [join(ROOT, "scripts", "docs.mjs"), html], { cwd: ROOT, stdio: "pipe" });
      const page = await newPage({ viewport: { width: 1400, height: 1000 } });
      // Every request the page makes, blocked ones included: only the file itself and what it holds.
      const outside: string[] = [];
      page.on("request", (request) => {
        if (!/^(file|data|blob):/.test(request.url())) outside.push(request.url());
      });
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
      // One section per tag of the spec; a section far down renders only once scrolled to.
      const sections = [...new Set(operations().map((op) => slug(op.operation.tags[0])))];
      let text = "";
      const anchors: (string | null)[] = [];
      for (const id of sections) {
        const expected = operations()
          .filter((op) => slug(op.operation.tags[0]) === id)
          .map((op) => op.operationId);
        const show = page.locator(`[data-section-id="${id}"] button`, { hasText: /^\+ Show$/ });
        for (let tries = 0; tries < 100 && !(await show.count()); tries++) {
          await page.locator(`[data-section-id="${id}"]`).first().scrollIntoViewIfNeeded();
          await page.mouse.wheel(0, 700);
          await page.waitForTimeout(25);
        }
        await show.click();
        // Operations render only while near the viewport: go to each by its entry in the side
        // menu, as a reader would, and read it there. Scrolling through a section instead took
        // 200 steps and still missed most of its operations (59 s for the page against 22 s).
        let seen = "";
        for (const opId of expected) {
          // An operation the menu lacks is left for the check below to name.
          const entry = page.locator(`a[href$='/${opId.toLowerCase()}']`).first();
          if (!(await entry.count())) continue;
          await entry.click();
          for (let tries = 0; tries < 40 && !seen.includes(opId); tries++) {
            seen += await body.innerText();
            if (!seen.includes(opId)) await page.waitForTimeout(50);
          }
        }
        text += seen;
        anchors.push(
          ...(await page.locator("a[href^='#/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")))),
        );
      }
      const decisionLinks = await page
        .locator("a[href*='README.md#']")
        .evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute("href")]));
      const wide = await page
        .locator("[data-component-name='CodeBlock/CodeBlockContainer']")
        .evaluateAll((blocks) =>
          blocks
            .filter((block) => block.scrollWidth > block.clientWidth + 1)
            .map((block) => block.textContent?.slice(0, 60)),
        );
      expect(outside).toEqual([]);
      expect(decisionLinks).toContainEqual(["D1", `${relative(dir, join(ROOT, "spec", "README.md"))}#d1`]);
      expect(wide).toEqual([]);
      expect(sections.length).toBeGreaterThan(0);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => !text.includes(id))).toEqual([]);
      expect(ids.filter((id) => !anchors.some((href) => href?.endsWith(`/${id.toLowerCase()}`)))).toEqual([]);
      // A minute, not seconds: rendering the page took over 20 s with both cores busy.
    },
    180_000,
  );
});
