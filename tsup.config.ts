// The package build: ESM and CommonJS bundles of the client, its types-only entry and the fake
// Partner Center for tests (partner-center-orders/testing), each with
// bundled declarations (.d.mts for import, .d.ts for require). openapi-fetch stays a dependency.
import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", types: "src/types.ts", testing: "src/testing/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "node20",
  platform: "neutral",
  sourcemap: false,
  external: ["openapi-fetch"],
});
