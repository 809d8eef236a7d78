// The TypeScript API reference (`npm run docs:ts`, typedoc over the package's entry points) opened
// in headless Chromium: every name each entry point exports, as the TypeScript compiler lists
// them, is on that entry point's page, and the pages ask for nothing outside their files.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import ts from "typescript";
import { browserTest } from "../helpers/chromium";

const ROOT = join(__dirname, "..", "..");
const ENTRIES: Record<string, string> = {
  index: "src/index.ts",
  types: "src/types.ts",
  testing: "src/testing/index.ts",
  contract: "src/contract/index.ts",
  otel: "src/otel/index.ts",
  redis: "src/redis/index.ts",
};

/** What each entry point exports, by the compiler (types, interfaces and values alike). */
function exportedNames(): Record<string, string[]> {
  const program = ts.createProgram(
    Object.values(ENTRIES).map((file) => join(ROOT, file)),
    {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      resolveJsonModule: true,
      skipLibCheck: true,
    },
  );
  const checker = program.getTypeChecker();
  return Object.fromEntries(
    Object.entries(ENTRIES).map(([name, file]) => {
      const symbol = checker.getSymbolAtLocation(program.getSourceFile(join(ROOT, file))!)!;
      return [name, checker.getExportsOfModule(symbol).map((s) => s.getName())];
    }),
  );
}

describe("the TypeScript API reference", () => {
  browserTest(
    "shows every name each entry point exports",
    "pco-typedoc-",
    async (dir, newPage) => {
      execFileSync(
        join(ROOT, "node_modules", ".bin", "typedoc"),
        ["--options", join(ROOT, "typedoc.json"), "--out", dir],
        { cwd: ROOT, stdio: "pipe" },
      );
      const page = await newPage();
      const outside: string[] = [];
      page.on("request", (request) => {
        if (!/^(file|data|blob):/.test(request.url())) outside.push(request.url());
      });
      const missing: string[] = [];
      const expected = exportedNames();
      for (const [entry, names] of Object.entries(expected)) {
        await page.goto(`file://${join(dir, "modules", `${entry}.html`)}`);
        const text = await page.locator("body").innerText();
        const words = new Set(text.split(/[^\w$]+/));
        for (const name of names) if (!words.has(name)) missing.push(`${entry}: ${name}`);
      }
      expect(Object.values(expected).flat().length).toBeGreaterThan(100);
      expect(missing).toEqual([]);
      expect(outside).toEqual([]);
    },
    // typedoc and Chromium took over 120 s under a load of 8 on 2 cores (24 s alone).
    360_000,
  );
});
