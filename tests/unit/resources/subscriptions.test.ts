// pc.subscriptions: update reads the subscription and sends it whole with the changes (so a seat
// change never turns auto-renew off), with its ETag as If-Match; a cancel or a decrease whose
// window the read shows has passed is refused before sending, with the date; a 202 is followed at
// the subscription's own Location only, until the change shows; 409 800082 is waited out; 900278
// is a typed error that says 24 hours and is never retried.
import {
  createPartnerCenterClient,
  isPartnerCenterValidationError,
  isSubscriptionPendingError,
  type Subscription,
} from "../../../src";
import { json, scriptedFetch, type Step } from "../../helpers/scripted-fetch";

const BASE = "https://pc.test/v1";
const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const ID = "a4c1340d-6911-4758-bba3-0c4c6007d161";
const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

const subscription = (fields: Partial<Subscription> = {}): Subscription => ({
  id: ID,
  offerId: "CFQ7TTC0LH18:0001:CFQ7TTC0K971",
  quantity: 10,
  status: "active",
  autoRenewEnabled: true,
  cancellationAllowedUntilDate: at(48 * HOUR),
  refundableQuantity: {
    totalQuantity: 4,
    details: [
      { quantity: 6, allowedUntilDateTime: at(-HOUR) },
      { quantity: 4, allowedUntilDateTime: at(HOUR) },
    ],
  },
  scheduledNextTermInstructions: { product: { productId: "CFQ7TTC0LH18", skuId: "0001" }, quantity: 10 },
  attributes: { etag: "eyJ2ZXJzaW9uIjoyfQ==", objectType: "Subscription" },
  ...fields,
});

const client = (...steps: Step[]) => {
  const script = scriptedFetch(...steps);
  const pc = createPartnerCenterClient({
    credential: "t",
    baseUrl: BASE,
    fetch: script.fetch,
    rateLimit: false,
    backoff: { baseDelayMs: 1, maxDelayMs: 2 },
  });
  return { pc, sent: script.sent };
};
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("pc.subscriptions.update", () => {
  it("sends the read whole with the change applied, auto-renew and next-term instructions kept, and its ETag as If-Match", async () => {
    const { pc, sent } = client(json(200, subscription()), json(200, subscription({ quantity: 12 })));
    const updated = await pc.subscriptions.update(CUSTOMER, ID, { quantity: 12 });
    expect(updated.quantity).toBe(12);
    expect(sent.map((r) => r.method)).toEqual(["GET", "PATCH"]);
    const body = JSON.parse(sent[1]!.body) as Subscription;
    expect(body).toMatchObject({
      id: ID,
      quantity: 12,
      autoRenewEnabled: true,
      scheduledNextTermInstructions: { quantity: 10 },
    });
    expect(sent[1]!.headers["if-match"]).toBe("eyJ2ZXJzaW9uIjoyfQ==");
  });

  it("sends no If-Match when the read carried no ETag", async () => {
    const bare = subscription({ attributes: { objectType: "Subscription" } });
    const { pc, sent } = client(json(200, bare), json(200, { ...bare, friendlyName: "x" }));
    await pc.subscriptions.update(CUSTOMER, ID, { friendlyName: "x" });
    expect(sent[1]!.headers["if-match"]).toBeUndefined();
  });

  it("refuses, before sending, removing more seats than refundableQuantity still allows, naming the closed window", async () => {
    const { pc, sent } = client(json(200, subscription()));
    const error = await refusal(pc.subscriptions.update(CUSTOMER, ID, { quantity: 5 }));
    expect(isPartnerCenterValidationError(error) && error.problems).toEqual([
      {
        path: "changes.quantity",
        message: expect.stringMatching(
          /cannot remove 5 seats: 4 may be removed now \(the window for the others ended at .+\) \(the service answers 400 900257\)/,
        ),
      },
    ]);
    expect(sent.map((r) => r.method)).toEqual(["GET"]);
  });

  it("removes seats within the open tranche", async () => {
    const { pc, sent } = client(json(200, subscription()), json(200, subscription({ quantity: 6 })));
    await pc.subscriptions.update(CUSTOMER, ID, { quantity: 6 });
    expect(sent.map((r) => r.method)).toEqual(["GET", "PATCH"]);
  });

  it("follows a 202 at the subscription's own Location until the change shows", async () => {
    const location = `/customers/${CUSTOMER}/subscriptions/${ID}`;
    const { pc, sent } = client(
      json(200, subscription()),
      new Response(null, { status: 202, headers: { Location: location } }),
      json(200, subscription()),
      json(200, subscription({ friendlyName: "renamed" })),
    );
    const updated = await pc.subscriptions.update(CUSTOMER, ID, { friendlyName: "renamed" });
    expect(updated.friendlyName).toBe("renamed");
    expect(sent.map((r) => r.method)).toEqual(["GET", "PATCH", "GET", "GET"]);
  }, 10_000);

  it("takes a 200 whose body looks like an accepted answer as the body it is, following nothing", async () => {
    const lookalike = { ...subscription(), accepted: true, location: "https://elsewhere.test/steal" };
    const { pc, sent } = client(json(200, subscription()), json(200, lookalike));
    expect(await pc.subscriptions.update(CUSTOMER, ID, { friendlyName: "x" })).toEqual(lookalike);
    expect(sent).toHaveLength(2);
  });

  it("never follows a 202 whose Location is not the subscription's", async () => {
    const { pc, sent } = client(
      json(200, subscription()),
      new Response(null, { status: 202, headers: { Location: "https://elsewhere.test/steal" } }),
    );
    const error = await refusal(pc.subscriptions.update(CUSTOMER, ID, { friendlyName: "x" }));
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", message: expect.stringContaining("not followed") });
    expect(sent).toHaveLength(2);
  });

  it("gives up on a 202 whose change never shows after acceptedWaitMs, saying to read it later", async () => {
    const { pc } = client(json(200, subscription()), new Response(null, { status: 202 }), json(200, subscription()));
    const error = await refusal(pc.subscriptions.update(CUSTOMER, ID, { friendlyName: "x" }, { acceptedWaitMs: 0 }));
    expect(error).toMatchObject({ code: "TIMEOUT", message: expect.stringContaining("read subscription") });
  });

  it("waits out 409 800082 (not ready yet) and sends the same PATCH again", async () => {
    const notReady = { code: 800082, description: "Subscription is not ready to be updated. Try again after sometime" };
    const { pc, sent } = client(
      json(200, subscription()),
      json(409, notReady),
      json(200, subscription({ quantity: 11 })),
    );
    await pc.subscriptions.update(CUSTOMER, ID, { quantity: 11 });
    expect(sent.map((r) => r.method)).toEqual(["GET", "PATCH", "PATCH"]);
    expect(sent[2]!.headers["ms-requestid"]).toBe(sent[1]!.headers["ms-requestid"]);
  });

  it("never retries 409 900278, and says why in a typed error", async () => {
    const pending = {
      code: 900278,
      description: "There is a pending operation on this subscription. Please try again after 24 hours",
    };
    const { pc, sent } = client(json(200, subscription()), json(409, pending));
    const error = await refusal(pc.subscriptions.update(CUSTOMER, ID, { quantity: 11 }));
    expect(isSubscriptionPendingError(error)).toBe(true);
    expect((error as Error).message).toContain("24 hours");
    expect(sent).toHaveLength(2);
  });
});

describe("pc.subscriptions.cancel", () => {
  it("sends status deleted within the cancellation window", async () => {
    const { pc, sent } = client(json(200, subscription()), json(200, subscription({ status: "deleted" })));
    await pc.subscriptions.cancel(CUSTOMER, ID);
    expect(JSON.parse(sent[1]!.body)).toMatchObject({ status: "deleted", autoRenewEnabled: true });
  });

  it("cancels at the very moment cancellationAllowedUntilDate names: the last moment allowed", async () => {
    jest.useFakeTimers({
      now: Date.parse("2026-12-08T12:00:00Z"),
      doNotFake: ["setTimeout", "setImmediate", "nextTick", "queueMicrotask"],
    });
    try {
      const read = subscription({ cancellationAllowedUntilDate: "2026-12-08T12:00:00Z" });
      const { pc, sent } = client(json(200, read), json(200, { ...read, status: "deleted" }));
      await pc.subscriptions.cancel(CUSTOMER, ID);
      expect(sent.map((r) => r.method)).toEqual(["GET", "PATCH"]);
    } finally {
      jest.useRealTimers();
    }
  });

  it("refuses, before sending, once cancellationAllowedUntilDate has passed, with the date", async () => {
    const until = at(-HOUR);
    const { pc, sent } = client(json(200, subscription({ cancellationAllowedUntilDate: until })));
    const error = await refusal(pc.subscriptions.cancel(CUSTOMER, ID));
    expect(isPartnerCenterValidationError(error) && error.problems[0]!.message).toContain(until);
    expect(sent).toHaveLength(1);
  });
});

describe("pc.subscriptions.list", () => {
  it("sends order_id, mpn_id, product_type and product_subtype as given, and refuses order and reseller together", async () => {
    const { pc, sent } = client(json(200, { totalCount: 0, items: [] }));
    for await (const _ of pc.subscriptions.list(CUSTOMER, { productType: "Azure", productSubtype: "SavingsPlan" }));
    expect(new URL(sent[0]!.url).search).toBe("?product_type=Azure&product_subtype=SavingsPlan");
    const error = await refusal(
      (async () => {
        for await (const _ of pc.subscriptions.list(CUSTOMER, { orderId: "o", mpnId: "1" }));
      })(),
    );
    expect(isPartnerCenterValidationError(error)).toBe(true);
    expect(sent).toHaveLength(1);
  });
});

describe("pc.subscriptions.update, given hostile changes", () => {
  const cyclic = () => {
    const product: Record<string, unknown> = { productId: "P" };
    product.self = product;
    return product;
  };
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({ quantity: 2 }, {});
    revoke();
    return proxy;
  };
  const throwing = () => ({
    get quantity(): number {
      throw new Error("getter failed");
    },
  });
  it.each([
    ["a NaN quantity", () => ({ quantity: Number.NaN }), "changes.quantity"],
    ["a fractional quantity", () => ({ quantity: 1.5 }), "changes.quantity"],
    ["a cyclic next-term product", () => ({ scheduledNextTermInstructions: { product: cyclic() } }), "changes"],
    ["a status the service has no value for", () => ({ status: "paused" }), "changes.status"],
    ["a revoked Proxy", revoked, "changes"],
    ["a getter that throws", throwing, "changes"],
    ["null", () => null, "changes"],
  ])("refuses %s as a rejection, reading and sending nothing", async (_what, changes, path) => {
    const { pc, sent } = client();
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = pc.subscriptions.update(CUSTOMER, ID, changes() as never);
    }).not.toThrow();
    const error = await refusal(pending!);
    expect(isPartnerCenterValidationError(error)).toBe(true);
    expect((error as { problems: { path: string }[] }).problems[0]!.path.startsWith(path)).toBe(true);
    expect(sent).toHaveLength(0);
  });
});
