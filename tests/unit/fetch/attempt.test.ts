import { AttemptTimeoutError, sendAttempt } from "../../../src/fetch/attempt";
import { scriptedFetch } from "../../helpers/scripted-fetch";

const request = (signal?: AbortSignal) => new Request("https://pc.test/v1/customers", signal ? { signal } : {});

describe("sendAttempt", () => {
  it("returns the answer as fetch made it", async () => {
    const { fetch } = scriptedFetch(new Response("hello", { status: 200, headers: { "X-A": "1" } }));
    const response = await sendAttempt(fetch, request(), 1_000);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-a")).toBe("1");
    expect(await response.text()).toBe("hello");
  });

  it("keeps a 204 without a body", async () => {
    const { fetch } = scriptedFetch(new Response(null, { status: 204 }));
    expect((await sendAttempt(fetch, request(), 1_000)).status).toBe(204);
  });

  it("rejects with AttemptTimeoutError when the answer takes longer than the timeout", async () => {
    const { fetch } = scriptedFetch("hang");
    await expect(sendAttempt(fetch, request(), 15)).rejects.toBeInstanceOf(AttemptTimeoutError);
  });

  it("leaves the body to the caller's signal, which can still end a stalled read", async () => {
    // As undici does, aborting the fetch errors a body still being read.
    const { fetch } = scriptedFetch((req) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("{"));
          req.signal.addEventListener("abort", () => controller.error(req.signal.reason));
        },
      });
      return new Response(body, { status: 200 });
    });
    const caller = new AbortController();
    const response = await sendAttempt(fetch, request(caller.signal), 15);
    const reading = response.text();
    caller.abort(new Error("caller gave up"));
    await expect(reading).rejects.toThrow("caller gave up");
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    const { fetch } = scriptedFetch("hang");
    const controller = new AbortController();
    const pending = sendAttempt(fetch, request(controller.signal), 10_000);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
  });

  it("does not send when the caller already aborted", async () => {
    const { fetch, sent } = scriptedFetch(new Response("x"));
    await expect(sendAttempt(fetch, request(AbortSignal.abort(new Error("gone"))), 1_000)).rejects.toThrow("gone");
    expect(sent).toHaveLength(0);
  });

  it("leaves no timer behind", async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const { fetch } = scriptedFetch(new Response("x"));
    await sendAttempt(fetch, request(), 60_000);
    expect(process.getActiveResourcesInfo().filter((r) => r === "Timeout").length).toBe(before);
  });
});
