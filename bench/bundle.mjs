// What a browser or edge consumer ships: each entry bundled as a bundler would for the browser
// (esbuild, browser conditions, minified) and gzipped (level 9). This client is measured as
// built (dist/index.browser.mjs, what the package's browser, worker and edge-light conditions
// give), beside the same entry as Node gets it, openapi-fetch alone, and Azure's REST client
// with its pipeline; then what each part of the browser/edge build costs in it.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { browserSiblings } from "../scripts/browser-siblings.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** `contents` (an ES module, imports resolved from `resolveDir`) bundled, minified and gzipped. */
export async function bundledSize(contents, { resolveDir = ROOT, plugins = [], platform = "browser" } = {}) {
  const result = await build({
    stdin: { contents, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    logLevel: "silent",
    plugins,
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/** Needs `npm run build` (npm run bench builds first). */
export async function bundleSizes() {
  return {
    "this client, browser/edge build": await bundledSize('export * from "./dist/index.browser.mjs";'),
    // Bundled for Node: its proxy agents use node:http and node:net, which a Node bundle leaves to Node.
    "this client, Node build": await bundledSize('export * from "./dist/index.mjs";', { platform: "node" }),
    "openapi-fetch alone": await bundledSize('export { default } from "openapi-fetch";'),
    "Azure REST client + pipeline": await bundledSize(
      'export * from "@azure-rest/core-client"; export * from "@azure/core-rest-pipeline";',
    ),
    ...(await consumerSizes()),
  };
}

const CREATE = '{ lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] }';

/**
 * Real consumers, as a service would write them, bundled for the browser: what each one ships. A
 * consumer that calls the per-operation functions on a core keeps only those operations; one that
 * uses pc.orders keeps the whole client, as every method of it is reachable.
 */
async function consumerSizes() {
  const entry = "./dist/index.browser.mjs";
  const core = `const pc = createPartnerCenterCore({ credential: "token" });\n`;
  const client = `import { createPartnerCenterClient } from "${entry}";\nconst pc = createPartnerCenterClient({ credential: "token" });\n`;
  return {
    "consumer: creates orders": await bundledSize(
      `import { createPartnerCenterCore, createOrder } from "${entry}";\n${core}export const go = () => createOrder(pc, "c", ${CREATE});`,
    ),
    "consumer: buys through a cart": await bundledSize(
      `import { createPartnerCenterCore, createCart, checkoutCartAndWait } from "${entry}";\n${core}` +
        'export const go = async () => checkoutCartAndWait(pc, "c", (await createCart(pc, "c", { lineItems: [] })).id);',
    ),
    "consumer: creates orders with pc.orders": await bundledSize(
      `${client}export const go = () => pc.orders.create("c", ${CREATE});`,
    ),
    "consumer: imports everything": await bundledSize(`export * from "${entry}";`),
    "consumer: creates orders, on Azure's REST client": await bundledSize(
      'import { getClient } from "@azure-rest/core-client";\n' +
        'const client = getClient("https://api.partnercenter.microsoft.com/v1", { getToken: async () => ({ token: "t", expiresOnTimestamp: 0 }) }, { credentials: { scopes: ["s"] } });\n' +
        `export const go = () => client.path("/customers/{customer_id}/orders", "c").post({ body: ${CREATE} });`,
    ),
    "consumer: creates orders, on bare openapi-fetch": await bundledSize(
      'import createClient from "openapi-fetch";\n' +
        'const client = createClient({ baseUrl: "https://api.partnercenter.microsoft.com/v1" });\n' +
        `export const go = () => client.POST("/customers/{customer_id}/orders", { params: { path: { customer_id: "c" } }, body: ${CREATE} });`,
    ),
  };
}

/**
 * Each part of the client, with the modules only it uses. What the browser/edge build loses when a
 * part is left out (its modules bundled as empty) is what the part costs; "all of them" gives what
 * remains: the client's core (options, credential, sending and retrying, errors, links, paging).
 */
const PARTS = {
  "openapi-fetch (the stack's HTTP layer)": ["openapi-fetch"],
  "request checks (generated rules, binder, messages)": [
    "generated/request-rules.ts",
    "src/rules/bind.ts",
    "src/rules/bind-request.ts",
    "src/rules/request.ts",
    "src/rules/operation-checks.ts",
  ],
  "provisioning poller": [
    "src/polling/poller.ts",
    "src/polling/poller-state.ts",
    "src/polling/provisioning-outcome.ts",
  ],
  "pacing (rate limiter)": ["src/rate-limit/rate-limiter.ts"],
  "fast path (light request, buffered response, deadline queue)": [
    "src/internal/fast/light-request.ts",
    "src/internal/fast/buffered-response.ts",
    "src/internal/fast/deadlines.ts",
  ],
};

function leftOut(modules) {
  const wanted = (path) =>
    modules.some((m) => path === m || path.endsWith(`/${m}`) || path.includes(`/node_modules/${m}/`));
  return {
    name: "left-out",
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === "left-out") return undefined;
        const result = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: "left-out",
        });
        return wanted(result.path.replaceAll("\\", "/"))
          ? { path: `${result.path}.left-out.cjs`, namespace: "left-out" }
          : undefined;
      });
      // CommonJS, so that every name its importers ask for exists (undefined): the rest still bundles.
      build.onLoad({ filter: /.*/, namespace: "left-out" }, () => ({ contents: "module.exports = {};", loader: "js" }));
    },
  };
}

/** The browser/edge build from source, whole and with each part left out. */
export async function partCosts() {
  const entry = 'export * from "./src/index.ts";';
  const whole = await bundledSize(entry, { plugins: [browserSiblings] });
  const costs = { "whole (from source)": whole };
  const without = async (modules) => {
    const rest = await bundledSize(entry, { plugins: [leftOut(modules), browserSiblings] });
    return { minified: whole.minified - rest.minified, gzipped: whole.gzipped - rest.gzipped };
  };
  for (const [part, modules] of Object.entries(PARTS)) costs[part] = await without(modules);
  costs["all of them"] = await without(Object.values(PARTS).flat());
  costs.core = {
    minified: whole.minified - costs["all of them"].minified,
    gzipped: whole.gzipped - costs["all of them"].gzipped,
  };
  return costs;
}
