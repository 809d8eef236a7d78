// App+User sign-in for unattended jobs (the secure application model), end to end over HTTP
// against the fake's token endpoint: each exchange rotates the refresh token, which is handed to
// onRefreshToken before the access token is used; concurrent calls share one exchange; a revoked
// or expired refresh token is AUTHENTICATION_FAILED saying to redo the consent, never retried;
// no secret reaches an error.
import { inspect } from "node:util";
import { createPartnerCenterClient, createRefreshTokenCredential } from "../../../src";
import { startFakePartnerCenter, type FakePartnerCenter } from "../../../src/testing";
import { failure } from "../../helpers/failure";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const TENANT = "contoso.onmicrosoft.com";
const SECRET = "client-secret-do-not-print";
const LINE = { offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 };

let fake: FakePartnerCenter;
beforeEach(async () => {
  fake = await startFakePartnerCenter({ tokens: { "app-token": "app" } });
});
afterEach(() => fake.close());

function credentialWith(
  refreshToken: string,
  onRefreshToken: (token: string) => void | Promise<void> = () => undefined,
) {
  return createRefreshTokenCredential({
    tenantId: TENANT,
    clientId: "app-id",
    clientSecret: SECRET,
    refreshToken,
    onRefreshToken,
    authorityHost: fake.authorityHost,
  });
}

describe("createRefreshTokenCredential", () => {
  it("exchanges the refresh token for App+User access tokens, which read provisioning", async () => {
    const pc = createPartnerCenterClient({
      credential: credentialWith(fake.issueRefreshToken()),
      baseUrl: fake.url,
      rateLimit: false,
    });
    const order = await pc.orders.create(CUSTOMER, { lineItems: [LINE] });
    await expect(pc.orders.getOrderProvisioningStatus(CUSTOMER, order.id)).resolves.toMatchObject({
      items: expect.any(Array),
    });
  });

  it("hands every new refresh token to onRefreshToken, a new one at each exchange", async () => {
    const first = fake.issueRefreshToken();
    const stored: string[] = [];
    const credential = credentialWith(first, (token) => void stored.push(token));
    await credential.getToken("https://api.partnercenter.microsoft.com/.default");
    await credential.getToken("https://api.partnercenter.microsoft.com/.default");
    expect(stored).toHaveLength(2);
    expect(new Set([first, ...stored]).size).toBe(3);
  });

  it("waits for onRefreshToken before the access token is used", async () => {
    const events: string[] = [];
    const credential = credentialWith(fake.issueRefreshToken(), async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      events.push("stored");
    });
    const pc = createPartnerCenterClient({
      credential,
      baseUrl: fake.url,
      rateLimit: false,
      fetch: (input, init) => {
        events.push("sent");
        return fetch(input, init);
      },
    });
    await pc.orders.create(CUSTOMER, { lineItems: [LINE] });
    expect(events).toEqual(["stored", "sent"]);
  });

  it("shares one exchange among concurrent calls", async () => {
    const credential = credentialWith(fake.issueRefreshToken());
    const tokens = await Promise.all(
      Array.from({ length: 5 }, () => credential.getToken("https://api.partnercenter.microsoft.com/.default")),
    );
    expect(new Set(tokens.map((t) => t?.token)).size).toBe(1);
    expect(fake.stats.tokenExchanges).toBe(1);
  });

  it("turns a revoked refresh token into AUTHENTICATION_FAILED that says to redo the consent, asked once and never retried", async () => {
    const refreshToken = fake.issueRefreshToken();
    fake.revokeRefreshTokens();
    const pc = createPartnerCenterClient({
      credential: credentialWith(refreshToken),
      baseUrl: fake.url,
      rateLimit: false,
    });
    const error = await failure(pc.orders.create(CUSTOMER, { lineItems: [LINE] }));
    expect(error).toMatchObject({ code: "AUTHENTICATION_FAILED", isRetryable: false });
    expect(error.message).toMatch(/invalid_grant.*AADSTS50173.*consent/);
    expect(fake.stats.tokenExchanges).toBe(1);
    expect(fake.orders(CUSTOMER)).toHaveLength(0);
    const shown = [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 5 })].join("\n");
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain(refreshToken);
  });

  it("says an expired refresh token (90 days unused) must be replaced by a new consent, naming AADSTS700082", async () => {
    const refreshToken = fake.issueRefreshToken();
    fake.expireRefreshToken(refreshToken);
    const error = await failure(
      createPartnerCenterClient({ credential: credentialWith(refreshToken), baseUrl: fake.url }).orders.get(
        CUSTOMER,
        "o",
      ),
    );
    expect(error).toMatchObject({ code: "AUTHENTICATION_FAILED", isRetryable: false });
    expect(error.message).toMatch(/invalid_grant \(AADSTS700082\).*redo the consent/);
  });

  it("says an unknown refresh token has expired (AADSTS700082) the same way", async () => {
    const error = await failure(
      createPartnerCenterClient({
        credential: credentialWith("never-issued-refresh-token"),
        baseUrl: fake.url,
      }).orders.get(CUSTOMER, "o"),
    );
    expect(error.message).toMatch(/AADSTS700082/);
    expect(error.message).not.toContain("never-issued-refresh-token");
  });

  it("refuses missing settings at creation, naming each", () => {
    expect(() =>
      createRefreshTokenCredential({
        tenantId: "",
        clientId: "c",
        clientSecret: "",
        refreshToken: "r",
        onRefreshToken: undefined as never,
      }),
    ).toThrow(/tenantId.*clientSecret.*onRefreshToken/s);
  });
});
