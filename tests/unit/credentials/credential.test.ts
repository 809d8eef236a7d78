import { REFRESH_WINDOW_MS, createTokenProvider, type AccessToken } from "../../../src/credentials/credential";
import { isPartnerCenterError } from "../../../src/errors";

const SCOPE = "https://api.partnercenter.microsoft.com/.default";

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

function azureCredential(tokens: (AccessToken | null | Error)[]) {
  const scopes: unknown[] = [];
  return {
    scopes,
    getToken: jest.fn(async (scope: string | string[]) => {
      scopes.push(scope);
      const next = tokens.shift();
      if (next instanceof Error) throw next;
      return next ?? null;
    }),
  };
}

describe("createTokenProvider", () => {
  it("uses a token string as is and cannot refresh it", async () => {
    const tokens = createTokenProvider("abc", SCOPE);
    expect(await tokens.getToken()).toBe("abc");
    expect(tokens.refreshable).toBe(false);
  });

  it("asks an @azure/identity credential for the Partner Center scope", async () => {
    const c = clock();
    const credential = azureCredential([{ token: "t1", expiresOnTimestamp: c.now() + 3_600_000 }]);
    const tokens = createTokenProvider(credential, SCOPE, undefined, c.now);
    expect(await tokens.getToken()).toBe("t1");
    expect(credential.scopes).toEqual([SCOPE]);
  });

  it("caches the token until it is due for refresh", async () => {
    const c = clock();
    const credential = azureCredential([
      { token: "t1", expiresOnTimestamp: c.now() + 3_600_000 },
      { token: "t2", expiresOnTimestamp: c.now() + 7_200_000 },
    ]);
    const tokens = createTokenProvider(credential, SCOPE, undefined, c.now);
    await tokens.getToken();
    c.advance(3_600_000 - REFRESH_WINDOW_MS - 1);
    expect(await tokens.getToken()).toBe("t1");
    expect(credential.getToken).toHaveBeenCalledTimes(1);
  });

  it("refreshes ahead of expiry and keeps using the valid token meanwhile", async () => {
    const c = clock();
    const credential = azureCredential([
      { token: "t1", expiresOnTimestamp: c.now() + 3_600_000 },
      { token: "t2", expiresOnTimestamp: c.now() + 7_200_000 },
    ]);
    const tokens = createTokenProvider(credential, SCOPE, undefined, c.now);
    await tokens.getToken();
    c.advance(3_600_000 - REFRESH_WINDOW_MS + 1);
    expect(await tokens.getToken()).toBe("t1");
    await new Promise((r) => setImmediate(r));
    expect(await tokens.getToken()).toBe("t2");
    expect(credential.getToken).toHaveBeenCalledTimes(2);
  });

  it("waits for a new token once the old one expired", async () => {
    const c = clock();
    const credential = azureCredential([
      { token: "t1", expiresOnTimestamp: c.now() + 1_000 },
      { token: "t2", expiresOnTimestamp: c.now() + 7_200_000 },
    ]);
    const tokens = createTokenProvider(credential, SCOPE, undefined, c.now);
    await tokens.getToken();
    c.advance(1_000);
    expect(await tokens.getToken()).toBe("t2");
  });

  it("honours refreshAfterTimestamp", async () => {
    const c = clock();
    const credential = azureCredential([
      { token: "t1", expiresOnTimestamp: c.now() + 3_600_000, refreshAfterTimestamp: c.now() + 10 },
      { token: "t2", expiresOnTimestamp: c.now() + 3_600_000 },
    ]);
    const tokens = createTokenProvider(credential, SCOPE, undefined, c.now);
    await tokens.getToken();
    c.advance(11);
    await tokens.getToken();
    expect(credential.getToken).toHaveBeenCalledTimes(2);
  });

  it("shares one refresh between concurrent calls", async () => {
    let resolve!: (t: AccessToken) => void;
    const credential = { getToken: jest.fn(() => new Promise<AccessToken>((r) => (resolve = r))) };
    const tokens = createTokenProvider(credential, SCOPE);
    const calls = [tokens.getToken(), tokens.getToken(), tokens.getToken()];
    resolve({ token: "shared", expiresOnTimestamp: Date.now() + 3_600_000 });
    expect(await Promise.all(calls)).toEqual(["shared", "shared", "shared"]);
    expect(credential.getToken).toHaveBeenCalledTimes(1);
  });

  it("gets a new token when forced, as after a 401", async () => {
    const credential = azureCredential([
      { token: "t1", expiresOnTimestamp: Date.now() + 3_600_000 },
      { token: "t2", expiresOnTimestamp: Date.now() + 3_600_000 },
    ]);
    const tokens = createTokenProvider(credential, SCOPE);
    await tokens.getToken();
    expect(await tokens.getToken(true)).toBe("t2");
  });

  it("calls a token function once and caches its answer", async () => {
    const fn = jest.fn().mockResolvedValueOnce("a").mockResolvedValueOnce("b");
    const tokens = createTokenProvider(fn, SCOPE);
    expect([await tokens.getToken(), await tokens.getToken()]).toEqual(["a", "a"]);
    expect(await tokens.getToken(true)).toBe("b");
    expect(tokens.refreshable).toBe(true);
  });

  it("reads a JWT's exp claim to know when a function's token expires", async () => {
    const c = clock(1_700_000_000_000);
    const jwt = (exp: number) => `h.${Buffer.from(JSON.stringify({ exp })).toString("base64url")}.s`;
    const fn = jest.fn().mockReturnValueOnce(jwt(1_700_000_060)).mockReturnValueOnce(jwt(1_700_003_600));
    const tokens = createTokenProvider(fn, SCOPE, undefined, c.now);
    await tokens.getToken();
    c.advance(61_000);
    expect(await tokens.getToken()).toBe(jwt(1_700_003_600));
  });

  it.each([
    ["null", null],
    ["an empty token", { token: "", expiresOnTimestamp: 0 }],
  ])("fails with AUTHENTICATION_FAILED when the credential returns %s", async (_name, answer) => {
    const tokens = createTokenProvider(azureCredential([answer as AccessToken | null]), SCOPE);
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(isPartnerCenterError(error) && error.code).toBe("AUTHENTICATION_FAILED");
  });

  it("wraps the credential's own failure, saying why in the message and keeping it as the cause", async () => {
    const cause = new Error("AADSTS700016: application not found");
    const tokens = createTokenProvider(azureCredential([cause]), SCOPE);
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AUTHENTICATION_FAILED", cause });
    expect((error as Error).message).toBe("the credential failed to get a token: AADSTS700016: application not found");
  });

  it("never puts a token the identity library's message carries into its own", async () => {
    const token = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    const tokens = createTokenProvider(
      azureCredential([new Error(`AADSTS700024: assertion ${token} expired; Authorization: Bearer abc.def`)]),
      SCOPE,
    );
    const error = (await tokens.getToken().catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("AADSTS700024");
    expect(error.message).not.toContain(token);
    expect(error.message).not.toContain("abc.def");
  });

  it.each([
    ["a token string", "Bearer abc"],
    ["a token function", () => "bearer abc"],
    [
      "an @azure/identity credential",
      azureCredential([{ token: "Bearer  abc", expiresOnTimestamp: Date.now() + 3_600_000 }]),
    ],
  ])("takes %s given with its Bearer prefix without it", async (_what, credential) => {
    expect(await createTokenProvider(credential, SCOPE).getToken()).toBe("abc");
  });
});
