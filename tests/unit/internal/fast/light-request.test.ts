// A LightRequest is built, refused and normalised as a Request built from the same arguments is:
// the parts the client sends from, the TypeErrors, and the Content-Type default.
import { createPartnerCenterClient } from "../../../../src";
import { LightRequest } from "../../../../src/internal/fast/light-request";
import { ReplayableRequest, outgoingFrom } from "../../../../src/internal/fast/outgoing";
import { json, scriptedFetch } from "../../../helpers/scripted-fetch";

type Args = [string, RequestInit?];
const form = new FormData();
form.append("a", "b");

function built(make: () => { url: string; method: string; headers: Headers }) {
  try {
    const r = make();
    const type = r.headers.get("content-type");
    return {
      url: r.url,
      method: r.method,
      headers: Object.fromEntries([...r.headers].filter(([k]) => k !== "content-type")),
      type: type?.startsWith("multipart/") ? "multipart" : type,
    };
  } catch (error) {
    return { threw: (error as Error).constructor.name };
  }
}

const cases: [string, Args][] = [
  ["a plain GET", ["https://pc.test/v1/customers/c/orders"]],
  [
    "a POST with a JSON body and its type",
    ["https://pc.test/v1/x", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } }],
  ],
  ["a string body without a type", ["https://pc.test/v1/x", { method: "POST", body: "{}" }]],
  ["URLSearchParams", ["https://pc.test/v1/x", { method: "POST", body: new URLSearchParams({ a: "1" }) }]],
  ["a typed Blob", ["https://pc.test/v1/x", { method: "PUT", body: new Blob(["x"], { type: "application/pdf" }) }]],
  ["a lower-case method that is normalised", ["https://pc.test/v1/x", { method: "post", body: "{}" }]],
  // Not `patch`, which makes undici print a warning into every npm test run; fetch treats both alike.
  ["a lower-case method that is not", ["https://pc.test/v1/x", { method: "purge", body: "{}" }]],
  ["a URL that needs normalising", ["HTTPS://PC.test:443/v1/a/../b?q=1 2", {}]],
  ["headers as a Headers", ["https://pc.test/v1/x", { headers: new Headers({ "X-A": "1", "MS-RequestId": "r" }) }]],
  ["not a URL", ["/relative/path", {}]],
  ["credentials in the URL", ["https://user:secret@pc.test/v1/x", {}]],
  ["a GET with a body", ["https://pc.test/v1/x", { method: "GET", body: "{}" }]],
  ["a HEAD with a body", ["https://pc.test/v1/x", { method: "HEAD", body: "{}" }]],
  ["a forbidden method", ["https://pc.test/v1/x", { method: "CONNECT" }]],
  ["a method that is not a token", ["https://pc.test/v1/x", { method: "GE T" }]],
  ["a header name that is not a token", ["https://pc.test/v1/x", { headers: { "Bad Name": "1" } }]],
  ["a header value with CR LF", ["https://pc.test/v1/x", { headers: { "X-A": "a\r\nb" } }]],
];

describe("LightRequest", () => {
  it.each(cases)("matches a Request for %s", (_what, args) => {
    expect(built(() => new LightRequest(...args))).toEqual(built(() => new Request(...args)));
  });
});

describe("a FormData body", () => {
  it("is sent without a Content-Type either way, so fetch writes the boundary it uses", () => {
    const args: Args = ["https://pc.test/v1/x", { method: "POST", body: form }];
    expect(new Request(...args).headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(new LightRequest(...args).headers.get("content-type")).toBeNull();
    expect(outgoingFrom(new ReplayableRequest(...args)).headers.get("content-type")).toBeNull();
    expect(outgoingFrom(new LightRequest(...args)).headers.get("content-type")).toBeNull();
  });
});

describe("which request openapi-fetch builds", () => {
  it("is a real Request for middleware registered with use()", async () => {
    const script = scriptedFetch(json(200, { totalCount: 0, items: [] }));
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: "https://pc.test/v1", fetch: script.fetch });
    const seen: unknown[] = [];
    pc.use({ onRequest: ({ request }) => void seen.push(request) });
    await pc.GET("/customers/{customer_id}/orders", {
      params: { path: { customer_id: "b0d70a69-4c42-4b27-b17b-91a835d8686a" } },
    });
    expect(seen[0]).toBeInstanceOf(Request);
  });

  it("is a real Request for a raw call's own middleware, and light again after it", async () => {
    const script = scriptedFetch(json(200, { totalCount: 0, items: [] }), json(200, { totalCount: 0, items: [] }));
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: "https://pc.test/v1", fetch: script.fetch });
    const seen: unknown[] = [];
    const path = { customer_id: "b0d70a69-4c42-4b27-b17b-91a835d8686a" };
    await pc.GET("/customers/{customer_id}/orders", {
      params: { path },
      middleware: [{ onRequest: ({ request }) => void seen.push(request.clone()) }],
    });
    expect(seen[0]).toBeInstanceOf(Request);
    await pc.GET("/customers/{customer_id}/orders", { params: { path } });
    expect(script.sent).toHaveLength(2);
  });
});
