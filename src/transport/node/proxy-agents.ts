// Which agent an attempt goes through in Node: a proxy's, as curl and Azure's clients choose one
// (HTTPS_PROXY/HTTP_PROXY/NO_PROXY, either case, read by proxy-from-env), or the one the client's
// `proxy` option names, or none. The environment is read once per client and host, at the first
// call there, as Azure's pipeline reads it once when it is made: reading the variables cost 3.6 us
// of every call (over loopback, a createOrder's transport went from 125 to 113 us without it).
// The proxy agents are https-proxy-agent (CONNECT) and http-proxy-agent, the ones Azure's
// core-rest-pipeline uses; each is made once per proxy and kept alive.
import { HttpProxyAgent } from "http-proxy-agent";
import { HttpsProxyAgent } from "https-proxy-agent";
import { getProxyForUrl } from "proxy-from-env";
import { ProxySettingError } from "./proxy-setting-error";

type Agent = import("node:http").Agent;

/** `false`: never a proxy; a URL: always that one; undefined: what the environment says. */
export type ProxySetting = string | false | undefined;

/** The proxy for `url` by the setting, or undefined to go direct. A pure decision but for the environment it reads. */
function proxyFor(url: URL, setting: ProxySetting): string | undefined {
  if (setting === false) return undefined;
  if (typeof setting === "string") return setting;
  return getProxyForUrl(url.href) || undefined;
}

/** Each request's attempt signal, for its CONNECT socket: node:http hands an agent no `signal`. */
const attemptSignals = new WeakMap<object, AbortSignal>();

/** Ends `request`'s CONNECT socket, if a proxy agent opens one, when `signal` aborts. Call it right after http.request(). */
export function lendSignal(request: object, signal: AbortSignal): void {
  attemptSignals.set(request, signal);
}

/**
 * https-proxy-agent, with its socket to the proxy ended when the attempt is: a proxy that never
 * finishes its CONNECT answer would otherwise hold the socket after the attempt gave up (a
 * ClientRequest destroyed before it has a socket tells its agent nothing). The agent opens that
 * socket synchronously at the start of connect(), from connectOpts, so the attempt's signal is
 * lent to that one call; net.Socket's own `signal` option destroys the socket when it aborts.
 */
class BoundedHttpsProxyAgent extends HttpsProxyAgent<string> {
  override connect(
    request: import("node:http").ClientRequest,
    options: Parameters<HttpsProxyAgent<string>["connect"]>[1],
  ) {
    const signal = attemptSignals.get(request);
    if (!signal) return super.connect(request, options);
    const own = this as unknown as { connectOpts: object };
    const shared = own.connectOpts;
    own.connectOpts = { ...shared, signal };
    try {
      return super.connect(request, options);
    } finally {
      own.connectOpts = shared;
    }
  }
}

const usable = (proxy: string) => URL.canParse(proxy) && /^https?:$/.test(new URL(proxy).protocol);

export class ProxyAgents {
  private readonly agents = new Map<string, Agent>();
  /** The proxy each origin goes through, as read at the client's first call there. */
  private readonly byOrigin = new Map<string, string | undefined>();

  constructor(private readonly setting: ProxySetting) {}

  /** The agent to send to `url` through, or undefined to go direct (the global agents, or the CA's). */
  for(url: URL): Agent | undefined {
    const origin = `${url.protocol}//${url.host}`;
    if (!this.byOrigin.has(origin)) {
      // Bounded: a client calls one API root and one token endpoint, a test a handful.
      if (this.byOrigin.size >= 64) this.byOrigin.clear();
      this.byOrigin.set(origin, proxyFor(url, this.setting));
    }
    const proxy = this.byOrigin.get(origin);
    if (!proxy) return undefined;
    // The option was checked when the client was made; the environment is read here.
    if (this.setting === undefined && !usable(proxy)) throw new ProxySettingError();
    const key = `${url.protocol} ${proxy}`;
    let agent = this.agents.get(key);
    if (!agent) {
      agent =
        url.protocol === "https:"
          ? new BoundedHttpsProxyAgent(proxy, { keepAlive: true })
          : new HttpProxyAgent(proxy, { keepAlive: true });
      this.agents.set(key, agent);
    }
    return agent;
  }
}
