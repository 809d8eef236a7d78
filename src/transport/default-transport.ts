// The transport when the caller gives no fetch: node:http where the platform has it (Node, and
// runtimes with its modules), else the platform's fetch. In Node, while undici's global
// dispatcher is a proxy agent (and the client was given no proxy or CA of its own), an attempt
// goes through the platform's fetch, which honours it.
import type { AttemptTransport } from "./attempt";
import { platformFetchTransport } from "./fetch-transport";
import { globalProxyDispatcher } from "./node/global-dispatcher";
import { nodeTransport, type NodeTransportOptions } from "./node/node-transport";

/** `ca` and `proxy` apply to node:http only; a platform's fetch has its own settings. */
export function defaultTransport(options: NodeTransportOptions = {}): AttemptTransport {
  const node = nodeTransport(options);
  const viaFetch = platformFetchTransport();
  if (!node) return viaFetch;
  if (options.proxy !== undefined || options.ca?.length) return node;
  return (call, attempt, maxResponseBytes) =>
    (globalProxyDispatcher() ? viaFetch : node)(call, attempt, maxResponseBytes);
}
