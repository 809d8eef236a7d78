import { AttemptTimeoutError, sendAttempt } from "../../../src/transport/attempt";
import { fetchTransport } from "../../../src/transport/fetch-transport";
import { ResponseTooLargeError } from "../../../src/transport/read-body";
import type { Outgoing } from "../../../src/internal/fast/outgoing";
import { scriptedFetch } from "../../helpers/scripted-fetch";

const request = (signal?: AbortSignal): Outgoing => ({
  method: "GET",
  url: "https://pc.test/v1/customers",
  headers: new Headers(),
  signal,
});
const limits = (timeoutMs: number, maxResponseBytes = 1_000_000) => ({ timeoutMs, maxResponseBytes });
const text = (body: Uint8Array) => new TextDecoder().decode(body);

/** A body that sends `first`, then nothing, ending only when its reader is cancelled. */
const stalling = (first: string) =>
  new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode(first)) });

describe("sendAttempt", () => {
  it("reads the whole answer: status, headers and body", async () => {
    const { fetch } = scriptedFetch(new Response("hello", { status: 200, headers: { "X-A": "1" } }));
    const received = await sendAttempt(fetchTransport(fetch), request(), limits(1_000));
    expect([received.status, received.headers.get("x-a"), text(received.body), received.redirect]).toEqual([
      200,
      "1",
      "hello",
      false,
    ]);
  });

  it("keeps a 204 without a body", async () => {
    const { fetch } = scriptedFetch(new Response(null, { status: 204 }));
    expect(await sendAttempt(fetchTransport(fetch), request(), limits(1_000))).toMatchObject({
      status: 204,
      body: new Uint8Array(0),
    });
  });

  it("rejects with AttemptTimeoutError when the headers take longer than the timeout", async () => {
    const { fetch } = scriptedFetch("hang");
    await expect(sendAttempt(fetchTransport(fetch), request(), limits(15))).rejects.toBeInstanceOf(AttemptTimeoutError);
  });

  it("rejects with AttemptTimeoutError when the body stalls, even if the body ignores the abort", async () => {
    const { fetch } = scriptedFetch(new Response(stalling("{"), { status: 200 }));
    await expect(sendAttempt(fetchTransport(fetch), request(), limits(20))).rejects.toBeInstanceOf(AttemptTimeoutError);
  });

  it("ends a fetch that ignores its signal when the timeout passes", async () => {
    const deaf = () => new Promise<Response>(() => undefined);
    await expect(sendAttempt(fetchTransport(deaf), request(), limits(20))).rejects.toBeInstanceOf(AttemptTimeoutError);
  });

  it("refuses a body past the cap, whether or not it says its length", async () => {
    const big = "x".repeat(2_000);
    await expect(
      sendAttempt(fetchTransport(scriptedFetch(new Response(big)).fetch), request(), limits(1_000, 1_000)),
    ).rejects.toBeInstanceOf(ResponseTooLargeError);
    const declared = new Response(big, { headers: { "Content-Length": "2000" } });
    await expect(
      sendAttempt(fetchTransport(scriptedFetch(declared).fetch), request(), limits(1_000, 1_000)),
    ).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it("marks a redirect and does not read its body", async () => {
    const { fetch } = scriptedFetch(
      new Response("elsewhere", { status: 307, headers: { Location: "https://elsewhere.test/" } }),
    );
    expect(await sendAttempt(fetchTransport(fetch), request(), limits(1_000))).toMatchObject({
      status: 307,
      redirect: true,
      body: new Uint8Array(0),
    });
  });

  it("asks fetch not to follow redirects", async () => {
    let redirect: RequestInit["redirect"];
    await sendAttempt(
      fetchTransport(async (_input, init) => ((redirect = init?.redirect), new Response("{}"))),
      request(),
      limits(1_000),
    );
    expect(redirect).toBe("manual");
  });

  it("rejects with the caller's reason when the caller aborts, mid-body too", async () => {
    const controller = new AbortController();
    const pending = sendAttempt(
      fetchTransport(scriptedFetch(new Response(stalling("{"))).fetch),
      request(controller.signal),
      limits(10_000),
    );
    setTimeout(() => controller.abort(new Error("stop")), 10);
    await expect(pending).rejects.toThrow("stop");
  });

  it("does not send when the caller already aborted", async () => {
    const { fetch, sent } = scriptedFetch(new Response("x"));
    await expect(
      sendAttempt(fetchTransport(fetch), request(AbortSignal.abort(new Error("gone"))), limits(1_000)),
    ).rejects.toThrow("gone");
    expect(sent).toHaveLength(0);
  });

  it("leaves no timer behind", async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const { fetch } = scriptedFetch(new Response("x"));
    await sendAttempt(fetchTransport(fetch), request(), limits(60_000));
    expect(process.getActiveResourcesInfo().filter((r) => r === "Timeout").length).toBe(before);
  });
});
