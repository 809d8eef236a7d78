// Proxies, as curl and Azure honour them: HTTPS_PROXY/HTTP_PROXY/NO_PROXY (either case; NO_PROXY
// hosts and `*`), CONNECT for https, credentials from the proxy URL (never in an error or a log
// line), a `proxy` option (a URL, or false to ignore the environment). Against a real proxy
// process on loopback that logs what it relays: an open one, one that requires authentication,
// one that refuses everybody.
import { readFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer, type Server } from "node:https";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { join } from "node:path";
import { inspect } from "node:util";
import { createPartnerCenterClient, type ClientOptions } from "../../../../src";
import { runIsolated } from "../../../helpers/isolated";
import { PROXY_VARIABLES, startProxy, type ProxyProcess } from "../../../helpers/proxy";

import { failure } from "../../../helpers/failure";

const TLS = join(__dirname, "..", "..", "..", "fixtures", "tls");
const CA = readFileSync(join(TLS, "ca.pem"), "utf8");
const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const ORDER = { id: "o1", lineItems: [{ lineItemNumber: 0, offerId: "x", quantity: 1 }], status: "pending" };

let tls: Server;
let target: string;
let plain: ReturnType<typeof createHttpServer>;
let plainTarget: string;
const proxies: Partial<Record<"open" | "auth" | "refuse", ProxyProcess>> = {};
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  const answer = (_request: unknown, response: import("node:http").ServerResponse) =>
    response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(ORDER));
  tls = createServer(
    { cert: readFileSync(join(TLS, "localhost.pem")), key: readFileSync(join(TLS, "localhost.key")) },
    answer,
  );
  plain = createHttpServer(answer);
  await Promise.all(
    [tls, plain].map((server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))),
  );
  target = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/v1`;
  plainTarget = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/v1`;
  for (const mode of ["open", "auth", "refuse"] as const) proxies[mode] = await startProxy(mode);
  for (const name of PROXY_VARIABLES) saved[name] = process.env[name];
}, 30_000);

afterEach(() => {
  for (const name of PROXY_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  for (const proxy of Object.values(proxies)) proxy!.log.length = 0;
});

afterAll(async () => {
  await Promise.all(Object.values(proxies).map((proxy) => proxy!.stop()));
  tls.closeAllConnections();
  plain.closeAllConnections();
  await Promise.all([tls, plain].map((server) => new Promise((resolve) => server.close(resolve))));
});

const withCredentials = (url: string, user: string, password: string) =>
  url.replace("http://", `http://${user}:${password}@`);
const client = (options: Partial<ClientOptions> = {}) =>
  createPartnerCenterClient({
    credential: "t",
    baseUrl: target,
    ca: CA,
    rateLimit: false,
    maxRetries: 1,
    backoff: { baseDelayMs: 1, maxDelayMs: 2 },
    ...options,
  } as ClientOptions);

describe("proxies from the environment", () => {
  it.each(["HTTPS_PROXY", "https_proxy"])("sends https through %s with CONNECT", async (name) => {
    process.env[name] = proxies.open!.url;
    await expect(client().orders.get(CUSTOMER, "o1")).resolves.toMatchObject({ id: "o1" });
    expect(await proxies.open!.logged(1)).toEqual([
      { method: "CONNECT", target: target.replace("https://", "").replace("/v1", ""), authorized: true },
    ]);
  });

  it("sends http through HTTP_PROXY, the whole URL on the request line", async () => {
    process.env.HTTP_PROXY = proxies.open!.url;
    await expect(client({ baseUrl: plainTarget, ca: undefined }).orders.get(CUSTOMER, "o1")).resolves.toMatchObject({
      id: "o1",
    });
    expect(await proxies.open!.logged(1)).toEqual([
      { method: "GET", target: `${plainTarget}/customers/${CUSTOMER}/orders/o1`, authorized: true },
    ]);
  });

  it.each([
    ["NO_PROXY", "127.0.0.1"],
    ["no_proxy", "*"],
    ["NO_PROXY", "localhost,127.0.0.1:1,127.0.0.1"],
  ])("goes direct to a host %s names (%s)", async (name, value) => {
    process.env.HTTPS_PROXY = proxies.open!.url;
    process.env[name] = value;
    await expect(client().orders.get(CUSTOMER, "o1")).resolves.toMatchObject({ id: "o1" });
    expect(await proxies.open!.logged(0)).toEqual([]);
  });

  it.each([
    ["a malformed URL", "http://user:hunter2@[not-a-host"],
    ["a socks5:// proxy", "socks5://user:hunter2@127.0.0.1:1080"],
  ])("refuses %s from the environment at once, naming the variables and never its password", async (_what, value) => {
    process.env.HTTPS_PROXY = value;
    const error = await failure(client().orders.get(CUSTOMER, "o1"));
    expect(error).toMatchObject({ code: "NETWORK_ERROR", isRetryable: false });
    expect(error.message).toMatch(/HTTPS_PROXY.*http:\/\/ or https:\/\//);
    const shown = [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 8 })].join("\n");
    expect(shown).not.toContain("hunter2");
  });

  it("reads the environment once per client and host, at its first call there, as Azure's pipeline reads it at its making", async () => {
    const pc = client();
    await expect(pc.orders.get(CUSTOMER, "o1")).resolves.toMatchObject({ id: "o1" });
    process.env.HTTPS_PROXY = proxies.refuse!.url;
    await expect(pc.orders.get(CUSTOMER, "o1")).resolves.toMatchObject({ id: "o1" });
    expect(await proxies.refuse!.logged(0)).toEqual([]);
    // A client made now reads the variable.
    await expect(failure(client().orders.get(CUSTOMER, "o1"))).resolves.toMatchObject({ status: 407 });
  });

  it("ignores the environment with proxy: false", async () => {
    process.env.HTTPS_PROXY = proxies.refuse!.url;
    await expect(client({ proxy: false }).orders.get(CUSTOMER, "o1")).resolves.toMatchObject({ id: "o1" });
    expect(await proxies.refuse!.logged(0)).toEqual([]);
  });
});

describe("the proxy option", () => {
  it("sends through the proxy it names, whatever the environment says", async () => {
    process.env.NO_PROXY = "*";
    await expect(client({ proxy: proxies.open!.url }).orders.get(CUSTOMER, "o1")).resolves.toMatchObject({ id: "o1" });
    expect(await proxies.open!.logged(1)).toHaveLength(1);
  });

  it("authenticates with the credentials in the proxy URL", async () => {
    await expect(
      client({ proxy: withCredentials(proxies.auth!.url, "user", "s3cret") }).orders.get(CUSTOMER, "o1"),
    ).resolves.toMatchObject({ id: "o1" });
    expect(await proxies.auth!.logged(1)).toEqual([expect.objectContaining({ method: "CONNECT", authorized: true })]);
  });

  it("fails once on a proxy that refuses (407), with no credential in the error or the log", async () => {
    const lines: unknown[] = [];
    const logger = {
      info: (...args: unknown[]) => lines.push(args),
      warn: (...args: unknown[]) => lines.push(args),
      error: (...args: unknown[]) => lines.push(args),
    };
    const error = await failure(
      client({ proxy: withCredentials(proxies.refuse!.url, "user", "hunter2"), logger }).orders.get(CUSTOMER, "o1"),
    );
    expect(error).toMatchObject({ status: 407, isRetryable: false });
    expect(error.message).toMatch(/the proxy refused.*407.*proxy URL's user name and password/);
    expect(await proxies.refuse!.logged(1)).toHaveLength(1);
    const shown = [
      error.message,
      error.stack,
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
      JSON.stringify(lines),
    ].join("\n");
    expect(shown).not.toContain("hunter2");
  });

  it("says a proxy that is not there is a network error, without its credentials", async () => {
    const error = await failure(client({ proxy: "http://user:hunter2@127.0.0.1:1" }).orders.get(CUSTOMER, "o1"));
    expect(error).toMatchObject({ code: "NETWORK_ERROR" });
    expect([error.message, JSON.stringify(error), inspect(error, { depth: 5 })].join("\n")).not.toContain("hunter2");
  });

  it("is refused when it is not an http(s) URL, without repeating it", () => {
    expect(() => client({ proxy: "socks5://user:hunter2@proxy.test:1080" })).toThrow(
      /options\.proxy must be an http:\/\/ or https:\/\/ URL/,
    );
    try {
      client({ proxy: "socks5://user:hunter2@proxy.test:1080" });
    } catch (error) {
      expect(String(error)).not.toContain("hunter2");
    }
  });
});

/** A TCP server playing a proxy by `onConnect`, keeping count of the sockets still open. */
async function rawProxy(onConnect: (socket: Socket) => void) {
  const open = new Set<Socket>();
  const server = createTcpServer((socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    socket.on("error", () => undefined);
    socket.once("data", () => onConnect(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of open) socket.destroy();
      server.close(() => resolve());
    });
  return { url, open, close };
}

describe("a proxy that misbehaves", () => {
  it("is a 407 at once when its refusal's body comes late, not a network error retried", async () => {
    const proxy = await rawProxy((socket) => {
      socket.write(
        "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\nContent-Length: 12\r\n\r\n",
      );
      setTimeout(() => socket.end("go away now."), 300);
    });
    try {
      const error = await failure(client({ proxy: proxy.url, maxRetries: 2 }).orders.get(CUSTOMER, "o1"));
      expect(error).toMatchObject({ status: 407, isRetryable: false });
    } finally {
      await proxy.close();
    }
  });

  it("leaves no socket open when it never finishes its CONNECT answer", async () => {
    const proxy = await rawProxy((socket) => socket.write("HTTP/1.1 200 Connection established\r\n"));
    try {
      const error = await failure(
        client({ proxy: proxy.url, maxRetries: 0, timeoutMs: 200 }).orders.get(CUSTOMER, "o1"),
      );
      expect(error.code).toBe("TIMEOUT");
      const closedBy = Date.now() + 2_000;
      while (proxy.open.size > 0 && Date.now() < closedBy) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(proxy.open.size).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});

describe("undici's global dispatcher", () => {
  it("is honoured when it is a proxy agent: the client goes where the platform's fetch goes, through the proxy", async () => {
    const helper = require.resolve("../../../helpers/global-dispatcher-call");
    const by = (who: "fetch" | "client") =>
      runIsolated<string>(helper, { proxy: proxies.open!.url, baseUrl: plainTarget, by: who }, { timeoutMs: 20_000 });
    expect(await by("fetch")).toBe("o1");
    const viaFetch = (await proxies.open!.logged(1)).length;
    expect(await by("client")).toBe("o1");
    await proxies.open!.logged(2 * viaFetch);
    // As the platform's own fetch does: through the proxy wherever it follows undici's dispatcher
    // (undici tunnels plain http with CONNECT too); Node 26's fetch reads only undici 8's.
    expect(proxies.open!.log.length - viaFetch).toBe(viaFetch);
    if (Number(process.versions.node.split(".")[0]) < 26) expect(viaFetch).toBe(1);
  });
});
