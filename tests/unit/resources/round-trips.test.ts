// What the client reads, it can send back (rule 1): every answer the docs show for an order or a
// cart, as read, is accepted by the write that changes it, and the read-only fields are left out.
import { createPartnerCenterClient } from "../../../src";
import { namedExamples } from "../../helpers/spec";
import { CUSTOMER, json, scriptedFetch } from "../../helpers/scripted-fetch";

const CART_ID = "66e3591e-faad-445c-b930-4ccdbf54c43f";
const PRICING = { listPrice: 10, discountedPrice: 9, price: 9, extendedPrice: 9 };
const client = (fetch: ReturnType<typeof scriptedFetch>["fetch"]) =>
  createPartnerCenterClient({ credential: "t", baseUrl: "https://pc.test/v1", fetch, maxRetries: 0 });
const answers = (operationIds: string[]) =>
  namedExamples()
    .filter((e) => operationIds.includes(e.operationId) && typeof e.where === "number" && e.where < 300)
    .map((e) => [`${e.operationId} ${e.name}`, e.value as Record<string, unknown>] as const);

describe("a cart read, sent back with carts.update", () => {
  it.each(answers(["getCart", "createCart", "updateCart"]))(
    "is accepted as it is: %s, with prices on its lines",
    async (_name, answer) => {
      const read = {
        ...answer,
        id: CART_ID,
        lineItems: (answer.lineItems as object[]).map((line) => ({ ...line, pricing: PRICING })),
      };
      const script = scriptedFetch(json(200, read), json(200, read));
      const pc = client(script.fetch);
      const cart = await pc.carts.get(CUSTOMER, CART_ID);
      await expect(pc.carts.update(CUSTOMER, CART_ID, cart)).resolves.toMatchObject({ id: CART_ID });
      const sent = JSON.parse(script.sent[1]!.body) as { lineItems: Record<string, unknown>[] };
      expect(sent.lineItems[0]).not.toHaveProperty("pricing");
      expect(sent).not.toHaveProperty("creationTimestamp");
    },
  );
});

describe("an order read, sent back with orders.update", () => {
  it.each(answers(["getOrder", "updateOrder"]))("is accepted as it is: %s", async (_name, answer) => {
    const script = scriptedFetch(json(200, answer), json(200, answer));
    const pc = client(script.fetch);
    const order = await pc.orders.get(CUSTOMER, String(answer.id));
    await expect(pc.orders.update(CUSTOMER, String(answer.id), order)).resolves.toMatchObject({ id: answer.id });
    expect(script.sent).toHaveLength(2);
  });
});
