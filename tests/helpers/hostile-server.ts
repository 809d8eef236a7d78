// A loopback HTTP server that misbehaves on purpose, one scripted behaviour per request, for the
// tests that show the client ends every call whatever a server does.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Behaviour = (request: IncomingMessage, response: ServerResponse) => void;

export interface HostileServer {
  url: string;
  /** What each request got, in order. */
  requests: { method: string; url: string; headers: IncomingMessage["headers"] }[];
  close(): Promise<void>;
}

/** A server that answers its requests with `behaviours` in turn, then with 500s. */
export function startHostileServer(...behaviours: Behaviour[]): Promise<HostileServer> {
  return listen(() => behaviours.shift() ?? ((_q, r) => r.writeHead(500).end()));
}

/** A server that answers every request with `behaviour`. */
export function startServer(behaviour: Behaviour): Promise<HostileServer> {
  return listen(() => behaviour);
}

async function listen(next: () => Behaviour): Promise<HostileServer> {
  const requests: HostileServer["requests"] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers });
    request.resume();
    next()(request, response);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Headers at once, then one byte of JSON every `everyMs`, never finishing. */
export function trickle(everyMs: number): Behaviour {
  return (_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.write('{"id":"');
    const timer = setInterval(() => response.write("x"), everyMs);
    response.on("close", () => clearInterval(timer));
  };
}

/** Headers at once, then part of the body, then silence. */
export const stallAfterHeaders: Behaviour = (_request, response) => {
  response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "1000" });
  response.write('{"id":"Cs_');
};

/** Headers, part of the body, then the connection drops. */
export const cutMidBody: Behaviour = (request, response) => {
  response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "1000" });
  response.write('{"id":"Cs_', () => request.socket.destroy());
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Behaviour {
  return (_request, response) => {
    response.writeHead(status, { "Content-Type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };
}

/** A body of `bytes` bytes of valid JSON, sent chunked (no Content-Length) or with one. */
export function huge(bytes: number, withLength: boolean): Behaviour {
  return (_request, response) => {
    const head = '{"id":"Cs_","pad":"';
    const tail = '","lineItems":[]}';
    const padding = "x".repeat(Math.max(0, bytes - head.length - tail.length));
    const body = head + padding + tail;
    response.writeHead(200, {
      "Content-Type": "application/json",
      ...(withLength ? { "Content-Length": String(Buffer.byteLength(body)) } : {}),
    });
    response.end(body);
  };
}

/** A `serve(startServer(...))` for a test file: each server it started is closed after its test. */
export function closedAfterEach(): (server: Promise<HostileServer>) => Promise<HostileServer> {
  const servers: HostileServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (server) => {
    const started = await server;
    servers.push(started);
    return started;
  };
}
