import { resolveLink } from "../../../src/calls/links";

const BASE = "https://api.partnercenter.microsoft.com/v1";

describe("resolveLink", () => {
  it("resolves a relative uri against the API root", () => {
    expect(resolveLink({ uri: "/customers/c/orders/o/provisioningstatus", method: "GET", headers: [] }, BASE)).toEqual({
      method: "GET",
      path: "/customers/c/orders/o/provisioningstatus",
      headers: {},
    });
  });

  it("drops a /v1 the root already carries", () => {
    expect(resolveLink({ uri: "/v1/customers/c/orders?size=2&seekOperation=Next" }, BASE)).toMatchObject({
      path: "/customers/c/orders?size=2&seekOperation=Next",
    });
  });

  it("defaults the method to GET and carries the link's headers", () => {
    const link = { uri: "/customers/c/orders", headers: [{ key: "MS-ContinuationToken", value: "abc==" }] };
    expect(resolveLink(link, BASE)).toEqual({
      method: "GET",
      path: "/customers/c/orders",
      headers: { "MS-ContinuationToken": "abc==" },
    });
  });

  it("accepts an absolute uri under the root", () => {
    expect(resolveLink({ uri: `${BASE}/customers/c/orders/o`, method: "PATCH" }, BASE)).toMatchObject({
      method: "PATCH",
      path: "/customers/c/orders/o",
    });
  });

  it.each([
    ["another host", { uri: "https://evil.test/v1/customers" }, "link.uri"],
    ["a protocol-relative uri", { uri: "//evil.test/customers" }, "link.uri"],
    ["the docs' placeholder", { uri: "<link populated here>" }, "link.uri"],
    ["an unknown method", { uri: "/customers", method: "TRACE" }, "link.method"],
    [
      "a header value with CR LF",
      { uri: "/customers", headers: [{ key: "A", value: "1\r\nB: 2" }] },
      "link.headers[0].value",
    ],
    ["a header name with a space", { uri: "/customers", headers: [{ key: "A B", value: "1" }] }, "link.headers[0].key"],
  ])("refuses %s", (_name, link, path) => {
    const result = resolveLink(link as never, BASE);
    expect(Array.isArray(result) && result.map((p) => p.path)).toEqual([path]);
  });
});

describe("resolveLink's bounds", () => {
  it.each([
    "/customers/c/../../../admin",
    "/v1/../v2/customers/c/orders",
    "/customers/c/%2e%2e/%2E%2E/%2e%2e/admin",
    "https://api.partnercenter.microsoft.com/v1/../x",
  ])("refuses %s, which resolves outside the API root", (uri) => {
    expect(resolveLink({ uri }, "https://api.partnercenter.microsoft.com/v1")).toEqual([
      { path: "link.uri", message: expect.stringMatching(/outside https:\/\/api\.partnercenter\.microsoft\.com\/v1/) },
    ]);
  });
});
