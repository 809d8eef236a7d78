// The refresh-token credential is as hard as the API path: its exchange goes through the same
// transport (proxy, timeouts, size cap, User-Agent), never follows a redirect off (or on) the
// authority, retries a 429 or 503 as the client does, and every wait it makes ends, even one on an
// onRefreshToken that never settles. Against real loopback servers and a real proxy process.
import { createRefreshTokenCredential } from "../../../src";
import { huge, json, startHostileServer, startServer, closedAfterEach } from "../../helpers/hostile-server";
import { startProxy } from "../../helpers/proxy";
import { failure } from "../../helpers/failure";

const SECRET = "client-secret-do-not-print";
const REFRESH = "refresh-token-do-not-print";
const SCOPE = "https://api.partnercenter.microsoft.com/.default";
const GRANT = { access_token: "access-1", refresh_token: "refresh-2", expires_in: 3600 };

const serve = closedAfterEach();

function credentialAt(authorityHost: string, extra: Partial<Parameters<typeof createRefreshTokenCredential>[0]> = {}) {
  const stored: string[] = [];
  const credential = createRefreshTokenCredential({
    tenantId: "contoso.onmicrosoft.com",
    clientId: "app-id",
    clientSecret: SECRET,
    refreshToken: REFRESH,
    onRefreshToken: (token) => void stored.push(token),
    authorityHost,
    proxy: false,
    ...extra,
  });
  return { credential, stored };
}

const secretsIn = (error: unknown) =>
  JSON.stringify({ message: (error as Error).message, cause: String((error as Error).cause ?? "") });

describe("a token endpoint's redirect", () => {
  it.each([307, 308, 302])(
    "is never followed (%i): the other host sees nothing and no refresh token is stored",
    async (status) => {
      const elsewhere = await serve(startServer(json(200, { ...GRANT, refresh_token: "attacker-refresh" })));
      const authority = await serve(
        startServer((_q, r) => r.writeHead(status, { Location: `${elsewhere.url}/steal` }).end()),
      );
      const { credential, stored } = credentialAt(authority.url);
      const error = await failure(credential.getToken(SCOPE));
      expect(error.code).toBe("AUTHENTICATION_FAILED");
      expect(error.message).toMatch(/redirect.*not followed.*authorityHost/);
      expect(elsewhere.requests).toHaveLength(0);
      expect(authority.requests).toHaveLength(1);
      expect(stored).toEqual([]);
    },
  );
});

describe("a token endpoint that is busy", () => {
  it.each([429, 503])("is asked again after a %i, waiting its Retry-After", async (status) => {
    const authority = await serve(
      startHostileServer(json(status, { error: "temporarily_unavailable" }, { "Retry-After": "0" }), json(200, GRANT)),
    );
    const { credential, stored } = credentialAt(authority.url);
    await expect(credential.getToken(SCOPE)).resolves.toMatchObject({ token: "access-1" });
    expect(authority.requests).toHaveLength(2);
    expect(stored).toEqual(["refresh-2"]);
  });

  it("gives up after the client's retries, saying what it was last told", async () => {
    const authority = await serve(startServer(json(503, { error: "temporarily_unavailable" }, { "Retry-After": "0" })));
    const error = await failure(credentialAt(authority.url).credential.getToken(SCOPE));
    expect(authority.requests).toHaveLength(4);
    expect(error.message).toMatch(/temporarily_unavailable/);
    expect(error.isRetryable).toBe(true);
  });

  it("is not asked again after invalid_grant", async () => {
    const authority = await serve(
      startServer(json(400, { error: "invalid_grant", error_description: "AADSTS50173: revoked" })),
    );
    await failure(credentialAt(authority.url).credential.getToken(SCOPE));
    expect(authority.requests).toHaveLength(1);
  });
});

describe("what a token endpoint answers", () => {
  it("is read up to 1 MB: a 50 MB answer is refused, not read whole", async () => {
    const authority = await serve(startServer(huge(50 * 1024 * 1024, false)));
    const error = await failure(credentialAt(authority.url).credential.getToken(SCOPE));
    expect(error.message).toMatch(/larger than/);
  });

  it("is quoted without secrets: an OAuth error field carrying a token is redacted", async () => {
    const jwt = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJzZWNyZXQifQ.c2lnbmF0dXJl";
    const authority = await serve(startServer(json(400, { error: `bad ${jwt} refresh_token=${REFRESH}` })));
    const error = await failure(credentialAt(authority.url).credential.getToken(SCOPE));
    expect(secretsIn(error)).not.toContain(jwt);
    expect(secretsIn(error)).not.toContain(REFRESH);
    expect(error.message).toMatch(/refused the exchange/);
  });

  it("carries the client's User-Agent", async () => {
    const authority = await serve(startServer(json(200, GRANT)));
    await credentialAt(authority.url).credential.getToken(SCOPE);
    expect(authority.requests[0]!.headers["user-agent"]).toMatch(/^partner-center-orders\/\d/);
  });
});

describe("waits that end", () => {
  it("ends an exchange whose onRefreshToken never settles, and the next exchange works", async () => {
    const authority = await serve(
      startHostileServer(
        json(200, GRANT),
        json(200, { ...GRANT, access_token: "access-2", refresh_token: "refresh-3" }),
      ),
    );
    let calls = 0;
    const seen: string[] = [];
    const { credential } = credentialAt(authority.url, {
      onRefreshToken: (token) => {
        seen.push(token);
        return ++calls === 1 ? new Promise<void>(() => undefined) : undefined;
      },
      onRefreshTokenTimeoutMs: 100,
    });
    const error = await failure(credential.getToken(SCOPE));
    expect(error.message).toMatch(/onRefreshToken did not settle within 100 ms/);
    await expect(credential.getToken(SCOPE)).resolves.toMatchObject({ token: "access-2" });
    expect(seen).toEqual(["refresh-2", "refresh-3"]);
  });

  it("ends an exchange the endpoint never answers at its timeout, naming the host", async () => {
    const authority = await serve(startServer(() => undefined));
    const error = await failure(credentialAt(authority.url, { timeoutMs: 100 }).credential.getToken(SCOPE));
    expect(error.message).toContain(new URL(authority.url).host);
    expect(error.message).toMatch(/did not answer within 100 ms/);
  });

  it("names the host it could not reach and says what to check", async () => {
    const gone = await startServer(json(200, GRANT));
    const url = gone.url;
    await gone.close();
    const error = await failure(credentialAt(url).credential.getToken(SCOPE));
    expect(error.message).toContain(new URL(url).host);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).toMatch(/HTTPS_PROXY/);
  });
});

describe("the network path", () => {
  it("goes through the client's proxy, as the API calls do", async () => {
    const authority = await serve(startServer(json(200, GRANT)));
    const proxy = await startProxy("open");
    try {
      await credentialAt(authority.url, { proxy: proxy.url }).credential.getToken(SCOPE);
      expect(await proxy.logged(1)).toEqual([
        { method: "POST", target: `${authority.url}/contoso.onmicrosoft.com/oauth2/v2.0/token`, authorized: true },
      ]);
    } finally {
      await proxy.stop();
    }
  });
});

describe("settings", () => {
  const withTenant = (tenantId: string) => () =>
    createRefreshTokenCredential({
      tenantId,
      clientId: "c",
      clientSecret: "s",
      refreshToken: "r",
      onRefreshToken: () => undefined,
    });

  it.each([".", "..", "a/b", "a\\b", "a?b", " x", "x%2f"])(
    "refuses the tenantId %p, which is not a tenant id or domain",
    (tenantId) => {
      expect(withTenant(tenantId)).toThrow(/tenantId/);
    },
  );

  it("takes a GUID, a verified domain, and the documented aliases", () => {
    for (const tenantId of [
      "2f0e1a3b-4c5d-46e7-8f9a-0b1c2d3e4f5a",
      "contoso.onmicrosoft.com",
      "contoso.com",
      "organizations",
    ]) {
      expect(withTenant(tenantId)).not.toThrow();
    }
  });
});
