// The package build: ESM and CommonJS bundles of the client, its types-only entry and the fake
// Partner Center for tests (partner-center-orders/testing), each with bundled declarations
// (.d.mts for import, .d.ts for require); and the client again for browsers and edge runtimes,
// where every module with a `.browser.ts` sibling is replaced by it (no node:http code).
// openapi-fetch stays a dependency.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Options } from "tsup";

const shared: Options = { target: "node20", platform: "neutral", sourcemap: false, external: ["openapi-fetch"] };

const browserSiblings: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "browser-siblings",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const sibling = resolve(args.resolveDir, `${args.path}.browser.ts`);
      return existsSync(sibling) ? { path: sibling } : undefined;
    });
  },
};

export default defineConfig([
  { ...shared, entry: { index: "src/index.ts", types: "src/types.ts", testing: "src/testing/index.ts" }, format: ["esm", "cjs"], dts: true,
    // Both builds run at once: the clean spares the browser bundle, which the second rewrites.
    clean: ["!index.browser.mjs"] },
  { ...shared, entry: { "index.browser": "src/index.ts" }, format: ["esm"], dts: false, esbuildPlugins: [browserSiblings] },
]);
