// The TypeScript API reference (`npm run docs:ts`, typedoc over the package's entry points) opened
// in headless Chromium: every name each entry point exports, as the TypeScript compiler lists
// them, is on that entry point's page, the pages ask for nothing outside their files, and the
// generated schema's interfaces read as written.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { browserTest } from "../helpers/chromium";

const ROOT = join(__dirname, "..", "..");
/** Each entry point's page, by its source file. */
const PAGES: Record<string, string> = {
  "src/index.ts": "index",
  "src/types.ts": "types",
  "src/testing/index.ts": "testing",
  "src/contract/index.ts": "contract",
  "src/otel/index.ts": "otel",
  "src/redis/index.ts": "redis",
};

describe("the TypeScript API reference", () => {
  browserTest(
    "shows every name each entry point exports",
    "pco-typedoc-",
    async (dir, newPage) => {
      // The plugin lists each entry point's exports from the program TypeDoc built: a program of
      // the test's own took 4.4 s of CPU (the file took 38 s in all).
      execFileSync(
        join(ROOT, "node_modules", ".bin", "typedoc"),
        [
          "--options",
          join(ROOT, "typedoc.json"),
          "--out",
          dir,
          // A plugin given here replaces typedoc.json's list, so its own is given again.
          "--plugin",
          join(ROOT, "scripts", "typedoc-types-as-written.mjs"),
          "--plugin",
          join(__dirname, "..", "helpers", "typedoc-exports.mjs"),
        ],
        { cwd: ROOT, stdio: "pipe" },
      );
      const page = await newPage();
      const outside: string[] = [];
      page.on("request", (request) => {
        if (!/^(file|data|blob):/.test(request.url())) outside.push(request.url());
      });
      const missing: string[] = [];
      const exports = JSON.parse(readFileSync(join(dir, "exports.json"), "utf8")) as Record<string, string[]>;
      const expected = Object.entries(PAGES).map(([file, entry]) => [entry, exports[join(ROOT, file)] ?? []] as const);
      expect(expected.filter(([, names]) => names.length === 0)).toEqual([]);
      for (const [entry, names] of expected) {
        await page.goto(`file://${join(dir, "modules", `${entry}.html`)}`);
        const text = await page.locator("body").innerText();
        const words = new Set(text.split(/[^\w$]+/));
        for (const name of names) if (!words.has(name)) missing.push(`${entry}: ${name}`);
      }
      // A path's operation is a link to its one definition, not a copy of it (15 MB for this page).
      await page.goto(`file://${join(dir, "interfaces", "index.paths.html")}`);
      const paths = await page.locator(".tsd-signature").first().innerText();
      expect(paths).toMatch(/\bpost: operations\["createOrder"\];/);
      const sizes = readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".html"))
        .map((file) => statSync(join(dir, file)).size);
      expect(Math.max(...sizes)).toBeLessThan(4_000_000);
      expect(expected.flatMap(([, names]) => names).length).toBeGreaterThan(100);
      expect(missing).toEqual([]);
      expect(outside).toEqual([]);
    },
    // typedoc and Chromium took over 120 s under a load of 8 on 2 cores when the generated
    // interfaces were printed in full (14.7 s alone then, 12.1 s now).
    360_000,
  );
});
