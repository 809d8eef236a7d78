// Facts from the Partner Center docs, written out here rather than read from the spec, so that a
// wrong spec cannot pass by agreeing with itself.
import { createPartnerCenterClient } from "../../src";
import { CUSTOMER } from "../helpers/scripted-fetch";

const base = () => process.env.PRISM_URL!;

describe("facts from the docs", () => {
  const pc = createPartnerCenterClient({ credential: "t", baseUrl: base(), maxRetries: 0 });

  it("create answers 201 Created (create-an-order: HTTP/1.1 201 Created)", async () => {
    const { response } = await pc.POST("/customers/{customer_id}/orders", {
      params: { path: { customer_id: CUSTOMER } },
      body: { lineItems: [{ lineItemNumber: 0, offerId: "DZH318Z0BQ4B:0047:DZH318Z0DSM8", quantity: 1 }] },
    });
    expect(response.status).toBe(201);
  });

  it("a list carries totalCount and items (get-all-of-a-customer-s-orders)", async () => {
    const { data, response } = await pc.GET("/customers/{customer_id}/orders", {
      params: { path: { customer_id: CUSTOMER } },
    });
    expect(response.status).toBe(200);
    const body = data as unknown as Record<string, unknown>;
    expect(typeof body.totalCount).toBe("number");
    expect(Array.isArray(body.items)).toBe(true);
  });

  it('a cancel patch {id, status: "cancelled"} is accepted (cancel-an-order-from-the-integration-sandbox)', async () => {
    const id = "UKXASSO1dezh3HdxClHxSp5UEFXGbAnt1";
    const { response } = await pc.PATCH("/customers/{customer_id}/orders/{order_id}", {
      params: { path: { customer_id: CUSTOMER, order_id: id } },
      body: { id, status: "cancelled" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("sl-violations")).toBeNull();
  });

  it("MS-RequestId is the same on every retry of one call (headers: 'the retry call should include the same value')", async () => {
    const ids: (string | null)[] = [];
    const retrying = createPartnerCenterClient({
      credential: "t",
      baseUrl: base(),
      maxRetries: 2,
      backoff: { baseDelayMs: 1, maxDelayMs: 1 },
      fetch: (input, init) => {
        const request = new Request(input, init);
        ids.push(request.headers.get("MS-RequestId"));
        request.headers.set("Prefer", "code=500");
        return fetch(request);
      },
    });
    await expect(retrying.orders.get(CUSTOMER, "o")).rejects.toMatchObject({ status: 500 });
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
