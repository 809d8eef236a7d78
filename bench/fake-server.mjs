// The fake Partner Center in a process of its own, seeded with orders, so the paging benchmark's
// heap is the client's alone. Prints its URL, then serves until stdin closes.
import { startFakePartnerCenter } from "../dist/testing.mjs";

const [customerId, count, pageSize] = process.argv.slice(2);
const fake = await startFakePartnerCenter({ pageSize: Number(pageSize) });
fake.seedOrders(customerId, Number(count));
process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
process.stdin.resume();
process.stdin.on("end", () => fake.close().then(() => process.exit(0)));
