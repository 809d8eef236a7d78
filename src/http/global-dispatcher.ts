// Code that routed fetch through a proxy with undici's setGlobalDispatcher(new ProxyAgent(...))
// expects every HTTP call of the process to follow it. node:http does not know undici's
// dispatcher, so while one of undici's proxy agents is installed the default transport sends
// through the platform's fetch, which honours it. undici keeps the dispatcher under this
// registered symbol, shared by Node's own copy and the npm package.
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

/** Whether the process's global fetch dispatcher is one of undici's proxy agents. */
export function globalProxyDispatcher(): boolean {
  try {
    const dispatcher = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER] as { constructor?: { name?: unknown } } | undefined;
    const name = dispatcher?.constructor?.name;
    return typeof name === "string" && /ProxyAgent$/.test(name);
  } catch {
    return false;
  }
}
