// The README's examples are files of examples/ verbatim: tsc type-checks them (npm run lint),
// this test runs the first against the Prism mock and the lifecycle against the fake Partner
// Center, and the contract kit's example and CI workflow are files Jest runs and the command reads.
import { transformSync } from "@swc/core";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as client from "../../src";
import { readContractArgs } from "../../src/contract/cli-args";
import * as testing from "../../src/testing";
import { startFakePartnerCenter } from "../../src/testing";

const ROOT = join(__dirname, "..", "..");
const example = readFileSync(join(ROOT, "examples", "create-order.ts"), "utf8");

/** Runs a TypeScript module with top-level await, resolving `partner-center-orders` to src/. */
async function runExample(source: string, env: Record<string, string>): Promise<string[]> {
  const imports = source.split("\n").filter((line) => line.startsWith("import "));
  const body = source
    .split("\n")
    .filter((line) => !line.startsWith("import "))
    .join("\n");
  const wrapped = `${imports.join("\n")}\nexport async function main() {\n${body}\n}\n`;
  const { code } = transformSync(wrapped, {
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
  });
  const logged: string[] = [];
  const module = { exports: {} as { main: () => Promise<void> } };
  const fakeRequire = (name: string) => {
    if (name === "partner-center-orders") return client;
    if (name === "partner-center-orders/testing") return testing;
    throw new Error(`the README example imports ${name}`);
  };
  const fakeConsole = { log: (...args: unknown[]) => logged.push(args.join(" ")) };
  const fakeProcess = { env };
  new Function("require", "module", "exports", "console", "process", code)(
    fakeRequire,
    module,
    module.exports,
    fakeConsole,
    fakeProcess,
  );
  await module.exports.main();
  return logged;
}

/** Runs an example against a fresh fake Partner Center: what it printed, and the fake's orders after. */
async function runAgainstFake(source: string) {
  const fake = await startFakePartnerCenter();
  try {
    const logged = await runExample(source, { PARTNER_CENTER_BASE_URL: fake.url, PARTNER_CENTER_TOKEN: "t" });
    return { logged, orders: fake.orders() };
  } finally {
    await fake.close();
  }
}

describe("the README", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");

  it("shows examples/first-call.ts on its first screen, and it places an order with the fake it starts", async () => {
    const first = readFileSync(join(ROOT, "examples", "first-call.ts"), "utf8");
    const firstScreen = readme.split("\n").slice(0, 45).join("\n");
    expect(firstScreen).toContain("```ts\n" + first + "```");
    const logged = await runExample(first, {});
    expect(logged).toEqual([expect.stringMatching(/^\S+ pending$/)]);
  });

  it("shows examples/create-order.ts, which runs against the mock below", () => {
    expect(readme).toContain("```ts\n" + example + "```");
  });

  it("shows examples/fake-partner-center.test.ts, which Jest runs, verbatim", () => {
    const fakeExample = readFileSync(join(ROOT, "examples", "fake-partner-center.test.ts"), "utf8");
    expect(readme).toContain("```ts\n" + fakeExample + "```");
  });

  it("shows examples/lifecycle.ts verbatim, and it runs against the fake Partner Center", async () => {
    const lifecycle = readFileSync(join(ROOT, "examples", "lifecycle.ts"), "utf8");
    expect(readme).toContain("```ts\n" + lifecycle + "```");
    const { logged, orders } = await runAgainstFake(lifecycle);
    const [id] = orders.map((o) => o.id);
    expect(logged).toEqual([`${id} pending`, "cancelled", `${id} cancelled`, `${id} cancelled`]);
  });

  it("shows examples/wait-for-order.ts verbatim, and it waits for an order of the fake Partner Center", async () => {
    const wait = readFileSync(join(ROOT, "examples", "wait-for-order.ts"), "utf8");
    expect(readme).toContain("```ts\n" + wait + "```");
    const { logged, orders } = await runAgainstFake(wait);
    expect(logged).toEqual([
      "poll 1: pending",
      "poll 2: completed",
      `fulfilled 2 ${orders[0]!.lineItems[0]!.subscriptionId}`,
    ]);
  }, 10_000);

  it("shows examples/buy-through-cart.ts verbatim, and it buys through a cart of the fake Partner Center", async () => {
    const buy = readFileSync(join(ROOT, "examples", "buy-through-cart.ts"), "utf8");
    expect(readme).toContain("```ts\n" + buy + "```");
    const { logged, orders } = await runAgainstFake(buy);
    const [seats, software] = orders;
    expect(logged).toEqual([
      `group 0: order ${seats!.id} fulfilled`,
      `  subscription ${seats!.lineItems[0]!.subscriptionId}: CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P x5`,
      `group 1: order ${software!.id} fulfilled`,
      `  subscription ${software!.lineItems[0]!.subscriptionId}: DG7GMGF0DWM3:0002:DG7GMGF0DT1M x1`,
    ]);
  }, 15_000);

  it("shows examples/find-in-catalog.ts verbatim, and it finds the fake catalog's new-commerce offer", async () => {
    const find = readFileSync(join(ROOT, "examples", "find-in-catalog.ts"), "utf8");
    expect(readme).toContain("```ts\n" + find + "```");
    const { logged } = await runAgainstFake(find);
    expect(logged).toEqual([
      "Microsoft 365 Business Basic: CFQ7TTC0LH18:0001:CFQ7TTC0K971 P1Y Annual",
      "  before buying: MicrosoftCloudAgreement",
    ]);
  });

  it("shows examples/clear-prerequisites.ts verbatim, and it buys the Azure plan only after confirming the MCA", async () => {
    const clear = readFileSync(join(ROOT, "examples", "clear-prerequisites.ts"), "utf8");
    expect(readme).toContain("```ts\n" + clear + "```");
    const { logged, orders } = await runAgainstFake(clear);
    expect(logged).toEqual([
      "confirmed the customer's MCA acceptance for Microsoft Azure plan",
      "ordered DZH318Z0BPS6:0001:FAKE0000AP01: pending",
    ]);
    expect(orders.map((o) => o.lineItems[0]!.offerId)).toEqual(["DZH318Z0BPS6:0001:FAKE0000AP01"]);
  });

  it("shows examples/change-subscription.ts verbatim, and it adds, removes and cancels seats of the fake's new-commerce subscription", async () => {
    const change = readFileSync(join(ROOT, "examples", "change-subscription.ts"), "utf8");
    expect(readme).toContain("```ts\n" + change + "```");
    const { logged } = await runAgainstFake(change);
    expect(logged).toEqual([
      "seats 5, auto-renew true, removable 5",
      "seats 4",
      expect.stringMatching(/^deleted; cancellable until \d{4}-\d\d-\d\dT[\d:.]+Z$/),
    ]);
  });

  it("shows examples/reconcile-from-audit-log.ts verbatim, and it finds the order whose answer was lost", async () => {
    const reconcile = readFileSync(join(ROOT, "examples", "reconcile-from-audit-log.ts"), "utf8");
    expect(readme).toContain("```ts\n" + reconcile + "```");
    const { logged, orders } = await runAgainstFake(reconcile);
    expect(logged).toEqual([`placed: order ${orders[0]!.id}, 2 x DG7GMGF0FKZV:0003:DG7GMGF0DWMS, succeeded`]);
  });

  it("shows examples/per-operation.ts verbatim, and its functions run on a core against the fake", async () => {
    const perOperation = readFileSync(join(ROOT, "examples", "per-operation.ts"), "utf8");
    expect(readme).toContain("```ts\n" + perOperation + "```");
    const { logged, orders } = await runAgainstFake(perOperation);
    expect(logged).toEqual([`${orders[0]!.id} pending`, orders[0]!.id]);
  });

  it("shows examples/mock-conformance.test.ts, which Jest runs, verbatim", () => {
    const conformance = readFileSync(join(ROOT, "examples", "mock-conformance.test.ts"), "utf8");
    expect(readme).toContain("```ts\n" + conformance + "```");
  });

  it("shows examples/contract-ci.yml verbatim, and its contract command is one the command takes", () => {
    const workflow = readFileSync(join(ROOT, "examples", "contract-ci.yml"), "utf8");
    expect(readme).toContain("```yaml\n" + workflow + "```");
    const [line] = workflow.split("\n").filter((l) => l.includes("npx partner-center-orders contract"));
    const argv = line!
      .split("npx partner-center-orders contract ")[1]!
      .replace('"$PC_CUSTOMER_ID"', "b0d70a69-4c42-4b27-b17b-91a835d8686a")
      .split(" ");
    expect(
      readContractArgs(argv, { PARTNER_CENTER_BASE_URL: "https://api.partnercenter.microsoft.com/v1" }),
    ).toMatchObject({ writes: true, fuzz: 20, junit: "contract.xml" });
    expect(workflow).toContain("PARTNER_CENTER_BASE_URL: https://api.partnercenter.microsoft.com/v1");
  });

  it("runs its createOrder example against the mock", async () => {
    const logged = await runExample(example, {
      PARTNER_CENTER_BASE_URL: process.env.PRISM_URL!,
      PARTNER_CENTER_TOKEN: "t",
    });
    expect(logged).toEqual(["Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1 pending"]);
  });

  it("names in its reference tables every resource method, every option of the fake and every flag of the contract command", () => {
    const reference = readme.slice(readme.indexOf("## Reference"), readme.indexOf("## Performance"));
    const pc = client.createPartnerCenterClient({ credential: "t" });
    const methods = (["orders", "carts", "subscriptions"] as const).flatMap((resource) =>
      Object.keys(pc[resource]).map((name) => `pc.${resource}.${name}(`),
    );
    const options = [
      ...readFileSync(join(ROOT, "src", "testing", "options.ts"), "utf8").matchAll(/^  (\w+)\?:/gm),
      ...readFileSync(join(ROOT, "src", "testing", "state", "lifecycle.ts"), "utf8").matchAll(/^  (\w+)\?:/gm),
    ].map((m) => `\`${m[1]}\``);
    const flags = [
      ...readFileSync(join(ROOT, "src", "contract", "cli-args.ts"), "utf8").matchAll(/"(--[a-z-]+)"/g),
    ].map((m) => `\`${m[1]}`);
    expect(methods.length).toBeGreaterThan(15);
    expect(options.length).toBeGreaterThan(20);
    expect(flags.length).toBeGreaterThan(8);
    expect([...methods, ...options, ...flags].filter((name) => !reference.includes(name))).toEqual([]);
  });
});
