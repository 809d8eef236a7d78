import { ReplayableRequest, canReplay, requestForAttempt } from "../../../src/fetch/replay";

describe("requestForAttempt", () => {
  it("sends the original request first", () => {
    const original = new ReplayableRequest("https://pc.test/x", { method: "POST", body: "{}" });
    expect(requestForAttempt(original, 1)).toBe(original);
  });

  it("rebuilds a later attempt with the same method, url, headers and body", async () => {
    const original = new ReplayableRequest("https://pc.test/x", {
      method: "PATCH",
      body: '{"id":"a"}',
      headers: { "MS-RequestId": "r", "Content-Type": "application/json" },
    });
    await original.text();
    const again = requestForAttempt(original, 2);
    expect(again).not.toBe(original);
    expect([again.method, again.url, again.headers.get("ms-requestid")]).toEqual(["PATCH", "https://pc.test/x", "r"]);
    expect(await again.text()).toBe('{"id":"a"}');
  });

  it("gives a FormData body a fresh multipart boundary", async () => {
    const form = new FormData();
    form.append("Metadata", "{}");
    const original = new ReplayableRequest("https://pc.test/x", { method: "POST", body: form });
    const again = requestForAttempt(original, 2);
    const type = again.headers.get("content-type")!;
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(await again.text()).toContain(type.split("boundary=")[1]);
  });

  it("reuses a request without a body", () => {
    const original = new Request("https://pc.test/x");
    expect(requestForAttempt(original, 3)).toBe(original);
  });
});

describe("canReplay", () => {
  it("is true for a body the client kept, or no body", () => {
    expect(canReplay(new ReplayableRequest("https://pc.test/x", { method: "POST", body: "{}" }))).toBe(true);
    expect(canReplay(new Request("https://pc.test/x"))).toBe(true);
  });

  it("is false for a body built elsewhere, which cannot be sent twice", () => {
    expect(canReplay(new Request("https://pc.test/x", { method: "POST", body: "{}" }))).toBe(false);
  });
});
