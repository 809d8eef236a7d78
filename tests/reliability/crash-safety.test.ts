// Crash safety shown with a real process, killed (SIGKILL) after the fake has placed what it asked
// for and before its answer arrives, then started again: with the cart id it stored, a checkout
// gets exactly the orders the first placed (idempotent by the service's promise, D43); with the
// same idempotencyKey, a create gets the one order the first placed (the key derives the
// MS-RequestId, whose retention the service does not document).
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createPartnerCenterClient } from "partner-center-orders";
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";
import { until } from "../helpers/until";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const ROOT = join(__dirname, "..", "..");

let fake: FakePartnerCenter;
// The checkout answers 1.5 s after it has placed its orders: the window in which the first run dies.
beforeAll(async () => (fake = await startFakePartnerCenter({ token: "t", checkoutDelayMs: 1_500 })));
afterAll(() => fake.close());

function purchaseProcess(
  how: "checkout" | "create",
  id: string,
): { child: ChildProcess; output: Promise<{ stdout: string; code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(
    process.execPath,
    [join(ROOT, "tests", "helpers", "child.cjs"), join(__dirname, "purchase.child.ts"), how, fake.url, CUSTOMER, id],
    { cwd: ROOT },
  );
  let stdout = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const output = new Promise<{ stdout: string; code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ stdout, code, signal })),
  );
  return { child, output };
}

it("a process killed between the fake's commit and its answer, run again with the stored cart id, gets exactly the same orders", async () => {
  const pc = createPartnerCenterClient({ credential: "t", baseUrl: fake.url });
  const cart = await pc.carts.create(CUSTOMER, {
    lineItems: [
      { catalogItemId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 3, billingCycle: "monthly" },
      { catalogItemId: "DG7GMGF0DWM3:0002:DG7GMGF0DT1M", quantity: 1, billingCycle: "one_time" },
    ],
  });

  const first = purchaseProcess("checkout", cart.id!);
  await until(() => fake.stats.created === 2, 20_000);
  first.child.kill("SIGKILL");
  const died = await first.output;
  expect(died.signal).toBe("SIGKILL");
  expect(died.stdout).toBe("sending\n");
  const placed = fake
    .orders(CUSTOMER)
    .map((o) => o.id)
    .sort();
  expect(placed).toHaveLength(2);

  const second = await purchaseProcess("checkout", cart.id!).output;
  expect(second).toMatchObject({ stdout: expect.stringMatching(/^sending\n{"orders"/), code: 0 });
  const { orders } = JSON.parse(second.stdout.split("\n")[1]!) as { orders: string[] };
  expect([...orders].sort()).toEqual(placed);
  expect(fake.stats.created).toBe(2);
  expect(fake.orders(CUSTOMER)).toHaveLength(2);
}, 60_000);

it("a process killed between the fake's commit of a create and its answer, run again with the same idempotencyKey, gets the one order", async () => {
  // The answer to the first create never comes: the order is placed, then the connection stalls.
  fake.injectFaults({ type: "stall", after: true });
  const before = fake.stats.created;
  const first = purchaseProcess("create", "erp-job-42");
  await until(() => fake.stats.created === before + 1, 20_000);
  first.child.kill("SIGKILL");
  expect((await first.output).signal).toBe("SIGKILL");
  const [placed] = fake.orders(CUSTOMER).slice(-1);

  const second = await purchaseProcess("create", "erp-job-42").output;
  expect(second).toMatchObject({ stdout: expect.stringMatching(/^sending\n{"orders"/), code: 0 });
  expect(JSON.parse(second.stdout.split("\n")[1]!)).toEqual({ orders: [placed!.id] });
  expect(fake.stats.created).toBe(before + 1);
  expect(fake.stats.replays).toBeGreaterThanOrEqual(1);
}, 60_000);
