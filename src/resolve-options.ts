// Checks the client's options, refusing a misconfigured client before it can send anything, and
// resolves them with their defaults.
import { CLOUDS } from "./clouds";
import { bareToken, DEFAULT_TOKEN_TIMEOUT_MS, PARTNER_CENTER_SCOPE, tokenProblem } from "./credentials/credential";
import { PartnerCenterValidationError, type ValidationProblem } from "./errors";
import { userAgent } from "./internal/user-agent";
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, type ClientOptions, type ResolvedOptions } from "./options";
import { DEFAULT_RETRY_POLICY } from "./pipeline/retry-policy";
import type { SharedPacerFactory } from "./rate-limit/shared-pacer";
import { rateLimitOf } from "./rate-limit/rate-limit-options";
import { MAX_TIMER_MS, timeoutProblems, wholeNumberProblems } from "./rules/is-whole";
import { parameterMsPartnerCenterApplication, parameterXLocale } from "../generated/request-rules";
import { headerParameterProblems } from "./rules/bind-request";
import { defaultTransport } from "./transport/default-transport";
import { fetchTransport } from "./transport/fetch-transport";
import { caProblems, endpointProblems, proxyProblems } from "./transport/transport-options";

function credentialProblems(credential: unknown): ValidationProblem[] {
  const at = "options.credential";
  if (typeof credential === "string") {
    if (bareToken(credential).trim() === "") return [{ path: at, message: "must not be empty" }];
    const problem = tokenProblem(bareToken(credential));
    return problem ? [{ path: at, message: `is not a token that can be sent: ${problem}` }] : [];
  }
  if (typeof credential === "function") return [];
  if (credential && typeof (credential as { getToken?: unknown }).getToken === "function") return [];
  return [
    { path: at, message: "must be a token string, a function returning one, or an object with getToken(scopes)" },
  ];
}

/** The options checked and resolved; a store of rateLimit is paced by what it carries, else by `sharedPacer`. */
export function resolveOptions(options: ClientOptions, sharedPacer?: SharedPacerFactory): ResolvedOptions {
  if (!options || typeof options !== "object") {
    throw new PartnerCenterValidationError("createPartnerCenterClient", [
      { path: "options", message: "must be an object with a credential" },
    ]);
  }
  const problems = credentialProblems(options.credential);
  const cloud = options.cloud ?? "global";
  if (!Object.hasOwn(CLOUDS, cloud)) {
    problems.push({
      path: "options.cloud",
      message: `must be one of ${Object.keys(CLOUDS).join(", ")}, got ${String(cloud)}`,
    });
  }
  if (options.baseUrl !== undefined) problems.push(...endpointProblems(options.baseUrl, "options.baseUrl"));
  problems.push(
    ...wholeNumberProblems(options.maxRetries, "options.maxRetries", { min: 0, max: 10 }),
    ...timeoutProblems(options.timeoutMs, "options.timeoutMs"),
    ...wholeNumberProblems(options.tokenTimeoutMs, "options.tokenTimeoutMs", {
      min: 1,
      max: MAX_TIMER_MS,
      unit: "milliseconds",
    }),
    ...wholeNumberProblems(options.maxResponseBytes, "options.maxResponseBytes", { min: 1, unit: "bytes" }),
  );
  for (const [key, value] of Object.entries(options.backoff ?? {})) {
    const rule = { min: 0, max: 24 * 3600_000, unit: "milliseconds" };
    problems.push(...wholeNumberProblems(value ?? null, `options.backoff.${key}`, rule));
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    problems.push({ path: "options.fetch", message: "must be a function" });
  }
  const ca = options.ca === undefined ? undefined : typeof options.ca === "string" ? [options.ca] : options.ca;
  if (ca !== undefined) problems.push(...caProblems(ca, options.fetch !== undefined));
  if (options.proxy !== undefined) problems.push(...proxyProblems(options.proxy, options.fetch !== undefined));
  if (options.logger !== undefined && typeof options.logger?.info !== "function") {
    problems.push({ path: "options.logger", message: "must have an info(message) method" });
  }
  if (options.recordCustomerIds !== undefined && typeof options.recordCustomerIds !== "boolean") {
    problems.push({ path: "options.recordCustomerIds", message: "must be true or false" });
  }
  const rateLimit = rateLimitOf(options.rateLimit, sharedPacer);
  if (Array.isArray(rateLimit)) problems.push(...rateLimit);
  const headers: Record<string, string> = { Accept: "application/json", "MS-Contract-Version": "v1" };
  for (const [option, header] of [
    ["applicationName", parameterMsPartnerCenterApplication],
    ["locale", parameterXLocale],
  ] as const) {
    const value = options[option];
    if (value === undefined) continue;
    const found = headerParameterProblems(value, `options.${option}`, header);
    problems.push(...found);
    if (!found.length) headers[header.name] = value;
  }
  if (problems.length) throw new PartnerCenterValidationError("createPartnerCenterClient", problems);
  headers["User-Agent"] = userAgent(headers["MS-PartnerCenter-Application"]);
  return {
    credential: options.credential,
    baseUrl: (options.baseUrl ?? CLOUDS[cloud].baseUrl).replace(/\/+$/, ""),
    policy: {
      ...DEFAULT_RETRY_POLICY,
      ...options.backoff,
      maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    },
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    tokenTimeoutMs: options.tokenTimeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    transport: options.fetch ? fetchTransport(options.fetch) : defaultTransport({ ca: ca, proxy: options.proxy }),
    headers,
    logger: options.logger,
    recordCustomerIds: options.recordCustomerIds === true,
    scope: options.scope ?? PARTNER_CENTER_SCOPE,
    rateLimit: rateLimit as ResolvedOptions["rateLimit"],
  };
}
