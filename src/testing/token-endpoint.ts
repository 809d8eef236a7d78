// The fake's Microsoft identity platform token endpoint, for App+User sign-in tested over HTTP:
// `POST /{tenant}/oauth2/v2.0/token` with the refresh-token grant. It issues App+User access
// tokens, rotates the refresh token at every exchange (the old one stays valid, as Entra's do,
// until revoked), and refuses an unknown, expired or revoked one as Entra does: 400 invalid_grant.
import type { Answer } from "./answers";

/** How long an issued access token lasts, in seconds, as Entra's usually do. */
const ACCESS_TOKEN_SECONDS = 3_600;

const random = (prefix: string) => `${prefix}.${crypto.randomUUID().replace(/-/g, "")}${crypto.randomUUID().replace(/-/g, "")}`;

function oauthError(error: string, code: number, description: string): Answer {
  return { status: 400, body: { error, error_description: `AADSTS${code}: ${description}`, error_codes: [code], timestamp: new Date().toISOString() } };
}

export class TokenEndpoint {
  private readonly refreshTokens = new Set<string>();
  private readonly revoked = new Set<string>();
  /** Access tokens issued, each App+User until it expires; in issue order, so in expiry order. */
  private readonly accessTokens = new Map<string, number>();

  /** A refresh token, as a partner gets from the one-time consent. */
  issueRefreshToken(): string {
    const token = random("fake-rt");
    this.refreshTokens.add(token);
    return token;
  }

  /** `token` expires, as one unused for 90 days does: its next exchange is refused with AADSTS700082. */
  expire(token: string): void {
    this.refreshTokens.delete(token);
  }

  /** Every refresh token issued so far stops working (a consent withdrawn, a password reset). */
  revokeAll(): void {
    for (const token of this.refreshTokens) this.revoked.add(token);
    this.refreshTokens.clear();
  }

  /** Whether `token` is an unexpired access token this endpoint issued. */
  issued(token: string, now = Date.now()): boolean {
    const expires = this.accessTokens.get(token);
    return expires !== undefined && expires > now;
  }

  /** The answer to a token request, from its form body. */
  exchange(form: URLSearchParams): Answer {
    if (form.get("grant_type") !== "refresh_token") return oauthError("unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
    if (!form.get("client_id") || !form.get("client_secret")) return oauthError("invalid_client", 7000216, "client_assertion, client_secret or request is required.");
    const refreshToken = form.get("refresh_token") ?? "";
    if (this.revoked.has(refreshToken)) {
      return oauthError("invalid_grant", 50173, "The provided grant has expired due to it being revoked, a fresh auth token is needed.");
    }
    if (!this.refreshTokens.has(refreshToken)) {
      return oauthError("invalid_grant", 700082, "The refresh token has expired due to inactivity.");
    }
    // Expired tokens go as new ones come, so a long test run does not grow the map without bound.
    for (const [token, expires] of this.accessTokens) {
      if (expires > Date.now()) break;
      this.accessTokens.delete(token);
    }
    const accessToken = random("fake-at");
    this.accessTokens.set(accessToken, Date.now() + ACCESS_TOKEN_SECONDS * 1000);
    const rotated = this.issueRefreshToken();
    return {
      status: 200,
      body: { token_type: "Bearer", scope: form.get("scope") ?? "", expires_in: ACCESS_TOKEN_SECONDS, ext_expires_in: ACCESS_TOKEN_SECONDS, access_token: accessToken, refresh_token: rotated },
    };
  }

  clear(): void {
    this.refreshTokens.clear();
    this.revoked.clear();
    this.accessTokens.clear();
  }
}

/** Whether `pathname` is the token endpoint's. */
export const isTokenPath = (pathname: string) => /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(pathname);
