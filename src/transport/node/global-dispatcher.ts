// Code that routed fetch through a proxy with undici's setGlobalDispatcher(new ProxyAgent(...))
// expects every HTTP call of the process to follow it. node:http does not know undici's
// dispatcher, so while one of undici's proxy agents is installed the default transport sends
// through the platform's fetch, which honours it. undici keeps the dispatcher under registered
// symbols shared by Node's own copy and the npm package: `.2` since undici 8 (Node 26), `.1`
// before; the platform's fetch reads the newer where it knows it.
const GLOBAL_DISPATCHERS = [Symbol.for("undici.globalDispatcher.2"), Symbol.for("undici.globalDispatcher.1")];

/** Whether the process's global fetch dispatcher is one of undici's proxy agents. */
export function globalProxyDispatcher(): boolean {
  try {
    const global = globalThis as Record<symbol, unknown>;
    const key = GLOBAL_DISPATCHERS.find((symbol) => global[symbol] !== undefined);
    const name = key && (global[key] as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === "string" && /ProxyAgent$/.test(name);
  } catch {
    return false;
  }
}
