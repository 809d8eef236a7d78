import { fetchArguments } from "../../../../src/transport/fetch-transport";
import { ReplayableRequest, outgoingFrom } from "../../../../src/internal/fast/outgoing";

const signal = new AbortController().signal;

describe("outgoingFrom and fetchArguments", () => {
  it("send the kept body, with the request's url, method and headers, as often as asked", async () => {
    const request = new ReplayableRequest("https://pc.test/x", {
      method: "PATCH",
      body: '{"id":"a"}',
      headers: { "MS-RequestId": "r", "Content-Type": "application/json" },
    });
    const call = outgoingFrom(request);
    for (let attempt = 0; attempt < 3; attempt++) {
      const sent = new Request(...fetchArguments(call, signal));
      expect([sent.method, sent.url, sent.headers.get("ms-requestid")]).toEqual(["PATCH", "https://pc.test/x", "r"]);
      expect(await sent.text()).toBe('{"id":"a"}');
    }
  });

  it("pass the body as a string, so its length is known", () => {
    const [input, init] = fetchArguments(
      outgoingFrom(new ReplayableRequest("https://pc.test/x", { method: "POST", body: "{}" })),
      signal,
    );
    expect(input).toBe("https://pc.test/x");
    expect(init).toMatchObject({ method: "POST", body: "{}", signal, redirect: "manual" });
  });

  it("let a FormData body set its own multipart boundary", async () => {
    const form = new FormData();
    form.append("Metadata", "{}");
    const request = new ReplayableRequest("https://pc.test/x", { method: "POST", body: form });
    const sent = new Request(...fetchArguments(outgoingFrom(request), signal));
    const type = sent.headers.get("content-type")!;
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(await sent.text()).toContain(type.split("boundary=")[1]);
  });

  it("send a request without a body as is, and it can be retried", () => {
    const call = outgoingFrom(new Request("https://pc.test/x"));
    expect(call.request).toBeUndefined();
    const [input, init] = fetchArguments(call, signal);
    expect(input).toBe("https://pc.test/x");
    expect(init.body).toBeUndefined();
  });

  it("hand over, once, a Request whose body the client did not keep", () => {
    const request = new Request("https://pc.test/x", { method: "POST", body: "{}" });
    const call = outgoingFrom(request);
    expect(call.request).toBe(request);
    expect(fetchArguments(call, signal)).toEqual([request, { signal, redirect: "manual" }]);
  });
});
