// The transport when the caller gives no fetch: node:http where the platform has it (Node, and
// runtimes with its modules), else the platform's fetch.
import type { AttemptTransport } from "./attempt";
import { platformFetchTransport } from "./fetch-transport";
import { nodeTransport } from "./node-transport";

/** `ca`: PEM certificates to trust besides the platform's (node:http only; the fetch has its own settings). */
export const defaultTransport = (ca?: readonly string[]): AttemptTransport => nodeTransport(ca) ?? platformFetchTransport();
