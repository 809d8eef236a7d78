// What a browser or edge consumer ships: each entry bundled as a bundler would for the browser
// (esbuild, browser conditions, minified) and gzipped (level 9). This client is measured as
// built (dist/index.browser.mjs, what the package's browser, worker and edge-light conditions
// give), beside the same entry as Node gets it, openapi-fetch alone, and Azure's REST client
// with its pipeline.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

async function bundled(contents) {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/** Needs `npm run build` (npm run bench builds first). */
export async function bundleSizes() {
  return {
    "this client, browser/edge build": await bundled('export * from "./dist/index.browser.mjs";'),
    "this client, Node build": await bundled('export * from "./dist/index.mjs";'),
    "openapi-fetch alone": await bundled('export { default } from "openapi-fetch";'),
    "Azure REST client + pipeline": await bundled('export * from "@azure-rest/core-client"; export * from "@azure/core-rest-pipeline";'),
  };
}
