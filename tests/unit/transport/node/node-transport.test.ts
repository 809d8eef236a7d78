// The node:http transport moves an attempt's bytes as the fetch transport does: the same request
// on the wire, the answer decoded as fetch decodes it, a redirect answered and not followed, the
// size cap, and an abort that ends the request at once.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { AttemptAbort } from "../../../../src/internal/fast/attempt-abort";
import { fetchTransport } from "../../../../src/transport/fetch-transport";
import { nodeTransport } from "../../../../src/transport/node/node-transport";
import { ResponseTooLargeError } from "../../../../src/transport/read-body";
import type { Outgoing } from "../../../../src/internal/fast/outgoing";

let server: Server;
let url: string;
let handle: (request: IncomingMessage, body: Buffer, response: ServerResponse) => void;
beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c)).on("end", () => handle(request, Buffer.concat(chunks), response));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

const node = nodeTransport()!;
const viaFetch = fetchTransport((input, init) => fetch(input, init));
const call = (over: Partial<Outgoing> = {}): Outgoing => ({
  method: "POST",
  url: `${url}/v1/x?y=1`,
  headers: new Headers({ "Content-Type": "application/json", "MS-RequestId": "r" }),
  body: '{"a":1}',
  ...over,
});
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("the node:http transport", () => {
  it("is there in Node", () => {
    expect(node).toBeInstanceOf(Function);
  });

  it("sends what the fetch transport sends: method, path, headers and body", async () => {
    const seen: { method?: string; url?: string; headers: IncomingMessage["headers"]; body: string }[] = [];
    handle = (request, body, response) => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body: body.toString() });
      response.end("{}");
    };
    for (const transport of [node, viaFetch]) await transport(call(), new AttemptAbort(), 1_000);
    const [a, b] = seen;
    expect([a!.method, a!.url, a!.body]).toEqual([b!.method, b!.url, b!.body]);
    for (const name of ["content-type", "content-length", "ms-requestid"])
      expect([name, a!.headers[name]]).toEqual([name, b!.headers[name]]);
  });

  it("sends a Request whose body only it can read (one a middleware built), as fetch sends it", async () => {
    const seen: { method?: string; type?: string; body: string }[] = [];
    handle = (request, body, response) => {
      seen.push({ method: request.method, type: request.headers["content-type"], body: body.toString() });
      response.end("{}");
    };
    const own = () => {
      const request = new Request(`${url}/v1/x`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json" },
        body: new Blob(['{"b":2}']).stream(),
        duplex: "half",
      } as RequestInit);
      return call({ method: "PATCH", headers: request.headers, body: undefined, request });
    };
    for (const transport of [node, viaFetch])
      expect((await transport(own(), new AttemptAbort(), 1_000)).status).toBe(200);
    expect(seen).toEqual([
      { method: "PATCH", type: "application/json", body: '{"b":2}' },
      { method: "PATCH", type: "application/json", body: '{"b":2}' },
    ]);
  });

  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["br", brotliCompressSync],
  ] as const)("decodes a %s answer, as fetch does", async (coding, compress) => {
    handle = (_q, _b, response) => {
      response.writeHead(200, { "Content-Encoding": coding, "Content-Type": "application/json" });
      response.end(compress(Buffer.from('{"id":"é"}')));
    };
    const received = await node(call({ method: "GET", body: undefined }), new AttemptAbort(), 1_000);
    expect(text(received.body)).toBe('{"id":"é"}');
  });

  it.each([
    ["gzip, gzip", (b: Buffer) => gzipSync(gzipSync(b))],
    ["deflate, gzip", (b: Buffer) => gzipSync(deflateSync(b))],
    ["gzip, br", (b: Buffer) => brotliCompressSync(gzipSync(b))],
    ["deflate (raw, with no zlib header)", deflateRawSync],
    ["identity", (b: Buffer) => b],
  ] as const)("decodes an answer coded %s, as fetch does", async (coding, compress) => {
    handle = (_q, _b, response) => {
      response.writeHead(200, {
        "Content-Encoding": coding.replace(/ \(.*\)$/, ""),
        "Content-Type": "application/json",
      });
      response.end(compress(Buffer.from('{"id":"é"}')));
    };
    for (const transport of [viaFetch, node]) {
      const received = await transport(call({ method: "GET", body: undefined }), new AttemptAbort(), 1_000);
      expect(text(received.body)).toBe('{"id":"é"}');
    }
  });

  it("decodes an answer whose codings come in two Content-Encoding fields, as fetch does", async () => {
    handle = (_q, _b, response) => {
      response.writeHead(200, { "Content-Encoding": ["deflate", "gzip"], "Content-Type": "application/json" });
      response.end(gzipSync(deflateSync(Buffer.from('{"id":"é"}'))));
    };
    for (const transport of [viaFetch, node]) {
      const received = await transport(call({ method: "GET", body: undefined }), new AttemptAbort(), 1_000);
      expect(text(received.body)).toBe('{"id":"é"}');
    }
  });

  it("reads a complete Content-Length body followed by junk, and the next call on the same connection still works", async () => {
    let calls = 0;
    handle = (request, _b, response) => {
      calls++;
      // Junk past the declared length, written to the socket itself, as a broken proxy might.
      request.socket.write(
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}garbage-after-the-body",
      );
      response.detachSocket(request.socket);
    };
    for (const transport of [viaFetch, node]) {
      for (let i = 0; i < 2; i++) {
        const received = await transport(call({ method: "GET", body: undefined }), new AttemptAbort(), 1_000);
        expect([i, text(received.body)]).toEqual([i, "{}"]);
      }
    }
    expect(calls).toBe(4);
  });

  it("refuses an answer past the cap, after decoding too", async () => {
    handle = (_q, _b, response) => {
      response.writeHead(200, { "Content-Encoding": "gzip" });
      response.end(gzipSync(Buffer.alloc(100_000)));
    };
    await expect(node(call({ method: "GET", body: undefined }), new AttemptAbort(), 10_000)).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
  });

  it("answers a redirect without following it", async () => {
    handle = (_q, _b, response) => response.writeHead(307, { Location: "http://elsewhere.test/" }).end("moved");
    expect(await node(call(), new AttemptAbort(), 1_000)).toMatchObject({ status: 307, redirect: true });
  });

  it("sends FormData and Blob bodies encoded as fetch encodes them", async () => {
    const bodies: { type?: string; body: string }[] = [];
    handle = (request, body, response) => {
      bodies.push({ type: request.headers["content-type"], body: body.toString() });
      response.end("{}");
    };
    const form = new FormData();
    form.append("Metadata", new Blob(['{"currency":"USD"}'], { type: "application/json" }), "Metadata.json");
    const headers = new Headers();
    await node(call({ body: form, headers }), new AttemptAbort(), 1_000);
    await node(
      call({ body: new Blob(["%PDF"], { type: "application/pdf" }), headers: new Headers() }),
      new AttemptAbort(),
      1_000,
    );
    expect(bodies[0]!.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(bodies[0]!.body).toContain('{"currency":"USD"}');
    expect(bodies[1]).toEqual({ type: "application/pdf", body: "%PDF" });
  });

  it("ends the request at once when the attempt is aborted, mid-body too", async () => {
    handle = (_q, _b, response) => {
      response.writeHead(200);
      response.write("{");
    };
    const attempt = new AttemptAbort();
    const pending = node(call(), attempt, 1_000).catch((e: unknown) => e);
    setTimeout(() => attempt.abort(new Error("stop")), 30);
    expect(await pending).toMatchObject({ message: "stop" });
  });

  it("ends at once when the attempt is aborted while a middleware's body has not finished", async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new Uint8Array([123])),
    });
    const request = new Request(`${url}/v1/x`, { method: "POST", body: stalled, duplex: "half" } as RequestInit);
    const attempt = new AttemptAbort();
    const pending = node(call({ headers: request.headers, body: undefined, request }), attempt, 1_000).catch(
      (e: unknown) => e,
    );
    setTimeout(() => attempt.abort(new Error("stop")), 30);
    expect(await pending).toMatchObject({ message: "stop" });
  });

  it("fails a body the server cuts off", async () => {
    handle = (request, _b, response) => {
      response.writeHead(200, { "Content-Length": "100" });
      response.write("{", () => request.socket.destroy());
    };
    await expect(node(call(), new AttemptAbort(), 1_000)).rejects.toThrow();
  });
});
