// The package build: ESM and CommonJS bundles of the client, its types-only entry, the fake
// Partner Center for tests (partner-center-orders/testing) and the contract kit
// (partner-center-orders/contract), the shared limiter on Redis (partner-center-orders/redis), each with bundled declarations (.d.mts for import, .d.ts for
// require); the contract command (bin, CommonJS); and the client again for browsers and edge
// runtimes, where every module with a `.browser.ts` sibling is replaced by it (no node:http code).
// openapi-fetch stays a dependency; what the contract kit uses (Ajv's runtime, fast-check) is
// bundled into its own entries, so the client entry gains nothing from it.
import { defineConfig, type Options } from "tsup";
import { browserSiblings } from "./scripts/browser-siblings.mjs";

const shared: Options = { target: "node20", platform: "neutral", sourcemap: false, external: ["openapi-fetch"] };

export default defineConfig([
  { ...shared, entry: { index: "src/index.ts", types: "src/types.ts", testing: "src/testing/index.ts", contract: "src/contract/index.ts", otel: "src/otel/index.ts", redis: "src/redis/index.ts" }, format: ["esm", "cjs"], dts: true,
    // The builds run at once: the clean spares the browser bundle and the command, which the others rewrite.
    clean: ["!index.browser.mjs", "!cli.js"] },
  { ...shared, entry: { cli: "src/contract/cli.ts" }, format: ["cjs"], dts: false, platform: "node", banner: { js: "#!/usr/bin/env node" } },
  { ...shared, entry: { "index.browser": "src/index.ts" }, format: ["esm"], dts: false, esbuildPlugins: [browserSiblings] },
]);
