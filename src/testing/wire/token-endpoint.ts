// The fake's Microsoft identity platform token endpoint, for sign-in tested over HTTP:
// `POST /{tenant}/oauth2/v2.0/token` with the refresh-token grant (App+User) or the
// client-credentials grant (App-only), as Entra serves both. Access tokens are JWT-shaped, with
// `exp` (unsigned: the fake checks them by lookup), so a client that reads the expiry signs in
// once. The refresh token rotates at every exchange (the old one stays valid, as Entra's do,
// until revoked or unused for 90 days), and an unknown, expired or revoked one is refused as Entra
// does: 400 invalid_grant. Time is the fake's clock's.
import type { Answer } from "./answers";
import type { CredentialKind } from "../../rules/credential-kinds";

/** How long an issued access token lasts, in seconds, as Entra's usually do. */
const ACCESS_TOKEN_SECONDS = 3_600;
/** A refresh token unused this long expires (Entra's 90-day inactivity lifetime). */
const REFRESH_TOKEN_INACTIVITY_MS = 90 * 24 * 3_600_000;

const random = (prefix: string) =>
  `${prefix}.${crypto.randomUUID().replace(/-/g, "")}${crypto.randomUUID().replace(/-/g, "")}`;
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** An unsigned JWT for `kind`, expiring at `expires` (ms): its claims as Entra's v2 tokens name them. */
function accessToken(kind: CredentialKind, issued: number, expires: number, scope: string): string {
  const now = Math.floor(issued / 1000);
  const claims = {
    aud: "https://api.partnercenter.microsoft.com",
    iss: "https://login.microsoftonline.com/fake/v2.0",
    iat: now,
    nbf: now,
    exp: Math.floor(expires / 1000),
    jti: crypto.randomUUID(),
    ...(kind === "app" ? { idtyp: "app", roles: [] } : { idtyp: "user", scp: scope || "user_impersonation" }),
  };
  return `${base64url({ typ: "JWT", alg: "none" })}.${base64url(claims)}.${random("sig").replace(".", "")}`;
}

function oauthError(error: string, code: number, description: string, at: number): Answer {
  return {
    status: 400,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}`,
      error_codes: [code],
      timestamp: new Date(at).toISOString(),
    },
  };
}

export class TokenEndpoint {
  /** Refresh tokens that work, each with when it was issued or last used. */
  private readonly refreshTokens = new Map<string, number>();
  private readonly revoked = new Set<string>();
  /** Access tokens issued, each of its kind until it expires; in issue order, so in expiry order. */
  private readonly accessTokens = new Map<string, { expires: number; kind: CredentialKind }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Entra's error answer, stamped with the fake's time. */
  private refused(error: string, code: number, description: string): Answer {
    return oauthError(error, code, description, this.now());
  }

  /** A refresh token, as a partner gets from the one-time consent. */
  issueRefreshToken(): string {
    const token = random("fake-rt");
    this.refreshTokens.set(token, this.now());
    return token;
  }

  /** `token` expires, as one unused for 90 days does: its next exchange is refused with AADSTS700082. */
  expire(token: string): void {
    this.refreshTokens.delete(token);
  }

  /** Every refresh token issued so far stops working (a consent withdrawn, a password reset). */
  revokeAll(): void {
    for (const token of this.refreshTokens.keys()) this.revoked.add(token);
    this.refreshTokens.clear();
  }

  /** The kind of `token` if it is an unexpired access token this endpoint issued. */
  kindOf(token: string): CredentialKind | undefined {
    const issued = this.accessTokens.get(token);
    return issued !== undefined && issued.expires > this.now() ? issued.kind : undefined;
  }

  /** The answer to a token request, from its form body. */
  exchange(form: URLSearchParams): Answer {
    const grant = form.get("grant_type");
    if (grant !== "refresh_token" && grant !== "client_credentials")
      return this.refused("unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
    if (!form.get("client_id") || !form.get("client_secret"))
      return this.refused("invalid_client", 7000216, "client_assertion, client_secret or request is required.");
    if (grant === "client_credentials") return this.appOnly(form.get("scope") ?? "");
    const refreshToken = form.get("refresh_token") ?? "";
    if (this.revoked.has(refreshToken)) {
      return this.refused(
        "invalid_grant",
        50173,
        "The provided grant has expired due to it being revoked, a fresh auth token is needed.",
      );
    }
    const lastUsed = this.refreshTokens.get(refreshToken);
    if (lastUsed === undefined || this.now() - lastUsed >= REFRESH_TOKEN_INACTIVITY_MS) {
      this.refreshTokens.delete(refreshToken);
      return this.refused("invalid_grant", 700082, "The refresh token has expired due to inactivity.");
    }
    this.refreshTokens.set(refreshToken, this.now());
    const scope = form.get("scope") ?? "";
    return { status: 200, body: { ...this.grant("app+user", scope), refresh_token: this.issueRefreshToken() } };
  }

  /** The client-credentials grant: an App-only token, no refresh token; Entra wants a `.default` scope. */
  private appOnly(scope: string): Answer {
    if (scope === "")
      return this.refused("invalid_request", 900144, "The request body must contain the following parameter: 'scope'.");
    if (!scope.split(" ").some((s) => s.endsWith("/.default")))
      return this.refused(
        "invalid_scope",
        1002012,
        "The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.",
      );
    return { status: 200, body: this.grant("app", scope) };
  }

  private grant(kind: CredentialKind, scope: string) {
    // Expired tokens go as new ones come, so a long test run does not grow the map without bound.
    for (const [token, issued] of this.accessTokens) {
      if (issued.expires > this.now()) break;
      this.accessTokens.delete(token);
    }
    const now = this.now();
    const expires = now + ACCESS_TOKEN_SECONDS * 1000;
    const token = accessToken(kind, now, expires, scope);
    this.accessTokens.set(token, { expires, kind });
    return {
      token_type: "Bearer",
      scope,
      expires_in: ACCESS_TOKEN_SECONDS,
      ext_expires_in: ACCESS_TOKEN_SECONDS,
      access_token: token,
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
