// The peers every benchmark sets this client beside, built the same way for a stub or a server:
// bare openapi-fetch, Azure's REST client (bearer policy and default retries, as an Azure SDK
// uses it) and axios.
import { getClient } from "@azure-rest/core-client";
import { createHttpHeaders } from "@azure/core-rest-pipeline";
import axios from "axios";
import createClient from "openapi-fetch";

/** Pacing on but never reached: its bookkeeping is in every figure of this client, its waits in none. */
export const UNREACHED = 1_000_000_000;

const credential = { getToken: async () => ({ token: "token", expiresOnTimestamp: Date.now() + 3_600_000 }) };
const BEARER = "bearerTokenAuthenticationPolicy";
const SCOPE = "https://api.partnercenter.microsoft.com/.default";

/** Azure's client; `stub` answers every request at once with `status` and `text`, else it talks to `baseUrl`. */
export function azureClient(baseUrl, stub) {
  // The same stub work as the fetch peers' stub: a Response built and its body stream read, not a
  // string handed over (which made Azure's client look 2.1x faster than it is).
  const httpClient = stub && {
    sendRequest: async (request) => {
      const response = new Response(stub.text, {
        status: stub.status,
        headers: { "content-type": "application/json" },
      });
      return {
        request,
        status: response.status,
        headers: createHttpHeaders(Object.fromEntries(response.headers)),
        bodyAsText: await response.text(),
      };
    },
  };
  const client = getClient(baseUrl, credential, {
    credentials: { scopes: [SCOPE] },
    allowInsecureConnection: true,
    ...(httpClient ? { httpClient } : {}),
  });
  // The bearer policy refuses http URLs outright, whatever allowInsecureConnection says; over
  // loopback two string swaps show it https and give the transport http back.
  if (baseUrl.startsWith("http:")) {
    const swap = (name, from, to) => ({
      name,
      sendRequest: (request, next) => next(Object.assign(request, { url: request.url.replace(from, to) })),
    });
    client.pipeline.addPolicy(swap("presentAsHttps", /^http:/, "https:"), { beforePolicies: [BEARER] });
    client.pipeline.addPolicy(swap("restoreHttp", /^https:/, "http:"), { afterPolicies: [BEARER] });
  }
  return client;
}

export const bareOpenapiFetch = (baseUrl, fetch) =>
  createClient({ baseUrl, headers: { Authorization: "Bearer token" }, ...(fetch ? { fetch } : {}) });

export const axiosClient = (baseUrl, fetch) =>
  axios.create({
    baseURL: baseUrl,
    headers: { Authorization: "Bearer token" },
    ...(fetch ? { adapter: "fetch", env: { fetch } } : {}),
  });
