// Without a fetch option the client sends through node:http in Node, and through the platform's
// fetch in the build for browsers and edge runtimes (looked up at each call, so that a fetch
// installed later is the one used).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AttemptAbort } from "../../../src/internal/fast/attempt-abort";
import { LightHeaders } from "../../../src/internal/fast/light-headers";
import { defaultTransport } from "../../../src/transport/default-transport";
import { defaultTransport as browserDefaultTransport } from "../../../src/transport/default-transport.browser";

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((_request, response) => response.end('{"from":"server"}'));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/x`;
});
afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));
afterEach(() => jest.restoreAllMocks());

const call = () => ({ method: "GET", url, headers: new Headers() });
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("the default transport", () => {
  it("sends through node:http in Node, never through the global fetch", async () => {
    const spy = jest.spyOn(globalThis, "fetch");
    const received = await defaultTransport()(call(), new AttemptAbort(), 1_000);
    expect(text(received.body)).toBe('{"from":"server"}');
    expect(spy).not.toHaveBeenCalled();
  });

  it("sends through the platform's fetch in the browser and edge build, the one there at the time of the call", async () => {
    const transport = browserDefaultTransport();
    const spy = jest.spyOn(globalThis, "fetch").mockResolvedValue(new Response('{"from":"fetch"}'));
    const received = await transport(call(), new AttemptAbort(), 1_000);
    expect(text(received.body)).toBe('{"from":"fetch"}');
    expect(spy).toHaveBeenCalledWith(url, expect.objectContaining({ method: "GET", redirect: "manual" }));
  });
});

describe("the platform's fetch", () => {
  it("gets the client's own headers as a plain record, which it copies faster than a Headers-like object", async () => {
    const spy = jest.spyOn(globalThis, "fetch").mockResolvedValue(new Response("{}"));
    const headers = new LightHeaders(["MS-RequestId", "r", "Accept", "application/json"]);
    await browserDefaultTransport()({ method: "GET", url, headers }, new AttemptAbort(), 1_000);
    const sent = spy.mock.calls[0]![1]!.headers as Record<string, string>;
    expect(sent).not.toBeInstanceOf(LightHeaders);
    expect({ ...sent }).toEqual({ "ms-requestid": "r", accept: "application/json" });
  });

  it("gets Headers that are not the client's own (a Request's) as they are", async () => {
    const spy = jest.spyOn(globalThis, "fetch").mockResolvedValue(new Response("{}"));
    const headers = new Headers({ "MS-RequestId": "r" });
    await browserDefaultTransport()({ method: "GET", url, headers }, new AttemptAbort(), 1_000);
    expect(spy.mock.calls[0]![1]!.headers).toBe(headers);
  });
});

describe("the runtime's own fetch", () => {
  it("is the default on Bun and Deno, whose fetch honours their proxy and certificate settings", () => {
    const { prefersOwnFetch } =
      require("../../../src/transport/node/node-transport") as typeof import("../../../src/transport/node/node-transport");
    expect(prefersOwnFetch({ Bun: { version: "1.2.0" } })).toBe(true);
    expect(prefersOwnFetch({ Deno: { version: { deno: "2.1.0" } } })).toBe(true);
    expect(prefersOwnFetch({ process: { versions: { node: "20.20.2" } } })).toBe(false);
  });
});
