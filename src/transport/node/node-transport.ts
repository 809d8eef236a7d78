// Attempts through node:http and node:https (their keep-alive global agents), which the client
// uses in Node when the caller gives no fetch. undici's fetch builds a Request and a Response
// around every exchange: over loopback, node:http alone was 2.8 times as fast. It behaves as the
// fetch transport does: the whole answer read inside the attempt, decompressed as fetch would,
// refused past the size cap, a redirect answered and not followed, and the request destroyed
// the moment the attempt is aborted. The modules are looked up at run time, so that a browser or
// edge build never has to resolve them.
import type { AttemptTransport, Received } from "../attempt";
import { codingsToUndo, decodeBody } from "./content-coding";
import { lendSignal, ProxyAgents, type ProxySetting } from "./proxy-agents";
import { ResponseTooLargeError } from "../read-body";
import { trustedCertificates } from "./trust";
import { LightHeaders } from "../../internal/fast/light-headers";
import type { Outgoing } from "../../internal/fast/outgoing";

type Http = typeof import("node:http");
type Https = typeof import("node:https");
type Zlib = typeof import("node:zlib");
type Tls = typeof import("node:tls");
type ClientRequest = import("node:http").ClientRequest;
type IncomingMessage = import("node:http").IncomingMessage;

interface NodeModules {
  http: Http;
  https: Https;
  zlib: Zlib;
  tls: Tls;
}

/**
 * Whether the runtime's own fetch is the better default: Bun and Deno implement node:http too,
 * but their fetch is the one that honours their proxy and certificate settings (Deno's
 * DENO_CERT, say), which their node:http does not.
 */
export function prefersOwnFetch(globals: object): boolean {
  return "Bun" in globals || "Deno" in globals;
}

/** node:http, node:https and node:zlib, when the platform has them (Node 20.16 and later) and should use them. */
function nodeModules(): NodeModules | undefined {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof get !== "function" || prefersOwnFetch(globalThis)) return undefined;
  return {
    http: get("node:http") as Http,
    https: get("node:https") as Https,
    zlib: get("node:zlib") as Zlib,
    tls: get("node:tls") as Tls,
  };
}

/** The body as bytes or text, with the Content-Type a fetch would have given it. */
async function serialise(call: Outgoing, headers: Record<string, string>): Promise<string | Buffer | undefined> {
  // A Request whose body the client did not keep (a middleware's own) is read once: it is never retried.
  if (call.request) return call.request.body === null ? undefined : Buffer.from(await call.request.arrayBuffer());
  const body = call.body;
  if (body === undefined || typeof body === "string") return body;
  if (body instanceof URLSearchParams) {
    headers["content-type"] ??= "application/x-www-form-urlencoded;charset=UTF-8";
    return body.toString();
  }
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  // FormData (a new boundary each time) and Blob, encoded as fetch encodes them.
  const encoded = new Response(body);
  const type = encoded.headers.get("content-type");
  if (type) headers["content-type"] ??= type;
  return Buffer.from(await encoded.arrayBuffer());
}

export interface NodeTransportOptions {
  /** PEM certificates to trust besides the platform's. */
  ca?: readonly string[];
  /** A proxy URL, `false` for none, or undefined for what the environment says. */
  proxy?: ProxySetting;
}

/** What reading one answer needs: the attempt it belongs to, its request (destroyed with it), and where the result goes. */
interface AnswerContext {
  request: ClientRequest;
  attempt: Parameters<AttemptTransport>[1];
  maxResponseBytes: number;
  zlib: Zlib;
  resolve: (received: Received) => void;
  reject: (reason: unknown) => void;
}

/** Reads an answer whole inside its attempt: a redirect or 407 at its headers, the size cap, the codings undone. */
function readAnswer(response: IncomingMessage, context: AnswerContext): void {
  const { request, attempt, maxResponseBytes, resolve, reject } = context;
  const status = response.statusCode ?? 0;
  const statusText = response.statusMessage ?? "";
  const headers = new LightHeaders(response.rawHeaders);
  // Built whole: on Node 20, keys added after a spread are slow (1.8 µs here; 5-10 µs a call in a loopback profile).
  const received = (body: Uint8Array, redirect: boolean): Received => ({ status, statusText, headers, body, redirect });
  // A redirect is answered, not followed. A proxy's refusal of CONNECT (407): its body is the
  // proxy's page (which https-proxy-agent replays only in part), and waiting for it would turn
  // the refusal into a network error.
  if ((status >= 300 && status < 400) || status === 407) {
    response.destroy();
    return resolve(received(new Uint8Array(0), status !== 407));
  }
  if (Number(response.headers["content-length"]) > maxResponseBytes) {
    response.destroy();
    return reject(new ResponseTooLargeError(maxResponseBytes));
  }
  const codings = codingsToUndo(response.headers["content-encoding"]);
  if (!Array.isArray(codings)) {
    response.destroy();
    return reject(new TypeError(codings.problem));
  }
  const chunks: Buffer[] = [];
  let total = 0;
  attempt.onAbort((reason) => {
    reject(reason);
    response.destroy();
    request.destroy();
  });
  response.on("data", (chunk: Buffer) => {
    total += chunk.length;
    if (total > maxResponseBytes) {
      response.destroy();
      request.destroy();
      return reject(new ResponseTooLargeError(maxResponseBytes));
    }
    chunks.push(chunk);
  });
  response.on("end", () => {
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    if (codings.length === 0) return resolve(received(body, false));
    // Decoding is the attempt's too: an abort meanwhile wins, and the result is dropped.
    decodeBody(context.zlib, codings, body, maxResponseBytes).then(
      (decoded) => resolve(received(decoded, false)),
      reject,
    );
  });
  response.on("error", reject);
  // A connection that closes before the body ends is a network error, as fetch makes it.
  response.on("close", () => {
    if (!response.complete) reject(new TypeError("terminated: the connection closed before the answer ended"));
  });
}

export function nodeTransport(options: NodeTransportOptions = {}): AttemptTransport | undefined {
  const modules = nodeModules();
  if (!modules) return undefined;
  const { http, https, zlib, tls } = modules;
  const { ca } = options;
  // A private CA gets a keep-alive agent of its own, trusting it besides the platform's roots; otherwise the global agents serve.
  const caList = ca?.length ? trustedCertificates(tls, ca) : undefined;
  const caAgent = caList ? new https.Agent({ keepAlive: true, ca: caList }) : undefined;
  const proxies = new ProxyAgents(options.proxy);

  return async (call, attempt, maxResponseBytes) => {
    const url = new URL(call.url);
    const agent = proxies.for(url) ?? (url.protocol === "https:" ? caAgent : undefined);
    const headers: Record<string, string> =
      call.headers instanceof LightHeaders ? call.headers.record() : Object.fromEntries(call.headers);
    headers["accept-encoding"] ??= "gzip, deflate, br";
    // A middleware's stream body may stall: the attempt's end must not wait for it. The client's
    // own calls carry text, sent as it is without a wait.
    const body =
      call.request === undefined && (call.body === undefined || typeof call.body === "string")
        ? call.body
        : await attempt.race(serialise(call, headers));
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    // `agent: undefined` sends through the global agent.
    const target: import("node:https").RequestOptions = {
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ""),
      port: url.port,
      path: url.pathname + url.search,
      method: call.method,
      headers,
      agent,
    };
    // A proxy's agent takes the target's TLS settings from the request, not from itself.
    if (caList && url.protocol === "https:") target.ca = caList;
    return new Promise<Received>((resolve, reject) => {
      // The answer, whose `complete` the parser sets the moment its last declared byte arrives.
      let incoming: { complete: boolean } | undefined;
      const request = (url.protocol === "https:" ? https : http).request(target, (response) => {
        incoming = response;
        readAnswer(response, { request, attempt, maxResponseBytes, zlib, resolve, reject });
      });
      if (agent) lendSignal(request, attempt.signal);
      attempt.onAbort((reason) => {
        reject(reason);
        request.destroy();
      });
      // Bytes past a complete answer (junk after its Content-Length) break the connection, not
      // the answer: fetch keeps the answer, and the agent drops the socket for the next call.
      request.on("error", (error) => {
        if (!incoming?.complete) reject(error);
      });
      request.end(body);
    });
  };
}
