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
import { PartnerCenterError, PartnerCenterValidationError, type ValidationProblem } from "../errors";
import { timeoutProblems } from "../rules/is-whole";
import {
  accessTokenOf,
  signInFailure,
  tokenEndpoint,
  tokenEndpointProblems,
  type TokenEndpointOptions,
} from "./token-endpoint";

export interface RefreshTokenCredentialOptions extends TokenEndpointOptions {
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
  /** Default the Partner Center resource's `.default` scope. */
  scope?: string | undefined;
}

const DEFAULT_STORE_TIMEOUT_MS = 30_000;

function settingProblems(options: RefreshTokenCredentialOptions): ValidationProblem[] {
  const problems = tokenEndpointProblems(options as RefreshTokenCredentialOptions & Record<string, unknown>, [
    "clientId",
    "clientSecret",
    "refreshToken",
  ]);
  if (typeof options?.onRefreshToken !== "function")
    problems.push({ path: "options.onRefreshToken", message: "must be a function that stores the new refresh token" });
  problems.push(...timeoutProblems(options?.onRefreshTokenTimeoutMs, "options.onRefreshTokenTimeoutMs"));
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

export function createRefreshTokenCredential(options: RefreshTokenCredentialOptions): TokenCredential {
  const problems = settingProblems(options);
  if (problems.length) throw new PartnerCenterValidationError("createRefreshTokenCredential", problems);

  const { clientId, clientSecret, onRefreshToken } = options;
  const endpoint = tokenEndpoint(options);
  const storeTimeoutMs = options.onRefreshTokenTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  let refreshToken = options.refreshToken;
  let inFlight: Promise<AccessToken> | undefined;

  async function exchange(scope: string, signal?: AbortSignal): Promise<AccessToken> {
    const form = { grant_type: "refresh_token", client_id: clientId, client_secret: clientSecret };
    const fields = await endpoint.grant(
      { ...form, refresh_token: refreshToken, scope: `${scope} offline_access` },
      signal,
    );
    const token = accessTokenOf(fields, endpoint.host);
    const next = fields.refresh_token;
    if (typeof next === "string" && next !== "" && next !== refreshToken) {
      // Kept before it is stored: the old one is no longer the newest, and the next exchange uses this one.
      refreshToken = next;
      await store(next);
    }
    return token;
  }

  /** onRefreshToken, awaited within its bound: a store that never answers fails this exchange, not every one after it. */
  async function store(token: string): Promise<void> {
    const timedOut = () =>
      signInFailure(`onRefreshToken did not settle within ${storeTimeoutMs} ms, so its access token was not used`);
    try {
      await within(
        Promise.resolve().then(() => onRefreshToken(token)),
        storeTimeoutMs,
        timedOut,
      );
    } catch (error) {
      if (error instanceof PartnerCenterError) throw error;
      // Not quoted: a store's own message may carry the token it failed to store.
      throw signInFailure("onRefreshToken failed to store the new refresh token, so its access token was not used");
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
