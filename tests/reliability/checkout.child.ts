// A process that checks out a cart and prints the orders it placed: the test kills it after the
// fake has placed them and before it answers, then runs it again with the same cart id.
import { createPartnerCenterClient } from "partner-center-orders";

const [, , , baseUrl, customerId, cartId] = process.argv;

async function main() {
  const pc = createPartnerCenterClient({ credential: "t", baseUrl: baseUrl!, backoff: { baseDelayMs: 200, maxDelayMs: 1_000 }, maxRetries: 6 });
  process.stdout.write("sending\n");
  const result = await pc.carts.checkout(customerId!, cartId!);
  process.stdout.write(`${JSON.stringify({ orders: result.orders!.map((o) => o.id) })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
