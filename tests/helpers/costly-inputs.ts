// Inputs an attacker picks to make one call cost a lot, each run by name in a worker thread
// (runIsolated with a timeout), since a synchronous loop cannot be interrupted by Jest's timer.
import { groupOfOrders } from "../../src/polling/order-groups";
import { caProblems } from "../../src/transport/transport-options";
import { redactSecrets, withoutCustomerIds } from "../../src/internal/redact";
import { bindRequest } from "../../src/rules/request";
import { closest } from "../../src/rules/suggest";

const MB = 1_000_000;
const CASES: ReadonlyMap<string, () => unknown> = new Map<string, () => unknown>([
  [
    "a 1 MB key to suggest a name for",
    () => closest("a".repeat(MB), ["lineItems", "billingCycle", "quantity"]) ?? "no suggestion",
  ],
  ["a 1 MB message of eyJ blocks to redact", () => redactSecrets("eyJ".repeat(MB / 3)).length],
  [
    "a 1 MB message of eyJ blocks with one dot to redact",
    () => redactSecrets(`${"eyJa".repeat(MB / 4)}.${"b".repeat(MB)}`).length,
  ],
  [
    "a 3 MB ca of BEGIN lines and no END to check (a lazy regex: quadratic, 8 s for 1 MB)",
    () => caProblems(["-----BEGIN CERTIFICATE-----\n".repeat((3 * MB) / 28)], false).length,
  ],
  [
    "a 1 MB message of /customers/ segments to redact",
    () => withoutCustomerIds("/customers/".repeat(MB / 11), "x".repeat(1000)).length,
  ],
  [
    "a checkout of 60,000 cart lines to group (quadratic: 9.5 s for 20,000)",
    () => {
      const lines = Array.from({ length: 60_000 }, (_, i) => ({ catalogItemId: `item-${i}`, orderGroup: "0" }));
      return groupOfOrders(lines, [
        { id: "o", lineItems: lines.map((line, lineItemNumber) => ({ lineItemNumber, offerId: line.catalogItemId })) },
      ]);
    },
  ],
  [
    "four 1 MB unknown keys in an order and its line items (the old edit distance: 12 s each)",
    () =>
      bindRequest("createOrder", {
        path: { customer_id: "b0d70a69-4c42-4b27-b17b-91a835d8686a" },
        body: {
          ["x".repeat(MB)]: 1,
          ["z".repeat(MB)]: 1,
          lineItems: [{ ["y".repeat(MB)]: 1 }, { ["w".repeat(MB)]: 1 }],
        },
      }).problems.length,
  ],
]);

export const COSTLY_INPUTS = [...CASES.keys()];

export default async function run(name: string): Promise<unknown> {
  return CASES.get(name)!();
}
