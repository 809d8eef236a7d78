// The package build: ESM and CommonJS bundles of the client and its types-only entry, each with
// bundled declarations (.d.mts for import, .d.ts for require). openapi-fetch stays a dependency.
import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", types: "src/types.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "node20",
  platform: "neutral",
  sourcemap: false,
  external: ["openapi-fetch"],
});
