// Turns whatever the caller gave as a credential into cached bearer tokens: refreshed ahead of
// expiry, one refresh shared by concurrent calls, and a forced refresh after a 401. A credential is
// a third party too: its wait is bounded, the caller's signal ends it, and a token that cannot go
// into a header is refused without ever being shown.
import { isPartnerCenterError, PartnerCenterError } from "../errors";
import { abortable } from "../internal/async/abortable";
import { reasonOf } from "../internal/printable";
import { redactSecrets } from "../internal/redact";

/** The Partner Center resource; every cloud's tokens are issued for it. */
export const PARTNER_CENTER_SCOPE = "https://api.partnercenter.microsoft.com/.default";

/** The shape of an `@azure/identity` access token. */
export interface AccessToken {
  token: string;
  /** Expiry, in milliseconds since the epoch. */
  expiresOnTimestamp: number;
  /** When the issuer suggests refreshing, in milliseconds since the epoch. */
  refreshAfterTimestamp?: number;
}

/** The shape of an `@azure/identity` credential (ClientSecretCredential and friends). */
export interface TokenCredential {
  getToken(scopes: string | string[], options?: { abortSignal?: AbortSignal }): Promise<AccessToken | null>;
}

/** A token string; a function returning one (or a promise of one); or an @azure/identity credential. */
export type Credential = string | (() => string | Promise<string>) | TokenCredential;

export interface TokenProvider {
  /** A bearer token, from the cache unless it is due for refresh or `forceRefresh` is set; `signal` ends the wait. */
  getToken(forceRefresh?: boolean, signal?: AbortSignal): Promise<string>;
  /** False for a fixed token string: a 401 cannot be cured by asking again. */
  readonly refreshable: boolean;
}

/** Refresh this long before expiry, as Azure's token cycler does. */
export const REFRESH_WINDOW_MS = 2 * 60_000;

/** How long a credential may take to give a token. A sign-in that has not answered in 30 s is not coming. */
export const DEFAULT_TOKEN_TIMEOUT_MS = 30_000;

function describeCharacter(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (code === 0x20) return "a space";
  return code < 0x20 || code === 0x7f ? `a control character (${hex})` : `outside printable ASCII (${hex})`;
}

/** Why `token` cannot be sent as `Authorization: Bearer <token>`, saying where but never what it is. */
export function tokenProblem(token: string): string | undefined {
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code < 0x21 || code > 0x7e) {
      return `character ${i + 1} of ${token.length} is ${describeCharacter(code)}, which cannot be sent in an Authorization header`;
    }
  }
  return undefined;
}

/** A token as it goes after `Bearer `: callers often copy it with the prefix, which is dropped. */
export function bareToken(token: string): string {
  return token.replace(/^bearer\s+/i, "");
}

interface Cached {
  token: string;
  expiresAt: number;
  refreshAt: number;
}

/** Expiry of a JWT from its `exp` claim, for functions that return bare token strings. */
function jwtExpiry(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: unknown } | null;
    return typeof claims?.exp === "number" ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function authFailure(message: string, cause?: unknown): PartnerCenterError {
  return new PartnerCenterError(message, { code: "AUTHENTICATION_FAILED", isRetryable: false, cause });
}

export function createTokenProvider(
  credential: Credential,
  scope: string,
  timeoutMs = DEFAULT_TOKEN_TIMEOUT_MS,
  now: () => number = Date.now,
): TokenProvider {
  if (typeof credential === "string") {
    const token = Promise.resolve(bareToken(credential));
    return { getToken: () => token, refreshable: false };
  }

  const ask = async (signal: AbortSignal): Promise<string | AccessToken | null> =>
    typeof credential === "function" ? credential() : credential.getToken(scope, { abortSignal: signal });

  const fetchToken = async (): Promise<Cached> => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(authFailure(`the credential gave no token within ${timeoutMs} ms (tokenTimeoutMs)`)),
      timeoutMs,
    );
    // A wait every caller has given up on must not keep the process alive.
    timer.unref?.();
    let result: Awaited<ReturnType<typeof ask>>;
    try {
      result = await abortable(ask(controller.signal), controller.signal);
    } finally {
      clearTimeout(timer);
    }
    const given = typeof result === "string" ? result : result?.token;
    if (typeof given !== "string" || given === "") throw authFailure("the credential returned no token");
    const token = bareToken(given);
    const problem = tokenProblem(token);
    if (problem) throw authFailure(`the credential returned a token that cannot be used: ${problem}`);
    const expiresAt =
      typeof result === "object" && result ? result.expiresOnTimestamp : (jwtExpiry(token) ?? Number.POSITIVE_INFINITY);
    const refreshAt =
      typeof result === "object" && result?.refreshAfterTimestamp
        ? result.refreshAfterTimestamp
        : expiresAt - REFRESH_WINDOW_MS;
    return { token, expiresAt, refreshAt };
  };

  let cached: Cached | undefined;
  let inFlight: Promise<Cached> | undefined;

  const refresh = (): Promise<Cached> => {
    inFlight ??= fetchToken()
      .then((fresh) => (cached = fresh))
      .catch((error: unknown) => {
        throw isPartnerCenterError(error)
          ? error
          : authFailure(`the credential failed to get a token: ${redactSecrets(reasonOf(error))}`, error);
      })
      .finally(() => (inFlight = undefined));
    return inFlight;
  };

  return {
    refreshable: true,
    async getToken(forceRefresh = false, signal?: AbortSignal) {
      const time = now();
      if (!forceRefresh && cached && time < cached.refreshAt) return cached.token;
      if (!forceRefresh && cached && time < cached.expiresAt) {
        // Due for refresh but still valid: refresh in the background and use it meanwhile.
        refresh().catch(() => undefined);
        return cached.token;
      }
      // The refresh is shared: one caller giving up does not end it for the others.
      return (await abortable(refresh(), signal)).token;
    },
  };
}
