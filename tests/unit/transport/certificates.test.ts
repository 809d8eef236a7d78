// Certificate failures against real TLS servers on loopback: untrusted, self-signed, expired and
// wrong-host certificates fail at once (one connection, no retry) as CERTIFICATE_ERROR, naming the
// OpenSSL code and what to do, through the default transport and through fetch; the `ca` option
// trusts a private CA.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createPartnerCenterClient, type ClientOptions } from "../../../src";
import { certificateErrorCode } from "../../../src/transport/certificate-errors";
import { trustedCertificates } from "../../../src/transport/node/trust";
import * as tls from "node:tls";
import { failure } from "../../helpers/failure";

const TLS = join(__dirname, "..", "..", "fixtures", "tls");
const pem = (name: string) => readFileSync(join(TLS, name), "utf8");
const CA = pem("ca.pem");
const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const ORDER = { id: "o1", lineItems: [{ lineItemNumber: 0, offerId: "x", quantity: 1 }], status: "pending" };

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

/** A TLS server presenting `certificate`, counting the TCP connections it is sent. */
async function serving(certificate: string) {
  const server = createServer(
    { cert: pem(`${certificate}.pem`), key: pem(`${certificate}.key`) },
    (_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(ORDER));
    },
  );
  const seen = { connections: 0 };
  server.on("connection", () => (seen.connections += 1));
  server.on("tlsClientError", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { baseUrl: `https://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, seen };
}

const client = (baseUrl: string, options: Partial<ClientOptions> = {}) =>
  createPartnerCenterClient({
    credential: "t",
    baseUrl,
    rateLimit: false,
    backoff: { baseDelayMs: 1, maxDelayMs: 2 },
    ...options,
  } as ClientOptions);

describe("a refused certificate", () => {
  it.each([
    ["self-signed", "selfsigned", {}, "DEPTH_ZERO_SELF_SIGNED_CERT", /ca.*NODE_EXTRA_CA_CERTS/],
    ["signed by an untrusted CA", "localhost", {}, "UNABLE_TO_VERIFY_LEAF_SIGNATURE", /ca.*NODE_EXTRA_CA_CERTS/],
    ["expired", "expired", { ca: CA }, "CERT_HAS_EXPIRED", /validity dates/],
    ["for another host name", "other", { ca: CA }, "ERR_TLS_CERT_ALTNAME_INVALID", /not for this host name/],
  ] as const)(
    "fails at once when %s, naming the code and what to do",
    async (_what, certificate, options, code, advice) => {
      const { baseUrl, seen } = await serving(certificate);
      const error = await failure(client(baseUrl, options).orders.get(CUSTOMER, "o1"));
      expect(error).toMatchObject({ code: "CERTIFICATE_ERROR", isRetryable: false });
      expect(error.message).toContain(code);
      expect(error.message).toMatch(advice);
      expect(seen.connections).toBe(1);
    },
  );

  it("fails at once through fetch too, read from its cause chain", async () => {
    const { baseUrl, seen } = await serving("localhost");
    const error = await failure(
      client(baseUrl, { fetch: (input, init) => fetch(input, init) }).orders.get(CUSTOMER, "o1"),
    );
    expect(error).toMatchObject({ code: "CERTIFICATE_ERROR", isRetryable: false });
    expect(error.message).toContain("UNABLE_TO_VERIFY_LEAF_SIGNATURE");
    expect(seen.connections).toBe(1);
  });

  it("is found however deep fetch nests it, and a hostile cause chain ends", () => {
    const nested = new TypeError("fetch failed", {
      cause: new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "CERT_HAS_EXPIRED" }) }),
    });
    expect(certificateErrorCode(nested)).toBe("CERT_HAS_EXPIRED");
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(certificateErrorCode(loop)).toBeUndefined();
  });
});

describe("the ca option", () => {
  it("trusts a private CA's certificates", async () => {
    const { baseUrl } = await serving("localhost");
    await expect(client(baseUrl, { ca: CA }).orders.get(CUSTOMER, "o1")).resolves.toMatchObject({ id: "o1" });
  });

  it("adds to the platform's trust instead of replacing it: every platform root and the given CA", () => {
    const trusted = trustedCertificates(tls, [CA]);
    expect(trusted.length).toBeGreaterThanOrEqual(tls.rootCertificates.length + 1);
    expect(new Set(trusted)).toEqual(
      new Set([
        ...((tls as { getCACertificates?: (type: string) => string[] }).getCACertificates?.("default") ??
          tls.rootCertificates),
        CA,
      ]),
    );
    expect(trusted).toEqual(expect.arrayContaining([...tls.rootCertificates.slice(0, 5), CA]));
  });

  it("is refused beside a fetch of the caller's own, which it cannot reach", () => {
    expect(() => client("https://pc.test/v1", { ca: CA, fetch: (input, init) => fetch(input, init) })).toThrow(
      /options\.ca .*fetch/,
    );
  });

  it("is refused when it is not PEM", () => {
    expect(() => client("https://pc.test/v1", { ca: "not a certificate" })).toThrow(/options\.ca must be/);
  });
});
