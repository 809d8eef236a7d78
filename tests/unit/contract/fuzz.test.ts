// Generated requests: valid ones pass the request checks, broken ones do not; the fake Partner
// Center answers every generated request as the spec says (fixed seed); a server with a bug is
// caught, and the failing request shrunk and shown as a curl line without the token.
import fc from "fast-check";
import { createPartnerCenterClient } from "../../../src";
import { validateRequest } from "../../../src/contract";
import {
  answerProblems,
  curlOf,
  fuzzableOperations,
  fuzzOperation,
  invalidRequests,
  validRequests,
  type SendRaw,
} from "../../../src/contract/fuzz";
import { rawSender } from "../../../src/contract/send-raw";
import { startFakePartnerCenter } from "../../../src/testing";
import { startServer, type HostileServer } from "../../helpers/hostile-server";

const SEED = 20261121;
const client = (baseUrl: string) =>
  createPartnerCenterClient({ credential: "secret-token", baseUrl, rateLimit: false, maxRetries: 0 });

describe("generated requests", () => {
  it.each(fuzzableOperations(true))("are valid for %s when drawn valid, and refused when broken", (operationId) => {
    fc.assert(
      fc.property(validRequests(operationId), (request) => validateRequest(operationId, request).valid),
      { numRuns: 50, seed: SEED },
    );
    fc.assert(
      fc.property(invalidRequests(operationId), ({ request }) => !validateRequest(operationId, request).valid),
      { numRuns: 50, seed: SEED },
    );
  });

  it("leave out the multipart upload, and the writes unless they are allowed", () => {
    expect(fuzzableOperations(true)).not.toContain("createOrderAttachments");
    expect(fuzzableOperations(false)).toEqual(expect.arrayContaining(["listOrders", "getOrder"]));
    expect(fuzzableOperations(false)).not.toEqual(expect.arrayContaining(["createOrder"]));
    expect(fuzzableOperations(true)).not.toEqual(expect.arrayContaining(["createCustomerAgreement"]));
    expect(fuzzableOperations(true)).not.toEqual(expect.arrayContaining(["createCustomerQualification"]));
    expect(fuzzableOperations(true)).not.toContain("updateSubscription");
    expect(fuzzableOperations(true)).toEqual(expect.arrayContaining(["getSubscription", "listAuditRecords"]));
  });
});

describe("answerProblems", () => {
  const answer = (status: number, body: unknown) => ({
    status,
    headers: new Headers({ "Content-Type": "application/json" }),
    text: JSON.stringify(body),
  });
  const fault = { code: 800002, description: "Invalid request input." };

  it("takes a documented 4xx for a valid request, and a 400 for a refusable one", () => {
    expect(answerProblems("getOrder", true, answer(404, fault))).toEqual([]);
    expect(answerProblems("getOrder", false, answer(400, fault))).toEqual([]);
  });

  it("never takes a 5xx, nor anything but 400 for a request the spec refuses", () => {
    expect(answerProblems("getOrder", true, answer(500, fault)).map((p) => p.message)).toContain(
      "a valid request got 500: a server error, never an answer to a request",
    );
    expect(answerProblems("createOrder", false, answer(201, {})).map((p) => p.message)).toContain(
      "a request the spec refuses got 201, not 400",
    );
  });
});

describe("curlOf", () => {
  it("re-sends the request, quoted for a shell, with the token redacted", () => {
    const curl = curlOf("https://pc.test/v1", "createOrder", { path: { customer_id: "c 1" }, body: { note: "it's" } });
    expect(curl).toBe(
      `curl -X POST 'https://pc.test/v1/customers/c%201/orders' -H 'Authorization: Bearer [redacted]' -H 'Content-Type: application/json' --data-raw '{"note":"it'\\''s"}'`,
    );
  });
});

describe("fuzzing", () => {
  it.each(fuzzableOperations(true))(
    "finds nothing wrong with the fake Partner Center's %s (fixed seed)",
    async (operationId) => {
      const fake = await startFakePartnerCenter();
      try {
        const report = await fuzzOperation(operationId, rawSender(client(fake.url)), fake.url, 25, SEED);
        expect(report).toEqual({ operationId, requests: 50, failure: undefined });
      } finally {
        await fake.close();
      }
    },
  );

  describe("a server that fails on large quantities", () => {
    let server: HostileServer;
    let url: string;
    beforeAll(async () => {
      server = await startServer((request, response) => {
        let body = "";
        request
          .on("data", (c) => (body += c))
          .on("end", () => {
            const quantities = (JSON.parse(body || "{}").lineItems ?? []).map(
              (l: { quantity?: number }) => l.quantity ?? 0,
            );
            const [status, answer] =
              Math.max(0, ...quantities) > 100
                ? [500, { code: 500, description: "overflow" }]
                : [201, { id: "o", lineItems: [] }];
            response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(answer));
          });
      });
      url = server.url;
    });
    afterAll(() => server.close());

    it("is caught, shrunk to the smallest quantity that fails, and printed as curl without the token", async () => {
      const report = await fuzzOperation("createOrder", rawSender(client(url)), url, 100, SEED);
      expect(report.failure?.problems).toEqual([
        { path: "status", message: "a valid request got 500: a server error, never an answer to a request" },
      ]);
      expect(report.failure?.curl).toMatch(/"quantity":101\b/);
      expect(report.failure?.curl).not.toContain("secret-token");
    });
  });

  it("fails, with the request as curl, when a request gets no answer at all (a reset, a timeout)", async () => {
    const send: SendRaw = async (_method, _path, request) => {
      if (request.query?.billingType !== undefined) throw new Error("socket hang up");
      return {
        status: 200,
        headers: new Headers({ "Content-Type": "application/json" }),
        text: '{"totalCount":0,"items":[]}',
      };
    };
    const report = await fuzzOperation("listOrders", send, "https://pc.example/v1", 25, SEED);
    expect(report.failure?.what).toBe("a valid request");
    expect(report.failure?.problems).toEqual([{ path: "request", message: "got no answer: socket hang up" }]);
    expect(report.failure?.curl).toMatch(/^curl -X GET 'https:\/\/pc\.example\/v1\/customers\/[^']*\?billingType=\w+'/);
  });
});
