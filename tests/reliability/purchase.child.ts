// A process that buys and prints what it placed: `checkout <cart id>` checks a cart out, `create
// <idempotency key>` creates an order under the key. The tests kill it after the fake has placed
// the orders and before it answers, then run it again with the same cart id or key.
import { createPartnerCenterClient } from "partner-center-orders";

const [, , , how, baseUrl, customerId, id] = process.argv;

async function main() {
  const pc = createPartnerCenterClient({
    credential: "t",
    baseUrl: baseUrl!,
    backoff: { baseDelayMs: 200, maxDelayMs: 1_000 },
    maxRetries: 6,
  });
  process.stdout.write("sending\n");
  const orders =
    how === "checkout"
      ? (await pc.carts.checkout(customerId!, id!)).orders!.map((o) => o.id)
      : [
          (
            await pc.orders.create(
              customerId!,
              { lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] },
              { idempotencyKey: id! },
            )
          ).id,
        ];
  process.stdout.write(`${JSON.stringify({ orders })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
