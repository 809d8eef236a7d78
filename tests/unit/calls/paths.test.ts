// Without middleware the client serialises its calls itself (openapi-fetch's own serialisers) and
// reads the answer's bytes; with middleware, every call goes through openapi-fetch so the
// middleware sees it. Both must send the same request and read the same answer, for every
// operation of the spec and a followed link.
import { createPartnerCenterClient, type OperationName, type PartnerCenterClient } from "../../../src";
import { operationById, requestFor } from "../../helpers/contract";
import { json, scriptedFetch, type SentRequest } from "../../helpers/scripted-fetch";
import { operations } from "../../helpers/spec";

const BASE = "https://pc.test/v1";
const IDS = {
  requestId: "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f",
  correlationId: "aaaa0000-bb11-2222-33cc-444444dddddd",
};

/** What a request carries, with the multipart boundary (new on every serialisation) taken out. */
function comparable(sent: SentRequest) {
  const boundary = /boundary=(.+)$/.exec(sent.headers["content-type"] ?? "")?.[1];
  const strip = (text: string) => (boundary ? text.split(boundary).join("BOUNDARY") : text);
  return {
    method: sent.method,
    url: sent.url,
    headers: JSON.parse(strip(JSON.stringify(sent.headers))),
    body: strip(sent.body),
  };
}

async function both(run: (pc: PartnerCenterClient) => Promise<unknown>, answer: () => Response) {
  const results = [];
  for (const withMiddleware of [false, true]) {
    const script = scriptedFetch(answer());
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch });
    if (withMiddleware) pc.use({ onRequest: () => undefined });
    const result = await run(pc).then(
      (value) => (value instanceof Blob ? value.text() : value),
      (error: unknown) => ({ rejected: JSON.parse(JSON.stringify(error)) }),
    );
    results.push({ sent: script.sent.map(comparable), result });
  }
  return results;
}

const answerFor = (operationId: string) => () =>
  operationId === "getOrderAttachment"
    ? new Response("%PDF-1.7", { status: 200, headers: { "Content-Type": "application/pdf" } })
    : json(operationId.startsWith("create") ? 201 : 200, { id: "o", lineItems: [], totalCount: 0, items: [] });

describe("the client's two paths", () => {
  it.each(operations().map((op) => op.operationId))(
    "%s: sends the same request and reads the same answer",
    async (operationId) => {
      const request = requestFor(operationById(operationId)) as Record<string, any>;
      if (operationId === "createOrderAttachments")
        request.body = { Metadata: { customerPrice: "1", currency: "USD" }, POFiles: [new Blob(["%PDF"])] };
      if (operationId === "listOrders") request.query = { billingType: "OneTime", include_price: true };
      const [direct, viaOpenapiFetch] = await both(
        (pc) => pc.call(operationId as OperationName, request as never, IDS),
        answerFor(operationId),
      );
      expect(direct!.sent).toHaveLength(1);
      expect(direct).toEqual(viaOpenapiFetch);
    },
  );

  it("reads an error answer the same way", async () => {
    const [direct, viaOpenapiFetch] = await both(
      (pc) => pc.orders.get("b0d70a69-4c42-4b27-b17b-91a835d8686a", "o", { ...IDS }),
      () => json(404, { code: 20000, description: "Order ID not found." }, { "Retry-After": "3" }),
    );
    expect(direct!.result).toMatchObject({ rejected: { status: 404, code: 20000 } });
    expect(direct).toEqual(viaOpenapiFetch);
  });

  it("follows a link the same way", async () => {
    const link = {
      uri: "/v1/customers/c/orders?page=2",
      method: "PATCH",
      headers: [{ key: "MS-ContinuationToken", value: "t-2" }],
    };
    const [direct, viaOpenapiFetch] = await both(
      (pc) => pc.follow(link, { ...IDS, body: { status: "cancelled" } }),
      () => json(200, { id: "o" }),
    );
    expect(direct!.sent[0]).toMatchObject({
      method: "PATCH",
      url: `${BASE}/customers/c/orders?page=2`,
      body: '{"status":"cancelled"}',
    });
    expect(direct).toEqual(viaOpenapiFetch);
  });
});
