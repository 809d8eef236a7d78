// Every call ends, whatever the server does after its headers: the attempt's timeout covers the
// whole answer, a body cut off or stalled is retried under the same MS-RequestId, an answer past
// maxResponseBytes is refused and its connection released, and a redirect is never followed. The
// same for both transports: node:http (the default in Node) and a fetch.
import { createPartnerCenterClient } from "../../../src";
import {
  cutMidBody,
  huge,
  json,
  stallAfterHeaders,
  startHostileServer,
  trickle,
  type HostileServer,
} from "../../helpers/hostile-server";
import { failure } from "../../helpers/failure";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const ORDER = {
  id: "Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1",
  lineItems: [{ lineItemNumber: 0, offerId: "o", quantity: 1 }],
};
let server: HostileServer | undefined;
afterEach(() => server?.close());

const TRANSPORTS = [
  ["node:http", {}],
  ["fetch", { fetch: (input: string | Request, init?: RequestInit) => fetch(input, init) }],
] as const;

describe.each(TRANSPORTS)("over %s", (_transport, transportOptions) => {
  const client = (url: string, options: Record<string, unknown> = {}) =>
    createPartnerCenterClient({
      credential: "t",
      baseUrl: url,
      backoff: { baseDelayMs: 1, maxDelayMs: 2 },
      ...transportOptions,
      ...options,
    });

  describe("every call ends", () => {
    it("times out an answer whose body trickles in after its headers, within timeoutMs", async () => {
      server = await startHostileServer(trickle(50));
      const started = Date.now();
      const error = await failure(client(server.url, { timeoutMs: 300, maxRetries: 0 }).orders.get(CUSTOMER, "o"));
      expect(error).toMatchObject({ code: "TIMEOUT", isRetryable: true });
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it("times out an answer whose body stops after its headers", async () => {
      server = await startHostileServer(stallAfterHeaders);
      const error = await failure(client(server.url, { timeoutMs: 300, maxRetries: 0 }).orders.get(CUSTOMER, "o"));
      expect(error).toMatchObject({ code: "TIMEOUT" });
    });

    it("retries a body that stalls, with the same MS-RequestId, and returns the next answer", async () => {
      server = await startHostileServer(stallAfterHeaders, json(201, ORDER));
      const order = await client(server.url, { timeoutMs: 300 }).orders.create(CUSTOMER, {
        lineItems: [{ offerId: "o", quantity: 1 }],
      });
      expect(order.id).toBe(ORDER.id);
      const ids = server.requests.map((r) => r.headers["ms-requestid"]);
      expect(ids).toHaveLength(2);
      expect(ids[1]).toBe(ids[0]);
    });

    it("retries a body cut off mid-read, with the same MS-RequestId", async () => {
      server = await startHostileServer(cutMidBody, json(201, ORDER));
      const order = await client(server.url).orders.create(CUSTOMER, { lineItems: [{ offerId: "o", quantity: 1 }] });
      expect(order.id).toBe(ORDER.id);
      expect(new Set(server.requests.map((r) => r.headers["ms-requestid"])).size).toBe(1);
    });

    it("reports a body cut off on every attempt as a retryable NETWORK_ERROR with the call's ids", async () => {
      server = await startHostileServer(cutMidBody, cutMidBody);
      const error = await failure(
        client(server.url, { maxRetries: 1 }).orders.get(CUSTOMER, "o", {
          requestId: "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f",
        }),
      );
      expect(error).toMatchObject({
        code: "NETWORK_ERROR",
        isRetryable: true,
        requestId: "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f",
      });
      expect(server.requests).toHaveLength(2);
    });

    it("bounds a raw pc.GET the same way", async () => {
      server = await startHostileServer(trickle(50));
      const pc = client(server.url, { timeoutMs: 300, maxRetries: 0 });
      const error = await pc
        .GET("/customers/{customer_id}/orders", { params: { path: { customer_id: CUSTOMER } } })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ code: "TIMEOUT" });
    });
  });

  describe("maxResponseBytes", () => {
    it.each([
      ["with a Content-Length", true],
      ["chunked, without one", false],
    ])("refuses an answer larger than the cap, %s, without retrying it", async (_how, withLength) => {
      server = await startHostileServer(huge(200_000, withLength));
      const error = await failure(client(server.url, { maxResponseBytes: 100_000 }).orders.get(CUSTOMER, "o"));
      expect(error).toMatchObject({ code: "RESPONSE_TOO_LARGE", isRetryable: false });
      expect(error.message).toMatch(/more than 100000 bytes/);
      expect(server.requests).toHaveLength(1);
    });

    it("reads an answer up to the cap", async () => {
      server = await startHostileServer(huge(90_000, false));
      await expect(client(server.url, { maxResponseBytes: 100_000 }).orders.get(CUSTOMER, "o")).resolves.toMatchObject({
        id: "Cs_",
      });
    });
  });

  describe("redirects", () => {
    it.each([301, 302, 307, 308])(
      "does not follow a %i, same origin or not, and says so with the call's ids",
      async (status) => {
        const elsewhere = await startHostileServer(json(201, { id: "stolen", lineItems: [] }));
        server = await startHostileServer((_q, r) =>
          r.writeHead(status, { Location: `${elsewhere.url}/v1/customers/${CUSTOMER}/orders` }).end(),
        );
        try {
          const requestId = "3f8b0c1e-8f2a-4c55-9d1e-0a1b2c3d4e5f";
          const error = await failure(
            client(server.url).orders.create(CUSTOMER, { lineItems: [{ offerId: "o", quantity: 1 }] }, { requestId }),
          );
          expect(error).toMatchObject({ code: "UNEXPECTED_REDIRECT", status, requestId, isRetryable: false });
          expect(elsewhere.requests).toHaveLength(0);
          expect(server.requests).toHaveLength(1);
        } finally {
          await elsewhere.close();
        }
      },
    );
  });
});
