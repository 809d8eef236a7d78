// Paging ends, whatever the pages say: only GET links are followed, a page or continuation token
// seen before ends the list with a typed error naming the loop, maxPages caps it, and a page
// without an items array is a typed error rather than a crash or a list of characters.
import { createPartnerCenterClient, isPartnerCenterError } from "../../../src";
import { json, scriptedFetch, type Step } from "../../helpers/scripted-fetch";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const BASE = "https://pc.test/v1";
const order = (id: string) => ({ id, lineItems: [{ lineItemNumber: 0, offerId: "o", quantity: 1 }] });
const link = (uri: string, method = "GET", token?: string) => ({
  uri,
  method,
  headers: token ? [{ key: "MS-ContinuationToken", value: token }] : [],
});
const page = (ids: string[], next?: object) => ({
  totalCount: ids.length,
  items: ids.map(order),
  links: next ? { next } : {},
});

async function drain(steps: Step[], options: Record<string, unknown> = {}) {
  const script = scriptedFetch(...steps);
  const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch, maxRetries: 0 });
  const ids: string[] = [];
  let error: unknown;
  try {
    for await (const o of pc.orders.list(CUSTOMER, options)) ids.push(o.id);
  } catch (e) {
    error = e;
  }
  return { ids, error, sent: script.sent };
}

describe("listOrders paging", () => {
  it("does not follow a next link whose method is not GET, and sends nothing along it", async () => {
    const { ids, error, sent } = await drain([json(200, page(["a"], link(`/customers/${CUSTOMER}`, "DELETE")))]);
    expect(ids).toEqual(["a"]);
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", message: expect.stringMatching(/DELETE/) });
    expect(sent.map((r) => r.method)).toEqual(["GET"]);
  });

  it("names the MS-RequestId of the page whose answer ended the list", async () => {
    const next = link(`/customers/${CUSTOMER}/orders?page=2`, "POST");
    const { error, sent } = await drain([
      json(200, page(["a"], link("/customers/c/orders?page=2"))),
      json(200, page(["b"], next)),
    ]);
    expect(sent).toHaveLength(2);
    expect(error).toMatchObject({
      code: "INVALID_RESPONSE",
      requestId: sent[1]!.headers["ms-requestid"],
      correlationId: sent[1]!.headers["ms-correlationid"],
    });
  });

  it("ends a page that points at itself with an error naming the loop", async () => {
    const self = link(`/customers/${CUSTOMER}/orders`);
    const { ids, error, sent } = await drain([json(200, page(["a"], self)), json(200, page(["a"], self))]);
    expect(isPartnerCenterError(error) && error.code).toBe("INVALID_RESPONSE");
    expect((error as Error).message).toMatch(/loop/);
    expect(ids).toEqual(["a"]);
    expect(sent).toHaveLength(1);
  });

  it("ends A -> B -> A", async () => {
    const a = link("/customers/c/orders?page=a");
    const b = link("/customers/c/orders?page=b");
    const { error, sent } = await drain([
      json(200, page(["1"], b)),
      json(200, page(["2"], a)),
      json(200, page(["3"], b)),
      json(200, page(["4"], a)),
    ]);
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", message: expect.stringMatching(/loop/) });
    expect(sent.length).toBeLessThanOrEqual(3);
  });

  it("ends a repeated continuation token on the same page uri", async () => {
    const next = link("/customers/c/orders", "GET", "token-1");
    const { error, sent } = await drain([
      json(200, page(["1"], next)),
      json(200, page(["2"], next)),
      json(200, page(["3"], next)),
    ]);
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", message: expect.stringMatching(/loop/) });
    expect(sent).toHaveLength(2);
  });

  it("caps endless distinct pages, even empty ones, at maxPages", async () => {
    const steps: Step[] = Array.from({ length: 50 }, (_, i) =>
      json(200, page([], link(`/customers/c/orders?page=${i + 1}`))),
    );
    const { error, sent } = await drain(steps, { maxPages: 10 });
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", message: expect.stringMatching(/10 pages/) });
    expect(sent).toHaveLength(10);
  });

  it.each([
    ["a page without items", { totalCount: 0 }],
    ["items that are a string", { totalCount: 3, items: "abc" }],
    ["items that are not orders", { totalCount: 2, items: [1, null] }],
  ])("refuses %s as an INVALID_RESPONSE", async (_what, body) => {
    const { ids, error } = await drain([json(200, body)]);
    expect(ids).toEqual([]);
    expect(error).toMatchObject({ code: "INVALID_RESPONSE" });
  });
});

describe("listOrders, given a hostile next link", () => {
  const uri = `/customers/${CUSTOMER}/orders?page=2`;
  it.each([
    ["headers that are not an array", { uri, method: "GET", headers: { key: "a", value: "b" } }],
    ["a method that is not a string", { uri, method: 7, headers: [] }],
    ["a next that is a string", uri],
    ["a Host header", { uri, method: "GET", headers: [{ key: "Host", value: "evil.example" }] }],
    ["an Authorization header", { uri, method: "GET", headers: [{ key: "authorization", value: "Bearer stolen" }] }],
  ])("keeps the page's items and ends with INVALID_RESPONSE on %s, sending nothing along it", async (_what, next) => {
    const { ids, error, sent } = await drain([json(200, page(["a", "b"], next as object))]);
    expect(ids).toEqual(["a", "b"]);
    expect(error).toMatchObject({ code: "INVALID_RESPONSE" });
    expect(sent).toHaveLength(1);
  });
});

describe("a first page that links back to itself", () => {
  const subscriptions = (ids: string[], next?: object) => ({
    totalCount: ids.length,
    items: ids.map((id) => ({ id, offerId: "o", quantity: 1 })),
    links: next ? { next } : {},
  });

  it.each([
    ["its own query", `/customers/${CUSTOMER}/subscriptions?order_id=o1`],
    [
      "another casing of its path and its query's order",
      `/Customers/${CUSTOMER.toUpperCase()}/Subscriptions?order_id=o1`,
    ],
  ])("is yielded once by listByOrder (%s), then the loop is named", async (_what, uri) => {
    const script = scriptedFetch(
      json(200, subscriptions(["s1"], link(uri))),
      json(200, subscriptions(["s1"], link(uri))),
    );
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch, maxRetries: 0 });
    const ids: string[] = [];
    const error = await (async () => {
      for await (const s of pc.subscriptions.listByOrder(CUSTOMER, "o1")) ids.push(s.id!);
    })().catch((e: unknown) => e);
    expect(ids).toEqual(["s1"]);
    expect(script.sent).toHaveLength(1);
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", message: expect.stringMatching(/already read/) });
  });

  it("is yielded once by orders.list with a billingType", async () => {
    const uri = `/customers/${CUSTOMER}/orders?billingType=monthly`;
    const { ids, error, sent } = await drain([json(200, page(["a"], link(uri))), json(200, page(["a"], link(uri)))], {
      billingType: "monthly",
    });
    expect(ids).toEqual(["a"]);
    expect(sent).toHaveLength(1);
    expect(error).toMatchObject({ code: "INVALID_RESPONSE" });
  });
});
