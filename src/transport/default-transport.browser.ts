// The same choice in the build for browsers and edge runtimes (the package's browser, worker and
// edge-light conditions): they have no node:http, so that build carries none of its code.
import type { AttemptTransport } from "./attempt";
import { platformFetchTransport } from "./fetch-transport";

export const defaultTransport = (_options?: { ca?: readonly string[]; proxy?: string | false }): AttemptTransport =>
  platformFetchTransport();
