// The Microsoft identity platform's token endpoint, as every credential this package builds talks
// to it: one POST of an OAuth 2.0 grant through the client's own transport (proxy, CA, timeout, size
// cap, User-Agent), never a redirect followed (the form carries the client secret), a 429 or 5xx
// retried as the client retries, and a failure that names the host and what to check. What the
// endpoint says is quoted only as its RFC 6749 error word and AADSTS code.
import { PartnerCenterError, type ClientErrorCode, type ValidationProblem } from "../errors";
import { reasonOf } from "../internal/printable";
import { redactSecrets } from "../internal/redact";
import { sleep } from "../internal/async/sleep";
import { userAgent } from "../internal/user-agent";
import { decideRetry, DEFAULT_RETRY_POLICY } from "../pipeline/retry-policy";
import { timeoutProblems } from "../rules/is-whole";
import { sendAttempt, type AttemptTransport, type Received } from "../transport/attempt";
import { certificateAdvice } from "../transport/certificate-errors";
import { defaultTransport } from "../transport/default-transport";
import { failureKind } from "../transport/failure-kind";
import { fetchTransport, type FetchLike } from "../transport/fetch-transport";
import { ResponseTooLargeError } from "../transport/read-body";
import { caProblems, endpointProblems, proxyProblems } from "../transport/transport-options";

/** Where and how a credential reaches its token endpoint. */
export interface TokenEndpointOptions {
  /** The partner's Entra tenant: its id (a GUID), a verified domain, or `organizations`. */
  tenantId: string;
  /** Default https://login.microsoftonline.com; the sovereign clouds' hosts, or a fake's. */
  authorityHost?: string | undefined;
  /** The fetch to send with. Default: the client's own transport (node:http in Node, else the platform's fetch). */
  fetch?: FetchLike | undefined;
  /** Certificates (PEM) to trust besides the platform's, as the client's `ca` option. */
  ca?: string | readonly string[] | undefined;
  /** The proxy, as the client's `proxy` option: a URL, `false`, or by default HTTPS_PROXY/HTTP_PROXY/NO_PROXY. */
  proxy?: string | false | undefined;
  /** Per-attempt timeout of the exchange, in milliseconds. Default 30 000. */
  timeoutMs?: number | undefined;
}

export interface TokenEndpoint {
  /** The authority's host, for messages. */
  readonly host: string;
  /** The endpoint's answer to one grant (its form fields), as the JSON object it sent. */
  grant(form: Record<string, string>, signal?: AbortSignal): Promise<Record<string, unknown>>;
}

const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
/** A token answer is about 5 kB; 1 MB is generous, and a runaway answer is not read whole. */
const MAX_TOKEN_ANSWER_BYTES = 1024 * 1024;
const DEFAULT_EXCHANGE_TIMEOUT_MS = 30_000;
/** A GUID or a DNS name (`organizations`, `contoso.onmicrosoft.com`): never `.`, `..`, or anything that changes the path. */
const TENANT = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*$/i;
/** RFC 6749's error codes are ASCII words; anything else is not quoted. */
const OAUTH_ERROR = /^[a-z_]{1,60}$/;

/** A sign-in failure: AUTHENTICATION_FAILED and final unless said otherwise. */
export function signInFailure(
  message: string,
  fields: { code?: ClientErrorCode; isRetryable?: boolean; status?: number } = {},
): PartnerCenterError {
  return new PartnerCenterError(message, {
    code: fields.code ?? "AUTHENTICATION_FAILED",
    isRetryable: fields.isRetryable ?? false,
    status: fields.status,
  });
}

/** Problems with the options every credential shares; `secrets` are the option names that must be non-empty strings. */
export function tokenEndpointProblems(
  options: TokenEndpointOptions & Record<string, unknown>,
  secrets: readonly string[],
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const name of ["tenantId", ...secrets]) {
    if (typeof options?.[name] !== "string" || options[name] === "")
      problems.push({ path: `options.${name}`, message: "must be a non-empty string" });
  }
  if (typeof options?.tenantId === "string" && options.tenantId !== "" && !TENANT.test(options.tenantId)) {
    problems.push({
      path: "options.tenantId",
      message: "must be a tenant id (a GUID) or a domain name such as contoso.onmicrosoft.com",
    });
  }
  if (options?.authorityHost !== undefined)
    problems.push(...endpointProblems(options.authorityHost, "options.authorityHost"));
  if (options?.fetch !== undefined && typeof options.fetch !== "function")
    problems.push({ path: "options.fetch", message: "must be a function" });
  if (options?.ca !== undefined)
    problems.push(
      ...caProblems(typeof options.ca === "string" ? [options.ca] : options.ca, options.fetch !== undefined),
    );
  if (options?.proxy !== undefined) problems.push(...proxyProblems(options.proxy, options.fetch !== undefined));
  problems.push(...timeoutProblems(options?.timeoutMs, "options.timeoutMs"));
  return problems;
}

/** What the token endpoint said, for our message: its OAuth error and AADSTS code, never the rest verbatim. */
function refusal(status: number, body: unknown, grantType: string | undefined): PartnerCenterError {
  const fields = body !== null && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const error = typeof fields.error === "string" && OAUTH_ERROR.test(fields.error) ? fields.error : `HTTP ${status}`;
  const aadsts =
    typeof fields.error_description === "string"
      ? /AADSTS\d{1,9}/.exec(fields.error_description.slice(0, 1_000))?.[0]
      : undefined;
  const code = aadsts ? ` (${aadsts})` : "";
  if (error === "invalid_grant" && grantType === "refresh_token") {
    return signInFailure(
      `the refresh token was refused: invalid_grant${code}. It expired, was revoked or its consent was withdrawn: ` +
        "redo the consent (the secure application model) and store the new refresh token",
      { status },
    );
  }
  if (error === "invalid_client") {
    return signInFailure(
      `the token endpoint refused the app's credentials: invalid_client${code}. Check the client id and secret, and that the secret has not expired`,
      { status },
    );
  }
  return signInFailure(`the token endpoint refused the exchange: ${error}${code}`, {
    status,
    isRetryable: status === 429 || status >= 500,
  });
}

/** Why an exchange got no answer, naming the host and what to check. */
function unreachable(host: string, error: unknown, timeoutMs: number): PartnerCenterError {
  if (error instanceof ResponseTooLargeError)
    return signInFailure(
      `the token endpoint ${host} answered with more than ${MAX_TOKEN_ANSWER_BYTES} bytes, larger than a token answer is`,
    );
  const kind = failureKind(error);
  if (kind.failure === "certificate") {
    return signInFailure(
      `the token endpoint ${host}'s TLS certificate was refused (${kind.errorCode}): ${certificateAdvice(kind.errorCode!)}`,
      { code: "CERTIFICATE_ERROR" },
    );
  }
  if (kind.failure === "timeout")
    return signInFailure(`the token endpoint ${host} did not answer within ${timeoutMs} ms`, {
      code: "TIMEOUT",
      isRetryable: true,
    });
  return signInFailure(
    `the token endpoint ${host} could not be reached (${kind.errorCode ?? redactSecrets(reasonOf(error))}): check that this machine reaches it, ` +
      "directly or through the proxy (the proxy option, HTTPS_PROXY and NO_PROXY)",
    { code: "NETWORK_ERROR", isRetryable: true },
  );
}

function parsed(received: Received): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(received.body));
  } catch {
    return undefined;
  }
}

/** The token endpoint of `options.tenantId`, reached as the options say. Options are checked by tokenEndpointProblems first. */
export function tokenEndpoint(options: TokenEndpointOptions): TokenEndpoint {
  const url = `${(options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, "")}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`;
  const host = new URL(url).host;
  const ca = typeof options.ca === "string" ? [options.ca] : options.ca;
  const transport: AttemptTransport = options.fetch
    ? fetchTransport(options.fetch)
    : defaultTransport({ ca, proxy: options.proxy });
  const timeoutMs = options.timeoutMs ?? DEFAULT_EXCHANGE_TIMEOUT_MS;

  /** One POST of the grant; never follows a redirect (the secret goes to the authority alone). */
  async function post(form: Record<string, string>, signal?: AbortSignal): Promise<Received> {
    const headers = new Headers({
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
      "User-Agent": userAgent(),
    });
    const body = new URLSearchParams(form).toString();
    try {
      return await sendAttempt(
        transport,
        { method: "POST", url, headers, body, signal },
        { timeoutMs, maxResponseBytes: MAX_TOKEN_ANSWER_BYTES },
      );
    } catch (error) {
      if (signal?.aborted) throw error;
      throw unreachable(host, error, timeoutMs);
    }
  }

  /** The grant's answer, retried as the client retries a 429, a 5xx or a failed attempt. */
  async function answer(form: Record<string, string>, signal?: AbortSignal): Promise<Received> {
    for (let attempt = 1; ; attempt++) {
      let received: Received | undefined;
      let failed: PartnerCenterError | undefined;
      try {
        received = await post(form, signal);
      } catch (error) {
        if (!(error instanceof PartnerCenterError) || !error.isRetryable) throw error;
        failed = error;
      }
      if (received?.redirect) {
        throw signInFailure(
          `the token endpoint ${host} answered ${received.status} (a redirect), which is not followed: the secret goes to authorityHost alone; check authorityHost`,
          { status: received.status },
        );
      }
      if (received && received.status < 300) return received;
      const outcome = { status: received?.status, retryAfter: received?.headers.get("Retry-After") };
      const decision = decideRetry(attempt, outcome, DEFAULT_RETRY_POLICY, Date.now(), Math.random());
      if (!decision.retry) throw failed ?? refusal(received!.status, parsed(received!), form.grant_type);
      await sleep(decision.delayMs, signal);
    }
  }

  return {
    host,
    async grant(form, signal) {
      const fields = parsed(await answer(form, signal));
      return fields !== null && typeof fields === "object" ? (fields as Record<string, unknown>) : {};
    },
  };
}

/** The access token of a token answer, with its expiry (an hour when the answer gives none that is usable). */
export function accessTokenOf(
  fields: Record<string, unknown>,
  host: string,
): { token: string; expiresOnTimestamp: number } {
  if (typeof fields.access_token !== "string" || fields.access_token === "")
    throw signInFailure(`the token endpoint ${host} answered without an access token`);
  const expiresIn = typeof fields.expires_in === "number" ? fields.expires_in : Number(fields.expires_in);
  return {
    token: fields.access_token,
    expiresOnTimestamp: Date.now() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3_600) * 1000,
  };
}
