// The User-Agent the client sends: the package and its version, the runtime and its version, then
// the application's own name when given, so that a service's logs (and Microsoft support) can
// tell whose calls they are.
import { version } from "../../package.json";

/** The runtime and its version, as `node/20.20.2`, `bun/1.2.0`, `deno/2.1.0`; undefined in a browser. */
function runtime(): string | undefined {
  const g = globalThis as {
    Bun?: { version?: string };
    Deno?: { version?: { deno?: string } };
    process?: { versions?: { node?: string } };
    navigator?: { userAgent?: string };
  };
  if (g.Bun?.version) return `bun/${g.Bun.version}`;
  if (g.Deno?.version?.deno) return `deno/${g.Deno.version.deno}`;
  if (g.navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  if (g.process?.versions?.node) return `node/${g.process.versions.node}`;
  return undefined;
}

export function userAgent(applicationName?: string): string {
  const where = runtime();
  return `partner-center-orders/${version}${where ? ` (${where})` : ""}${applicationName ? ` ${applicationName}` : ""}`;
}
