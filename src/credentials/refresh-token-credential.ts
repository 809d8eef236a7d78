// App+User sign-in for unattended jobs, as the secure application model has it: a refresh token,
// obtained once with consent and MFA, exchanged for Partner Center access tokens with the OAuth 2.0
// refresh grant (RFC 6749 section 6) at the Microsoft identity platform. Each exchange returns a new
// refresh token, handed to onRefreshToken and awaited before the access token is used, so a crash
// cannot lose the only valid one. MSAL is not used: it never returns a refresh token, by design
// (spec/README.md D36). Secrets and tokens never reach an error or a log line.
//
// The exchange carries the client secret and the refresh token, so it is as hard as the API path:
// the same transport (proxy, CA, timeout, size cap, User-Agent), never a redirect followed, a 429
// or 5xx retried as the client retries, and every wait bounded, onRefreshToken's included.
import { PARTNER_CENTER_SCOPE, type AccessToken, type TokenCredential } from "./credential";
import {
  PartnerCenterError,
  PartnerCenterValidationError,
  type ClientErrorCode,
  type ValidationProblem,
} from "../errors";
import { sendAttempt, type AttemptTransport, type Received } from "../transport/attempt";
import { defaultTransport } from "../transport/default-transport";
import { fetchTransport, type FetchLike } from "../transport/fetch-transport";
import { failureKind } from "../transport/failure-kind";
import { certificateAdvice } from "../transport/certificate-errors";
import { ResponseTooLargeError } from "../transport/read-body";
import { decideRetry, DEFAULT_RETRY_POLICY } from "../pipeline/retry-policy";
import { sleep } from "../internal/async/sleep";
import { timeoutProblems } from "../rules/is-whole";
import { caProblems, endpointProblems, proxyProblems } from "../transport/transport-options";
import { reasonOf } from "../internal/printable";
import { redactSecrets } from "../internal/redact";
import { userAgent } from "../internal/user-agent";

export interface RefreshTokenCredentialOptions {
  /** The partner's Entra tenant: its id (a GUID), a verified domain, or `organizations`. */
  tenantId: string;
  /** The app registration the consent was given to. */
  clientId: string;
  clientSecret: string;
  /** The refresh token last stored: from the consent, or from onRefreshToken. */
  refreshToken: string;
  /**
   * Stores each new refresh token (a key vault, a database). Awaited before the access token it
   * came with is used; if it rejects, or has not settled within onRefreshTokenTimeoutMs, the call
   * fails and the next one exchanges again (with the newest token). A refresh token unused for 90
   * days expires, and the consent must then be redone.
   */
  onRefreshToken: (refreshToken: string) => void | Promise<void>;
  /** How long onRefreshToken may take, in milliseconds. Default 30 000. */
  onRefreshTokenTimeoutMs?: number | undefined;
  /** Default https://login.microsoftonline.com; the sovereign clouds' hosts, or a fake's. */
  authorityHost?: string | undefined;
  /** Default the Partner Center resource's `.default` scope. */
  scope?: string | undefined;
  /** The fetch to send with. Default: the client's own transport (node:http in Node, else the platform's fetch). */
  fetch?: FetchLike | undefined;
  /** Certificates (PEM) to trust besides the platform's, as the client's `ca` option. */
  ca?: string | readonly string[] | undefined;
  /** The proxy, as the client's `proxy` option: a URL, `false`, or by default HTTPS_PROXY/HTTP_PROXY/NO_PROXY. */
  proxy?: string | false | undefined;
  /** Per-attempt timeout of the exchange, in milliseconds. Default 30 000. */
  timeoutMs?: number | undefined;
}

const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
/** A token answer is about 5 kB; 1 MB is generous, and a runaway answer is not read whole. */
const MAX_TOKEN_ANSWER_BYTES = 1024 * 1024;
const DEFAULT_EXCHANGE_TIMEOUT_MS = 30_000;
const DEFAULT_STORE_TIMEOUT_MS = 30_000;
/** A GUID or a DNS name (`organizations`, `contoso.onmicrosoft.com`): never `.`, `..`, or anything that changes the path. */
const TENANT = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*$/i;
/** RFC 6749's error codes are ASCII words; anything else is not quoted. */
const OAUTH_ERROR = /^[a-z_]{1,60}$/;

function failure(
  message: string,
  fields: { code?: ClientErrorCode; isRetryable?: boolean; status?: number } = {},
): PartnerCenterError {
  return new PartnerCenterError(message, {
    code: fields.code ?? "AUTHENTICATION_FAILED",
    isRetryable: fields.isRetryable ?? false,
    status: fields.status,
  });
}

/** What the token endpoint said, for our message: its OAuth error and AADSTS code, never the rest verbatim. */
function refusal(status: number, body: unknown, retryable: boolean): PartnerCenterError {
  const fields = body !== null && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const error = typeof fields.error === "string" && OAUTH_ERROR.test(fields.error) ? fields.error : `HTTP ${status}`;
  const aadsts =
    typeof fields.error_description === "string"
      ? /AADSTS\d{1,9}/.exec(fields.error_description.slice(0, 1_000))?.[0]
      : undefined;
  const code = aadsts ? ` (${aadsts})` : "";
  if (error === "invalid_grant") {
    return failure(
      `the refresh token was refused: invalid_grant${code}. It expired, was revoked or its consent was withdrawn: ` +
        "redo the consent (the secure application model) and store the new refresh token",
      { status },
    );
  }
  return failure(`the token endpoint refused the exchange: ${error}${code}`, { status, isRetryable: retryable });
}

/** Why an exchange got no answer, naming the host and what to check. */
function unreachable(host: string, error: unknown, timeoutMs: number): PartnerCenterError {
  if (error instanceof ResponseTooLargeError)
    return failure(
      `the token endpoint ${host} answered with more than ${MAX_TOKEN_ANSWER_BYTES} bytes, larger than a token answer is`,
    );
  const kind = failureKind(error);
  if (kind.failure === "certificate") {
    return failure(
      `the token endpoint ${host}'s TLS certificate was refused (${kind.errorCode}): ${certificateAdvice(kind.errorCode!)}`,
      { code: "CERTIFICATE_ERROR" },
    );
  }
  if (kind.failure === "timeout")
    return failure(`the token endpoint ${host} did not answer within ${timeoutMs} ms`, {
      code: "TIMEOUT",
      isRetryable: true,
    });
  return failure(
    `the token endpoint ${host} could not be reached (${kind.errorCode ?? redactSecrets(reasonOf(error))}): check that this machine reaches it, ` +
      "directly or through the proxy (the proxy option, HTTPS_PROXY and NO_PROXY)",
    { code: "NETWORK_ERROR", isRetryable: true },
  );
}

function settingProblems(options: RefreshTokenCredentialOptions): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const name of ["tenantId", "clientId", "clientSecret", "refreshToken"] as const) {
    if (typeof options?.[name] !== "string" || options[name] === "")
      problems.push({ path: `options.${name}`, message: "must be a non-empty string" });
  }
  if (typeof options?.tenantId === "string" && options.tenantId !== "" && !TENANT.test(options.tenantId)) {
    problems.push({
      path: "options.tenantId",
      message: "must be a tenant id (a GUID) or a domain name such as contoso.onmicrosoft.com",
    });
  }
  if (typeof options?.onRefreshToken !== "function")
    problems.push({ path: "options.onRefreshToken", message: "must be a function that stores the new refresh token" });
  if (options?.authorityHost !== undefined)
    problems.push(...endpointProblems(options.authorityHost, "options.authorityHost"));
  if (options?.fetch !== undefined && typeof options.fetch !== "function")
    problems.push({ path: "options.fetch", message: "must be a function" });
  if (options?.ca !== undefined)
    problems.push(
      ...caProblems(typeof options.ca === "string" ? [options.ca] : options.ca, options.fetch !== undefined),
    );
  if (options?.proxy !== undefined) problems.push(...proxyProblems(options.proxy, options.fetch !== undefined));
  problems.push(
    ...timeoutProblems(options?.timeoutMs, "options.timeoutMs"),
    ...timeoutProblems(options?.onRefreshTokenTimeoutMs, "options.onRefreshTokenTimeoutMs"),
  );
  return problems;
}

/** `promise`, or a rejection with `onTimeout()` once `ms` have passed: a wait on someone else's code that ends. */
function within<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
    (timer as { unref?: () => void }).unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function parsed(received: Received): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(received.body));
  } catch {
    return undefined;
  }
}

export function createRefreshTokenCredential(options: RefreshTokenCredentialOptions): TokenCredential {
  const problems = settingProblems(options);
  if (problems.length) throw new PartnerCenterValidationError("createRefreshTokenCredential", problems);

  const { clientId, clientSecret, onRefreshToken } = options;
  const url = `${(options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, "")}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`;
  const host = new URL(url).host;
  const ca = typeof options.ca === "string" ? [options.ca] : options.ca;
  const transport: AttemptTransport = options.fetch
    ? fetchTransport(options.fetch)
    : defaultTransport({ ca, proxy: options.proxy });
  const timeoutMs = options.timeoutMs ?? DEFAULT_EXCHANGE_TIMEOUT_MS;
  const storeTimeoutMs = options.onRefreshTokenTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  let refreshToken = options.refreshToken;
  let inFlight: Promise<AccessToken> | undefined;

  /** One POST of the grant; never follows a redirect (the secret and refresh token go to the authority alone). */
  async function post(scope: string, signal?: AbortSignal): Promise<Received> {
    const body = new URLSearchParams({
      grant_type: "refresh_token",
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: refreshToken,
      scope: `${scope} offline_access`,
    });
    const headers = new Headers({
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
      "User-Agent": userAgent(),
    });
    try {
      return await sendAttempt(
        transport,
        { method: "POST", url, headers, body: body.toString(), signal },
        { timeoutMs, maxResponseBytes: MAX_TOKEN_ANSWER_BYTES },
      );
    } catch (error) {
      if (signal?.aborted) throw error;
      throw unreachable(host, error, timeoutMs);
    }
  }

  /** The grant's answer, retried as the client retries a 429, a 5xx or a failed attempt. */
  async function answer(scope: string, signal?: AbortSignal): Promise<Received> {
    for (let attempt = 1; ; attempt++) {
      let received: Received | undefined;
      let failed: PartnerCenterError | undefined;
      try {
        received = await post(scope, signal);
      } catch (error) {
        if (!(error instanceof PartnerCenterError) || !error.isRetryable) throw error;
        failed = error;
      }
      if (received?.redirect) {
        throw failure(
          `the token endpoint ${host} answered ${received.status} (a redirect), which is not followed: the secret goes to authorityHost alone; check authorityHost`,
          { status: received.status },
        );
      }
      if (received && received.status < 300) return received;
      const decision = decideRetry(
        attempt,
        { status: received?.status, retryAfter: received?.headers.get("Retry-After") },
        DEFAULT_RETRY_POLICY,
        Date.now(),
        Math.random(),
      );
      if (!decision.retry) {
        if (failed) throw failed;
        throw refusal(received!.status, parsed(received!), received!.status === 429 || received!.status >= 500);
      }
      await sleep(decision.delayMs, signal);
    }
  }

  async function exchange(scope: string, signal?: AbortSignal): Promise<AccessToken> {
    const fields = (parsed(await answer(scope, signal)) ?? {}) as Record<string, unknown>;
    if (typeof fields.access_token !== "string" || fields.access_token === "")
      throw failure(`the token endpoint ${host} answered without an access token`);
    const expiresIn = typeof fields.expires_in === "number" ? fields.expires_in : Number(fields.expires_in);
    if (
      typeof fields.refresh_token === "string" &&
      fields.refresh_token !== "" &&
      fields.refresh_token !== refreshToken
    ) {
      // Kept before it is stored: the old one is no longer the newest, and the next exchange uses this one.
      refreshToken = fields.refresh_token;
      await store(fields.refresh_token);
    }
    return {
      token: fields.access_token,
      expiresOnTimestamp: Date.now() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3_600) * 1000,
    };
  }

  /** onRefreshToken, awaited within its bound: a store that never answers fails this exchange, not every one after it. */
  async function store(token: string): Promise<void> {
    const timedOut = () =>
      failure(`onRefreshToken did not settle within ${storeTimeoutMs} ms, so its access token was not used`);
    try {
      await within(
        Promise.resolve().then(() => onRefreshToken(token)),
        storeTimeoutMs,
        timedOut,
      );
    } catch (error) {
      if (error instanceof PartnerCenterError) throw error;
      // Not quoted: a store's own message may carry the token it failed to store.
      throw failure("onRefreshToken failed to store the new refresh token, so its access token was not used");
    }
  }

  return {
    getToken(scopes, getOptions) {
      const scope = options.scope ?? (Array.isArray(scopes) ? scopes[0] : scopes) ?? PARTNER_CENTER_SCOPE;
      // One exchange at a time: each spends the refresh token it was given.
      inFlight ??= exchange(scope, getOptions?.abortSignal).finally(() => (inFlight = undefined));
      return inFlight;
    },
  };
}
