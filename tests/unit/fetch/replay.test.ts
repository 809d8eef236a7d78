import { ReplayableRequest, canReplay, fetchArguments } from "../../../src/fetch/replay";

const signal = new AbortController().signal;

describe("fetchArguments", () => {
  it("sends the kept body, with the request's url, method and headers, as often as asked", async () => {
    const request = new ReplayableRequest("https://pc.test/x", {
      method: "PATCH",
      body: '{"id":"a"}',
      headers: { "MS-RequestId": "r", "Content-Type": "application/json" },
    });
    for (let attempt = 0; attempt < 3; attempt++) {
      const sent = new Request(...fetchArguments(request, signal));
      expect([sent.method, sent.url, sent.headers.get("ms-requestid")]).toEqual(["PATCH", "https://pc.test/x", "r"]);
      expect(await sent.text()).toBe('{"id":"a"}');
    }
  });

  it("passes the body as a string, so its length is known", () => {
    const request = new ReplayableRequest("https://pc.test/x", { method: "POST", body: "{}" });
    const [input, init] = fetchArguments(request, signal);
    expect(input).toBe("https://pc.test/x");
    expect(init).toMatchObject({ method: "POST", body: "{}", signal });
  });

  it("lets a FormData body set its own multipart boundary", async () => {
    const form = new FormData();
    form.append("Metadata", "{}");
    const request = new ReplayableRequest("https://pc.test/x", { method: "POST", body: form });
    const sent = new Request(...fetchArguments(request, signal));
    const type = sent.headers.get("content-type")!;
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(await sent.text()).toContain(type.split("boundary=")[1]);
  });

  it("sends a request without a body as is", () => {
    const [input, init] = fetchArguments(new Request("https://pc.test/x"), signal);
    expect(input).toBe("https://pc.test/x");
    expect(init.body).toBeUndefined();
  });

  it("hands over a Request whose body it did not keep, once", () => {
    const request = new Request("https://pc.test/x", { method: "POST", body: "{}" });
    expect(fetchArguments(request, signal)).toEqual([request, { signal }]);
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
