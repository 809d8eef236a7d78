// A consumer pays for what it calls: one that creates orders through the per-operation functions
// bundles (as a browser bundler would, from source) none of the other operations' rules and none
// of the parts only they use. The sizes themselves are the bench's (npm run bench, section 3).
import { build, type Metafile } from "esbuild";
import { operations } from "../../generated/request-rules";
import { browserSiblings } from "../../scripts/browser-siblings.mjs";

async function bundle(contents: string): Promise<{ code: string; carried: Set<string> }> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [browserSiblings],
  });
  const inputs = Object.values((result.metafile as Metafile).outputs)[0]!.inputs;
  const carried = new Set(Object.keys(inputs).filter((file) => inputs[file]!.bytesInOutput > 0));
  return { code: result.outputFiles[0]!.text, carried };
}

const CREATE_ONLY =
  'import { createPartnerCenterCore, createOrder } from "./src/index.ts";\n' +
  'const pc = createPartnerCenterCore({ credential: "token" });\n' +
  'export const go = () => createOrder(pc, "c", { lineItems: [{ offerId: "o", quantity: 1 }] });';

describe("a consumer that only creates orders", () => {
  let createOnly: Awaited<ReturnType<typeof bundle>>;
  beforeAll(async () => {
    createOnly = await bundle(CREATE_ONLY);
  });

  it("carries createOrder's rule", () => {
    expect(createOnly.code).toContain('"/customers/{customer_id}/orders"');
    expect(createOnly.code).toContain('"createOrder"');
  });

  it.each(Object.keys(operations).filter((id) => id !== "createOrder"))("carries no rule of %s", (operationId) => {
    expect(createOnly.code).not.toMatch(new RegExp(`["'\`]${operationId}["'\`]`));
  });

  it.each([
    "src/resources/carts.ts",
    "src/resources/subscriptions.ts",
    "src/resources/order-documents.ts",
    "src/polling/poller.ts",
    "src/rate-limit/shared-rate-limiter.ts",
    "src/credentials/refresh-token-credential.ts",
    "src/calls/call-by-name.ts",
    "src/calls/through-middleware.ts",
    "src/calls/openapi-fetch-bridge.ts",
    "src/calls/list-pages.ts",
    "src/rules/request.ts",
  ])("carries nothing of %s", (file) => {
    expect(createOnly.carried.has(file)).toBe(false);
  });

  it("carries what the whole client does not leave out (a check that the test can tell)", async () => {
    const whole = await bundle('export * from "./src/index.ts";');
    expect(whole.carried.has("src/resources/carts.ts")).toBe(true);
    expect(whole.carried.has("src/rate-limit/shared-rate-limiter.ts")).toBe(true);
    expect(whole.code).toMatch(/["'`]checkoutCart["'`]/);
  });
});
