// What a browser or edge consumer ships for the client entry: esbuild bundle, minified, gzipped,
// beside openapi-fetch alone.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

async function bundled(contents) {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

export async function bundleSizes() {
  return {
    "this client (src/index.ts)": await bundled('export * from "./src/index.ts";'),
    "openapi-fetch alone": await bundled('export { default } from "openapi-fetch";'),
  };
}
