// createPartnerCenterCore and the per-operation functions: the same checks and the same request as
// pc.orders' methods, on a core or on a whole client, and a look-alike client refused as a rejection.
import {
  createOrder,
  createPartnerCenterClient,
  createPartnerCenterCore,
  getCart,
  isPartnerCenterValidationError,
  listOrders,
  pollProvisioning,
  sharedStore,
  type PartnerCenterCore,
  type RateLimitStore,
} from "../../src";
import { redisRateLimitStore } from "../../src/redis";
import { CUSTOMER, ORDER, json, scriptedFetch } from "../helpers/scripted-fetch";

const BASE = "https://pc.test/v1";
const LINES = { lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] };
const without = (headers: Record<string, string>) => {
  const { "ms-requestid": _r, "ms-correlationid": _c, ...rest } = headers;
  return rest;
};

describe("createPartnerCenterCore", () => {
  it("sends createOrder as pc.orders.create sends it", async () => {
    const viaCore = scriptedFetch(json(201, ORDER));
    const viaClient = scriptedFetch(json(201, ORDER));
    const core = createPartnerCenterCore({ credential: "t", baseUrl: BASE, fetch: viaCore.fetch });
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: viaClient.fetch });
    expect((await createOrder(core, CUSTOMER, LINES)).id).toBe(ORDER.id);
    await pc.orders.create(CUSTOMER, LINES);
    const [a, b] = [viaCore.sent[0]!, viaClient.sent[0]!];
    expect({ ...a, headers: without(a.headers) }).toEqual({ ...b, headers: without(b.headers) });
    expect(JSON.parse(a.body)).toEqual({ lineItems: [{ ...LINES.lineItems[0], lineItemNumber: 0 }] });
  });

  it("checks its options as createPartnerCenterClient does", () => {
    expect(() => createPartnerCenterCore({ credential: "t", timeoutMs: -1 })).toThrow(/options\.timeoutMs/);
  });

  describe("with a shared rate-limit store", () => {
    const admitted: string[] = [];
    const store: RateLimitStore = {
      admit: async (request) => (admitted.push(request.leaseId), { granted: true }),
      settle: async () => undefined,
      pause: async () => undefined,
    };

    it("refuses a store of your own not given as sharedStore(store), saying so", () => {
      expect(() => createPartnerCenterCore({ credential: "t", rateLimit: { requestsPerMinute: 100, store } })).toThrow(
        /options\.rateLimit\.store must be given as sharedStore\(store\) to createPartnerCenterCore/,
      );
      // The whole client takes it as it is.
      expect(() =>
        createPartnerCenterClient({ credential: "t", rateLimit: { requestsPerMinute: 100, store } }),
      ).not.toThrow();
    });

    it("paces through sharedStore(store)", async () => {
      const script = scriptedFetch(json(201, ORDER));
      const core = createPartnerCenterCore({
        credential: "t",
        baseUrl: BASE,
        fetch: script.fetch,
        rateLimit: { requestsPerMinute: 100, store: sharedStore(store) },
      });
      admitted.length = 0;
      await createOrder(core, CUSTOMER, LINES);
      expect(admitted).toHaveLength(1);
    });

    it("takes a store from redisRateLimitStore as it is", () => {
      const redis = { evalsha: async () => [1, 0], eval: async () => [1, 0] };
      const fromRedis = redisRateLimitStore(redis, { key: "tenant" });
      expect(() =>
        createPartnerCenterCore({ credential: "t", rateLimit: { requestsPerMinute: 100, store: fromRedis } }),
      ).not.toThrow();
    });

    it("refuses to wrap what is not a store", () => {
      expect(() => sharedStore({} as RateLimitStore)).toThrow(/store must be a RateLimitStore/);
    });
  });

  it("refuses what the spec refuses with nothing sent", async () => {
    const script = scriptedFetch();
    const core = createPartnerCenterCore({ credential: "t", baseUrl: BASE, fetch: script.fetch });
    const error = await createOrder(core, CUSTOMER, { lineItems: [{ offerId: "", quantity: 0 }] }).catch((e) => e);
    expect(isPartnerCenterValidationError(error)).toBe(true);
    expect(script.sent).toHaveLength(0);
  });
});

describe("the per-operation functions", () => {
  it("take a whole client too, and go through its middleware", async () => {
    const script = scriptedFetch(json(200, { id: "c1", lineItems: [] }));
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch });
    const seen: string[] = [];
    pc.use({ onRequest: ({ request }) => void seen.push(request.url) });
    await getCart(pc, CUSTOMER, "0b2f1e3a-4c5d-4e6f-8a9b-0c1d2e3f4a5b");
    expect(seen).toEqual([`${BASE}/customers/${CUSTOMER}/carts/0b2f1e3a-4c5d-4e6f-8a9b-0c1d2e3f4a5b`]);
  });

  it.each([
    ["createOrder", (client: PartnerCenterCore) => createOrder(client, CUSTOMER, LINES)],
    ["listOrders", (client: PartnerCenterCore) => listOrders(client, CUSTOMER).next()],
    ["pollProvisioning", (client: PartnerCenterCore) => pollProvisioning(client, CUSTOMER, ORDER.id).pollUntilDone()],
  ])("%s rejects a look-alike client, never throwing, with nothing sent", async (_name, call) => {
    const fake = { baseUrl: BASE } as unknown as PartnerCenterCore;
    let result: Promise<unknown> | undefined;
    expect(() => (result = call(fake))).not.toThrow();
    const error = await result!.catch((e: unknown) => e);
    expect(isPartnerCenterValidationError(error)).toBe(true);
    expect((error as Error).message).toMatch(/client must be a client made by createPartnerCenterCore/);
  });
});
