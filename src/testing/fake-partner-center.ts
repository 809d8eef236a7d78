// A fake Partner Center for tests: a real node:http server on loopback with stateful orders,
// bearer auth, requests bound and checked as the service binds them, MS-RequestId idempotency,
// paged lists, and faults injected on schedule or at a rate. Prism cannot keep state or script
// failures.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { PlacedOrder } from "../../generated/schema";
import { bindRequest, operationRuleProblems } from "../validation/request";
import { apiFault, errorAnswer, invalidInput, type Answer } from "./answers";
import { drawFault, type Fault, type FaultRate } from "./faults";
import { handleOperation } from "./handlers";
import { isAnswer, readRequest } from "./read-request";
import { matchRoute } from "./routes";
import { OrderStore, type NewOrder } from "./store";

export interface FakePartnerCenterOptions {
  /** The only bearer token accepted; any non-empty token when unset. */
  token?: string;
  /** Orders per page of listOrders; later pages come through links.next and MS-ContinuationToken. Default 100. */
  pageSize?: number;
  /** Port to listen on; a free one when unset. */
  port?: number;
}

export interface FakePartnerCenterStats {
  /** Requests received, faulted ones included. */
  requests: number;
  /** Orders created. */
  created: number;
  /** Requests answered from an earlier one with the same MS-RequestId. */
  replays: number;
  /** Faults injected. */
  faults: number;
}

export interface FakePartnerCenter {
  /** Base URL to give the client (`baseUrl`). */
  readonly url: string;
  /** Every order, or one customer's. */
  orders(customerId?: string): PlacedOrder[];
  readonly stats: Readonly<FakePartnerCenterStats>;
  /** Faults for the next requests, in order; `null` lets one through. */
  injectFaults(...faults: (Fault | null)[]): void;
  /** Faults at a rate, drawn per MS-RequestId and attempt; `undefined` stops them. */
  setFaultRate(plan: FaultRate | undefined): void;
  /** Adds `count` orders for a customer directly, without requests (for paging tests). */
  seedOrders(customerId: string, count: number, order?: NewOrder): void;
  /** Forgets orders, faults, idempotency records and stats. */
  reset(): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakePartnerCenter(options: FakePartnerCenterOptions = {}): Promise<FakePartnerCenter> {
  const store = new OrderStore();
  const pageSize = options.pageSize ?? 100;
  const stats: FakePartnerCenterStats = { requests: 0, created: 0, replays: 0, faults: 0 };
  const replays = new Map<string, Answer>();
  const attempts = new Map<string, number>();
  let scheduled: (Fault | null)[] = [];
  let rate: FaultRate | undefined;
  const sockets = new Set<Socket>();
  const handlers = { store, pageSize, onCreate: () => void (stats.created += 1) };

  /** The answer to a routed request: bound as the service binds it, refused as it refuses, or handled. */
  async function answer(request: IncomingMessage, url: URL, raw: Buffer): Promise<Answer> {
    const route = matchRoute(request.method ?? "GET", url.pathname.replace(/^\/v1(?=\/)/, ""));
    if (route === "method") return errorAnswer(405, 405, "Method not allowed.");
    if (!route) return errorAnswer(404, 404, "No such resource.");
    const parts = await readRequest(route.operationId, route.path, url, request.headers, raw);
    if (isAnswer(parts)) return parts;
    const bound = bindRequest(route.operationId, parts);
    if (bound.problems.length) return invalidInput(bound.problems);
    const refused = operationRuleProblems(route.operationId, bound);
    if (refused.length) {
      return route.operationId === "createOrder"
        ? invalidInput(refused, 800071, "Line Item number should be from 0 to number of line items count.")
        : invalidInput(refused);
    }
    return handleOperation(handlers, route.operationId, bound, url, request.headers);
  }

  function send(response: ServerResponse, request: IncomingMessage, reply: Answer): void {
    const ids = {
      "MS-RequestId": String(request.headers["ms-requestid"] ?? ""),
      "MS-CorrelationId": String(request.headers["ms-correlationid"] ?? ""),
      "MS-CV": "fake.0",
    };
    const raw = reply.body === undefined || typeof reply.body === "string" || Buffer.isBuffer(reply.body);
    const body = reply.body === undefined ? "" : raw ? (reply.body as string | Buffer) : JSON.stringify(reply.body);
    const type = raw ? {} : { "Content-Type": "application/json; charset=utf-8" };
    response.writeHead(reply.status, { ...ids, ...type, ...reply.headers });
    response.end(body);
  }

  function faultAnswer(f: Fault): Answer | undefined {
    if (f.type === "raw") return { status: f.status, headers: f.headers, body: f.body ?? "" };
    if (f.type !== "status") return undefined;
    if (f.status === 429) {
      return {
        status: 429,
        headers: { "Retry-After": f.retryAfter ?? "1" },
        body: { statusCode: 429, message: "Rate limit is exceeded. Try again in 1 seconds." },
      };
    }
    return {
      status: f.status,
      headers: f.retryAfter === undefined ? {} : { "Retry-After": f.retryAfter },
      body: apiFault(f.status === 500 ? 800005 : f.status, "The partner API service or one of its dependencies failed."),
    };
  }

  const server = createServer(async (request, response) => {
    stats.requests += 1;
    const url = new URL(request.url ?? "/", "http://fake");
    const raw = await readBody(request);
    const requestId = typeof request.headers["ms-requestid"] === "string" ? request.headers["ms-requestid"] : undefined;
    const attempt = requestId ? (attempts.get(requestId) ?? 0) + 1 : 1;
    if (requestId) attempts.set(requestId, attempt);
    const injected = scheduled.length ? (scheduled.shift() ?? undefined) : rate && requestId ? drawFault(rate, requestId, attempt) : undefined;
    if (injected) stats.faults += 1;

    if (injected?.type === "reset" && !injected.after) return void request.socket.destroy();
    if (injected?.type === "stall" && !injected.after) return;
    const early = injected && faultAnswer(injected);
    if (early) return send(response, request, early);

    const authorization = request.headers.authorization ?? "";
    const token = /^Bearer\s+(\S.*)$/.exec(authorization)?.[1];
    if (!token || (options.token !== undefined && token !== options.token)) {
      return send(response, request, errorAnswer(401, 3000, "The authentication token is missing or invalid."));
    }

    // A repeated MS-RequestId gets the first answer and changes nothing: the documented idempotency.
    const key = requestId && request.method !== "GET" ? `${request.method} ${url.pathname} ${requestId}` : undefined;
    let reply = key ? replays.get(key) : undefined;
    if (reply) stats.replays += 1;
    else {
      reply = await answer(request, url, raw).catch((error: unknown) =>
        errorAnswer(500, 500, `The fake failed: ${error instanceof Error ? error.message : String(error)}`),
      );
      if (key && reply.status < 500) replays.set(key, reply);
    }
    if (injected?.type === "reset") return void request.socket.destroy();
    if (injected?.type === "stall") return;
    send(response, request, reply);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    orders: (customerId) => (customerId ? store.list(customerId) : store.all()),
    stats,
    injectFaults: (...faults) => void scheduled.push(...faults),
    setFaultRate: (plan) => void (rate = plan),
    seedOrders(customerId, count, order = { lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] }) {
      for (let i = 0; i < count; i++) store.create(customerId, order);
    },
    reset() {
      store.clear();
      replays.clear();
      attempts.clear();
      scheduled = [];
      rate = undefined;
      Object.assign(stats, { requests: 0, created: 0, replays: 0, faults: 0 });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
