// The one piece that leans on openapi-fetch's insides (openapi-fetch 0.17). The client's own
// calls skip openapi-fetch while no middleware is registered, and openapi-fetch builds light
// requests then (internal/fast/light-request.ts), so the bridge must know whether middleware
// exists: it mirrors `use` and `eject`, and marks a raw call that brings per-request middleware.
// That mark relies on openapi-fetch building the Request before its first await (its
// coreFetch), which tests/unit/calls/paths.test.ts and tests/unit/internal/fast/light-request.test.ts pin.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/schema";
import { LightRequest } from "../internal/fast/light-request";
import { ReplayableRequest } from "../internal/fast/outgoing";

/** The client asks for JSON (`Accept: application/json`), so the raw methods type the JSON answers. */
export type JsonClient = Client<paths, "application/json">;

/** The raw methods a caller may give per-request middleware to, and where their init is. */
const RAW_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "request"] as const;

export interface Bridge {
  client: JsonClient;
  /** Whether middleware is registered, which then must see every call. */
  hasMiddleware: () => boolean;
}

export function openapiFetchBridge(options: {
  baseUrl: string;
  headers: Record<string, string>;
  fetch: (request: Request) => Promise<Response>;
}): Bridge {
  const middleware: unknown[] = [];
  let perCallMiddleware = false;
  // Middleware sees a real Request; without any, a light one spares the platform class.
  const RequestFor = function (input: string | URL, init?: RequestInit) {
    return middleware.length || perCallMiddleware ? new ReplayableRequest(input, init) : new LightRequest(input, init);
  } as unknown as typeof Request;
  const client = createClient<paths, "application/json">({ ...options, Request: RequestFor });
  const use = client.use.bind(client);
  const eject = client.eject.bind(client);
  client.use = (...added) => {
    use(...added);
    middleware.push(...added);
  };
  client.eject = (...removed) => {
    eject(...removed);
    for (const m of removed) if (middleware.includes(m)) middleware.splice(middleware.indexOf(m), 1);
  };
  const raw = client as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of RAW_METHODS) {
    const original = raw[method]!.bind(client);
    raw[method] = (...args: unknown[]) => {
      const init = args[method === "request" ? 2 : 1] as { middleware?: unknown[] } | undefined;
      perCallMiddleware = Boolean(init?.middleware?.length);
      try {
        // openapi-fetch builds the request before its first await: the mark is read by then.
        return original(...args);
      } finally {
        perCallMiddleware = false;
      }
    };
  }
  return { client, hasMiddleware: () => middleware.length > 0 };
}
