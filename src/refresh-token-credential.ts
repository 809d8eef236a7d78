// App+User sign-in for unattended jobs, as the secure application model has it: a refresh token,
// obtained once with consent and MFA, exchanged for Partner Center access tokens with the OAuth 2.0
// refresh grant (RFC 6749 section 6) at the Microsoft identity platform. Each exchange returns a new
// refresh token, handed to onRefreshToken and awaited before the access token is used, so a crash
// cannot lose the only valid one. MSAL is not used: it never returns a refresh token, by design
// (spec/README.md D36). Secrets and tokens never reach an error or a log line.
import { PARTNER_CENTER_SCOPE, type AccessToken, type TokenCredential } from "./credential";
import { PartnerCenterError, PartnerCenterValidationError, type ValidationProblem } from "./errors";
import type { FetchLike } from "./http/fetch-transport";
import { endpointProblems } from "./options";
import { printable } from "./printable";
import { redactSecrets } from "./redact";

export interface RefreshTokenCredentialOptions {
  /** The partner's Entra tenant (its id or a verified domain). */
  tenantId: string;
  /** The app registration the consent was given to. */
  clientId: string;
  clientSecret: string;
  /** The refresh token last stored: from the consent, or from onRefreshToken. */
  refreshToken: string;
  /**
   * Stores each new refresh token (a key vault, a database). Awaited before the access token it
   * came with is used; if it rejects, the call fails and the next one exchanges again. A refresh
   * token unused for 90 days expires, and the consent must then be redone.
   */
  onRefreshToken: (refreshToken: string) => void | Promise<void>;
  /** Default https://login.microsoftonline.com; the sovereign clouds' hosts, or a fake's. */
  authorityHost?: string | undefined;
  /** Default the Partner Center resource's `.default` scope. */
  scope?: string | undefined;
  /** Default globalThis.fetch. */
  fetch?: FetchLike | undefined;
}

const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";

function failure(message: string): PartnerCenterError {
  return new PartnerCenterError(message, { code: "AUTHENTICATION_FAILED", isRetryable: false });
}

/** What the token endpoint said, for our message: its error, the AADSTS code, never the rest verbatim. */
function refusal(status: number, body: unknown): PartnerCenterError {
  const fields = body !== null && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const error = typeof fields.error === "string" ? printable(fields.error, 60) : `HTTP ${status}`;
  const aadsts = typeof fields.error_description === "string" ? /AADSTS\d+/.exec(fields.error_description)?.[0] : undefined;
  const code = aadsts ? ` (${aadsts})` : "";
  if (fields.error === "invalid_grant") {
    return failure(
      `the refresh token was refused: invalid_grant${code}. It expired, was revoked or its consent was withdrawn: ` +
        "redo the consent (the secure application model) and store the new refresh token",
    );
  }
  return failure(`the token endpoint refused the exchange: ${error}${code}`);
}

export function createRefreshTokenCredential(options: RefreshTokenCredentialOptions): TokenCredential {
  const problems: ValidationProblem[] = [];
  for (const name of ["tenantId", "clientId", "clientSecret", "refreshToken"] as const) {
    if (typeof options?.[name] !== "string" || options[name] === "") problems.push({ path: `options.${name}`, message: "must be a non-empty string" });
  }
  if (typeof options?.onRefreshToken !== "function") problems.push({ path: "options.onRefreshToken", message: "must be a function that stores the new refresh token" });
  if (options?.authorityHost !== undefined) problems.push(...endpointProblems(options.authorityHost, "options.authorityHost"));
  if (problems.length) throw new PartnerCenterValidationError("createRefreshTokenCredential", problems);

  const { clientId, clientSecret, onRefreshToken } = options;
  const url = `${(options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, "")}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`;
  const send: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let refreshToken = options.refreshToken;
  let inFlight: Promise<AccessToken> | undefined;

  async function exchange(scope: string, signal?: AbortSignal): Promise<AccessToken> {
    const body = new URLSearchParams({ grant_type: "refresh_token", client_id: clientId, client_secret: clientSecret, refresh_token: refreshToken, scope: `${scope} offline_access` });
    let response: Response;
    let answer: unknown;
    try {
      response = await send(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" }, body, signal });
      answer = await response.json().catch(() => undefined);
    } catch (error) {
      if (signal?.aborted) throw error;
      throw failure(`the token endpoint could not be reached: ${redactSecrets(printable(error instanceof Error ? error.message : String(error)))}`);
    }
    if (!response.ok) throw refusal(response.status, answer);
    const fields = (answer ?? {}) as Record<string, unknown>;
    if (typeof fields.access_token !== "string" || fields.access_token === "") throw failure("the token endpoint answered without an access token");
    const expiresIn = typeof fields.expires_in === "number" ? fields.expires_in : Number(fields.expires_in);
    if (typeof fields.refresh_token === "string" && fields.refresh_token !== "" && fields.refresh_token !== refreshToken) {
      // Kept before it is stored: the old one is no longer the newest, and the next exchange uses this one.
      refreshToken = fields.refresh_token;
      try {
        await onRefreshToken(fields.refresh_token);
      } catch {
        throw failure("onRefreshToken failed to store the new refresh token, so its access token was not used");
      }
    }
    return { token: fields.access_token, expiresOnTimestamp: Date.now() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3_600) * 1000 };
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
