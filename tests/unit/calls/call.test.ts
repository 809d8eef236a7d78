// Whatever a caller hands a method, the answer is a rejection with PartnerCenterValidationError
// and nothing is sent: values JSON cannot carry or would carry wrongly, values that throw when
// read, and values so large or deep that quoting them would be the attack.
import {
  createPartnerCenterClient,
  isPartnerCenterValidationError,
  type PartnerCenterValidationError,
} from "../../../src";
import { CUSTOMER, scriptedFetch } from "../../helpers/scripted-fetch";

const LINE = { offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 };

function client() {
  const script = scriptedFetch();
  const pc = createPartnerCenterClient({
    credential: "t",
    baseUrl: "https://pc.test/v1",
    fetch: script.fetch,
    maxRetries: 0,
  });
  return { pc, sent: script.sent };
}

/** Calls `run` and returns its validation error, failing on a synchronous throw or anything else. */
async function refusal(run: () => Promise<unknown> | AsyncGenerator<unknown>): Promise<PartnerCenterValidationError> {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    throw new Error(`threw synchronously: ${String(error)}`);
  }
  const promise =
    Symbol.asyncIterator in (result as object)
      ? (result as AsyncGenerator<unknown>).next()
      : (result as Promise<unknown>);
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isPartnerCenterValidationError(error)) throw new Error(`expected a validation error, got ${String(error)}`);
  return error as PartnerCenterValidationError;
}

const cyclic = () => {
  const context: Record<string, unknown> = { a: "1" };
  context.self = context;
  return context;
};
const deep = (depth: number) => {
  let value: unknown = "x";
  for (let i = 0; i < depth; i++) value = { v: value };
  return value;
};
const sparse = () => {
  const items = [LINE];
  items[2] = LINE;
  return items;
};
const huge = () => {
  const items = [LINE];
  items.length = 1_000_000;
  return items;
};
const throwingGetter = () => ({
  get lineItems(): unknown {
    throw new Error("getter failed");
  },
});
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({ lineItems: [LINE] }, {});
  revoke();
  return proxy;
};

// [what, order, path of the problem]
const HOSTILE_ORDERS: [string, () => unknown, string][] = [
  [
    "a cyclic provisioningContext",
    () => ({ lineItems: [{ ...LINE, provisioningContext: cyclic() }] }),
    "body.lineItems[0].provisioningContext",
  ],
  [
    "a value nested 100,000 deep",
    () => ({ lineItems: [{ ...LINE, provisioningContext: deep(100_000) }] }),
    "body.lineItems[0].provisioningContext",
  ],
  ["a cyclic unknown key", () => ({ lineItems: [LINE], extra: cyclic() }), "body.extra"],
  ["a BigInt quantity", () => ({ lineItems: [{ ...LINE, quantity: 1n }] }), "body.lineItems[0].quantity"],
  ["a NaN quantity", () => ({ lineItems: [{ ...LINE, quantity: Number.NaN }] }), "body.lineItems[0].quantity"],
  [
    "an Infinity quantity",
    () => ({ lineItems: [{ ...LINE, quantity: Number.POSITIVE_INFINITY }] }),
    "body.lineItems[0].quantity",
  ],
  ["a sparse line-item array", () => ({ lineItems: sparse() }), "body.lineItems"],
  ["a line-item array of length 1,000,000", () => ({ lineItems: huge() }), "body.lineItems"],
  [
    "a Map as provisioningContext",
    () => ({ lineItems: [{ ...LINE, provisioningContext: new Map([["a", "b"]]) }] }),
    "body.lineItems[0].provisioningContext",
  ],
  [
    "a lone surrogate in an offer id",
    () => ({ lineItems: [{ ...LINE, offerId: "CFQ7TTC0LH0Z\ud800" }] }),
    "body.lineItems[0].offerId",
  ],
  ["a getter that throws", throwingGetter, "body"],
  ["a revoked Proxy", revoked, "body"],
];

describe("orders.create, given hostile input", () => {
  it.each(HOSTILE_ORDERS)("refuses %s with a rejection, sending nothing", async (_what, order, path) => {
    const { pc, sent } = client();
    const error = await refusal(() => pc.orders.create(CUSTOMER, order() as never));
    expect(error.problems.some((p) => p.path === path || p.path.startsWith(`${path}.`))).toBe(true);
    expect(error.message.length).toBeLessThan(5_000);
    expect(sent).toHaveLength(0);
  });

  it.each([
    ["a customer id", () => ["b0d70a69\udc00", "o"], "path.customer_id"],
    ["an order id", () => [CUSTOMER, "o\ud800"], "path.order_id"],
  ])("refuses a lone surrogate in %s instead of throwing URIError", async (_what, args, path) => {
    const { pc, sent } = client();
    const [customerId, orderId] = args();
    const error = await refusal(() => pc.orders.get(customerId!, orderId!));
    expect(error.problems[0]!.path).toBe(path);
    expect(sent).toHaveLength(0);
  });

  it("refuses a 1 MB unknown key without quoting it whole", async () => {
    const { pc, sent } = client();
    const error = await refusal(() =>
      pc.orders.create(CUSTOMER, { lineItems: [LINE], ["k".repeat(1_000_000)]: 1 } as never),
    );
    expect(JSON.stringify(error).length).toBeLessThan(5_000);
    expect(sent).toHaveLength(0);
  });

  it("refuses a 5 MB order id without quoting it whole", async () => {
    const { pc, sent } = client();
    const id = "o".repeat(5_000_000);
    const error = await refusal(() => pc.orders.update(CUSTOMER, id, { id: "other", status: "cancelled" }));
    expect(error.message.length).toBeLessThan(5_000);
    expect(JSON.stringify(error).length).toBeLessThan(10_000);
    expect(sent).toHaveLength(0);
  });

  it("lists at most a bounded number of problems in its message", async () => {
    const { pc } = client();
    const lineItems = Array.from({ length: 10_000 }, () => ({ offerId: "", quantity: -1 }));
    const error = await refusal(() => pc.orders.create(CUSTOMER, { lineItems } as never));
    expect(error.problems.length).toBeGreaterThan(100);
    expect(error.message.length).toBeLessThan(5_000);
    expect(error.message).toMatch(/and \d+ more/);
  });
});

describe("pc.follow, given header names that name Object.prototype's members", () => {
  it("sends a link's headers named __proto__ and constructor as the headers they are", async () => {
    const script = scriptedFetch(new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } }));
    const pc = createPartnerCenterClient({
      credential: "t",
      baseUrl: "https://pc.test/v1",
      fetch: script.fetch,
      maxRetries: 0,
    });
    await pc.follow({
      uri: "/customers/c/orders",
      method: "GET",
      headers: [
        { key: "__proto__", value: "a" },
        { key: "constructor", value: "b" },
      ],
    });
    const sent = script.sent[0]!.headers;
    expect([
      Object.getOwnPropertyDescriptor(sent, "__proto__")?.value,
      Object.getOwnPropertyDescriptor(sent, "constructor")?.value,
    ]).toEqual(["a", "b"]);
  });
});

describe("pc.call and pc.follow, given hostile input", () => {
  it.each(["noSuchOperation", "constructor", "__proto__", "toString"])(
    "refuses the unknown operation id %s",
    async (operationId) => {
      const { pc, sent } = client();
      const error = await refusal(() => pc.call(operationId as never, {} as never));
      expect(error.problems[0]).toMatchObject({ path: "operationId" });
      expect(sent).toHaveLength(0);
    },
  );

  it.each([
    ["a non-string method", { uri: "/customers/c/orders", method: 5 }, "link.method"],
    [
      "headers that are not an array",
      { uri: "/customers/c/orders", headers: { key: "a", value: "b" } },
      "link.headers",
    ],
    ["a null link", null, "link"],
  ])("refuses a link with %s", async (_what, link, path) => {
    const { pc, sent } = client();
    const error = await refusal(() => pc.follow(link as never));
    expect(error.problems.map((p) => p.path)).toContain(path);
    expect(sent).toHaveLength(0);
  });

  it.each([
    "Host",
    "host",
    "Authorization",
    "MS-RequestId",
    "ms-correlationid",
    "Content-Length",
    "Transfer-Encoding",
    "Connection",
    "Cookie",
  ])("refuses a link header that would set %s, which the client owns", async (key) => {
    const { pc, sent } = client();
    const error = await refusal(() =>
      pc.follow({ uri: "/customers/c/orders", method: "GET", headers: [{ key, value: "evil.example" }] }),
    );
    expect(error.problems[0]).toMatchObject({ path: "link.headers[0].key" });
    expect(sent).toHaveLength(0);
  });
});
