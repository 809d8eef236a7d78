// A fake Partner Center for tests: a real node:http server on loopback with stateful orders,
// bearer auth, requests checked against the spec's rules, MS-RequestId idempotency, paged lists,
// and faults injected on schedule or at a rate. Prism cannot keep state or script failures.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Order, OrderCreate, OrderUpdate } from "../../generated/schema";
import { operations, parameters } from "../../generated/request-rules";
import { numberLineItems } from "../validation/line-items";
import { requestProblems, type OperationId } from "../validation/request";
import { drawFault, type Fault, type FaultRate } from "./faults";
import { matchRoute } from "./routes";
import { OrderStore } from "./store";

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
  orders(customerId?: string): Order[];
  readonly stats: Readonly<FakePartnerCenterStats>;
  /** Faults for the next requests, in order; `null` lets one through. */
  injectFaults(...faults: (Fault | null)[]): void;
  /** Faults at a rate, drawn per MS-RequestId and attempt; `undefined` stops them. */
  setFaultRate(plan: FaultRate | undefined): void;
  /** Adds `count` orders for a customer directly, without requests (for paging tests). */
  seedOrders(customerId: string, count: number, order?: OrderCreate): void;
  /** Forgets orders, faults, idempotency records and stats. */
  reset(): void;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const fault = (code: number, description: string, data: string[] = []): Record<string, unknown> => ({
  code,
  description,
  data,
  source: "FakePartnerCenter",
});

type ParameterRule = { in: string; name: string; schema: { type?: string } };
const PARAMETERS: Readonly<Record<string, ParameterRule>> = parameters;

/** Query and header values typed as the spec declares them (query strings are all text). */
function requestParts(operationId: OperationId, url: URL, headers: IncomingMessage["headers"]) {
  const query: Record<string, unknown> = {};
  const header: Record<string, unknown> = {};
  for (const [name, value] of url.searchParams) query[name] = value;
  for (const key of operations[operationId].parameters) {
    const p = PARAMETERS[key]!;
    if (p.in === "query" && typeof query[p.name] === "string") {
      const raw = query[p.name] as string;
      if (p.schema.type === "boolean" && (raw === "true" || raw === "false")) query[p.name] = raw === "true";
      if (p.schema.type === "integer" && /^-?\d+$/.test(raw)) query[p.name] = Number(raw);
    }
    const value = headers[p.name.toLowerCase()];
    if (p.in === "header" && typeof value === "string") header[p.name] = value;
  }
  return { query, header };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A continuation token: where the next page starts, opaque to the client. */
const encodeToken = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString("base64url");
function decodeToken(token: string): number | undefined {
  try {
    const { offset } = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    return Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

const BILLING_TYPES: Record<string, string> = { onetime: "one_time" };

export async function startFakePartnerCenter(options: FakePartnerCenterOptions = {}): Promise<FakePartnerCenter> {
  const store = new OrderStore();
  const pageSize = options.pageSize ?? 100;
  const stats: FakePartnerCenterStats = { requests: 0, created: 0, replays: 0, faults: 0 };
  const replays = new Map<string, Answer>();
  const attempts = new Map<string, number>();
  let scheduled: (Fault | null)[] = [];
  let rate: FaultRate | undefined;
  const sockets = new Set<Socket>();

  async function handle(operationId: OperationId, path: Record<string, string | number>, url: URL, request: IncomingMessage, raw: Buffer): Promise<Answer> {
    const { query, header } = requestParts(operationId, url, request.headers);
    const multipart = request.headers["content-type"]?.startsWith("multipart/form-data");
    let body: unknown;
    if (multipart) {
      const form = await new Response(raw, { headers: { "content-type": request.headers["content-type"]! } }).formData();
      body = {
        Metadata: JSON.parse(await (form.get("Metadata") as Blob).text()),
        POFiles: form.getAll("POFiles"),
        ...(form.has("Tender") ? { Tender: form.getAll("Tender") } : {}),
      };
    } else if (raw.length) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return { status: 400, body: fault(800002, "Invalid request input.", ["The body is not JSON."]) };
      }
    }
    const problems = requestProblems(operationId, { path, query, header, body });
    if (problems.length) {
      return { status: 400, body: fault(800002, "Invalid request input.", problems.map((p) => `${p.path} ${p.message}`)) };
    }
    const customerId = String(path.customer_id);
    const order = path.order_id === undefined ? undefined : store.get(customerId, String(path.order_id));
    const notFound: Answer = { status: 404, body: fault(20000, "Order ID not found.") };
    switch (operationId) {
      case "createOrder": {
        const numbering = numberLineItems((body as OrderCreate).lineItems).problems;
        if (numbering.length) {
          return { status: 400, body: fault(800071, "Line Item number should be from 0 to number of line items count.", numbering.map((p) => `${p.path} ${p.message}`)) };
        }
        stats.created += 1;
        return { status: 201, body: store.create(customerId, body as OrderCreate) };
      }
      case "listOrders": {
        const billingType = query.billingType as string | undefined;
        const all = store.list(customerId, billingType ? (BILLING_TYPES[billingType] ?? billingType) : undefined);
        const token = request.headers["ms-continuationtoken"];
        const offset = typeof token === "string" ? decodeToken(token) : 0;
        if (offset === undefined) return { status: 400, body: fault(800002, "Invalid request input.", ["Bad MS-ContinuationToken."]) };
        const items = all.slice(offset, offset + pageSize);
        const self = `/customers/${customerId}/orders${url.search}`;
        const next = offset + pageSize < all.length ? offset + pageSize : undefined;
        return {
          status: 200,
          body: {
            totalCount: items.length,
            items,
            links: {
              self: { uri: self, method: "GET", headers: [] },
              ...(next === undefined
                ? {}
                : {
                    next: {
                      uri: `/v1/customers/${customerId}/orders${url.search}`,
                      method: "GET",
                      headers: [{ key: "MS-ContinuationToken", value: encodeToken(next) }],
                    },
                  }),
            },
            attributes: { objectType: "Collection" },
          },
        };
      }
      case "getOrder":
        return order ? { status: 200, body: order } : notFound;
      case "updateOrder": {
        if (!order) return notFound;
        const patch = body as OrderUpdate;
        if (patch.id !== undefined && patch.id !== order.id) {
          return { status: 400, body: fault(800002, "Invalid request input.", ["body.id does not match the path."]) };
        }
        const updated = store.update(customerId, order.id, patch);
        if (Array.isArray(updated)) return { status: 400, body: fault(updated[0], updated[1]) };
        return { status: 200, body: updated };
      }
      case "getOrderProvisioningStatus":
        return order ? { status: 200, body: store.provisioningStatus(order) } : notFound;
      case "listOrderActivationLinks":
        return order ? { status: 200, body: store.activationLinks(order) } : notFound;
      case "listLineItemActivationLinks": {
        const number = path.line_item_number as number;
        if (!order || !order.lineItems.some((l) => l.lineItemNumber === number)) return notFound;
        return { status: 200, body: store.activationLinks(order, number) };
      }
      case "listSubscriptionActivationLinks": {
        const owner = store.list(customerId).find((o) => o.lineItems.some((l) => l.subscriptionId === path.subscription_id));
        return owner ? { status: 200, body: store.activationLinks(owner) } : notFound;
      }
      case "createOrderAttachments": {
        if (!order) return notFound;
        const upload = body as { POFiles: File[]; Tender?: File[] };
        order.status = "po_upload_complete";
        const items = [
          ...upload.POFiles.map((f) => ({ file: f, type: "POAttachment" })),
          ...(upload.Tender ?? []).map((f) => ({ file: f, type: "TenderAttachment" })),
        ].map(({ file, type }) => ({
          attachmentId: Math.random().toString(16).slice(2, 16).padEnd(14, "0"),
          fileName: file.name,
          sizeInKB: Math.ceil(file.size / 1024),
          attachmentType: type,
        }));
        return { status: 201, body: { totalCount: items.length, items, attributes: { objectType: "Collection" } } };
      }
    }
  }

  function send(response: ServerResponse, request: IncomingMessage, answer: Answer): void {
    const ids = {
      "MS-RequestId": String(request.headers["ms-requestid"] ?? ""),
      "MS-CorrelationId": String(request.headers["ms-correlationid"] ?? ""),
      "MS-CV": "fake.0",
    };
    const body = answer.body === undefined ? "" : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    const type = typeof answer.body === "string" || answer.body === undefined ? {} : { "Content-Type": "application/json; charset=utf-8" };
    response.writeHead(answer.status, { ...ids, ...type, ...answer.headers });
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
      body: fault(f.status === 500 ? 800005 : f.status, "The partner API service or one of its dependencies failed."),
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
      return send(response, request, { status: 401, body: fault(3000, "The authentication token is missing or invalid.") });
    }
    const route = matchRoute(request.method ?? "GET", url.pathname.replace(/^\/v1(?=\/)/, ""));
    if (route === "method") return send(response, request, { status: 405, body: fault(405, "Method not allowed.") });
    if (!route) return send(response, request, { status: 404, body: fault(404, "No such resource.") });

    // A repeated MS-RequestId gets the first answer and changes nothing: the documented idempotency.
    const key = requestId && request.method !== "GET" ? `${request.method} ${url.pathname} ${requestId}` : undefined;
    let answer = key ? replays.get(key) : undefined;
    if (answer) stats.replays += 1;
    else {
      answer = await handle(route.operationId, route.path, url, request, raw).catch((error: unknown) => ({
        status: 500,
        body: fault(500, `The fake failed: ${error instanceof Error ? error.message : String(error)}`),
      }));
      if (key && answer.status < 500) replays.set(key, answer);
    }
    if (injected?.type === "reset") return void request.socket.destroy();
    if (injected?.type === "stall") return;
    send(response, request, answer);
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
