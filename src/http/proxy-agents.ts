// Which agent an attempt goes through in Node: a proxy's, as curl and Azure's clients choose one
// (HTTPS_PROXY/HTTP_PROXY/NO_PROXY, either case, read by proxy-from-env at each call, so a
// variable set later counts), or the one the client's `proxy` option names, or none. The
// proxy agents are https-proxy-agent (CONNECT) and http-proxy-agent, the ones Azure's
// core-rest-pipeline uses; each is made once per proxy and kept alive.
import { HttpProxyAgent } from "http-proxy-agent";
import { HttpsProxyAgent } from "https-proxy-agent";
import { getProxyForUrl } from "proxy-from-env";

type Agent = import("node:http").Agent;

/** `false`: never a proxy; a URL: always that one; undefined: what the environment says. */
export type ProxySetting = string | false | undefined;

const VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "npm_config_proxy", "npm_config_https_proxy", "npm_config_no_proxy"];

// proxy-from-env parses the URL and every variable at each call (about 7 us): its answer is kept
// per origin until a variable changes, which reading them (about 1 us) tells.
let snapshot = "";
const byOrigin = new Map<string, string | undefined>();

/** The proxy for `url` by the setting, or undefined to go direct. A pure decision but for the environment it reads. */
export function proxyFor(url: URL, setting: ProxySetting): string | undefined {
  if (setting === false) return undefined;
  if (typeof setting === "string") return setting;
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const now = VARIABLES.map((name) => env[name] ?? "").join("\n");
  if (now !== snapshot) {
    snapshot = now;
    byOrigin.clear();
  }
  const origin = `${url.protocol}//${url.host}`;
  if (!byOrigin.has(origin)) {
    // Bounded: a client calls one API root, and a test a handful.
    if (byOrigin.size >= 64) byOrigin.clear();
    byOrigin.set(origin, getProxyForUrl(url.href) || undefined);
  }
  return byOrigin.get(origin);
}

export class ProxyAgents {
  private readonly agents = new Map<string, Agent>();

  constructor(private readonly setting: ProxySetting) {}

  /** The agent to send to `url` through, or undefined to go direct (the global agents, or the CA's). */
  for(url: URL): Agent | undefined {
    const proxy = proxyFor(url, this.setting);
    if (!proxy) return undefined;
    const key = `${url.protocol} ${proxy}`;
    let agent = this.agents.get(key);
    if (!agent) {
      agent =
        url.protocol === "https:"
          ? new HttpsProxyAgent(proxy, { keepAlive: true })
          : new HttpProxyAgent(proxy, { keepAlive: true });
      this.agents.set(key, agent);
    }
    return agent;
  }
}
