// The App-only credential the contract command signs in with: the client-credentials grant at the
// token endpoint, through the client's transport (its proxy, no redirect followed, a 429 retried),
// with the app's credentials never in a message. Against the fake's identity platform, real
// loopback servers and a real proxy process.
import { createPartnerCenterClient } from "../../../src";
import { createClientSecretCredential } from "../../../src/credentials/client-secret-credential";
import { startFakePartnerCenter, type FakePartnerCenter } from "../../../src/testing";
import { json, startServer, closedAfterEach } from "../../helpers/hostile-server";
import { startProxy } from "../../helpers/proxy";
import { failure } from "../../helpers/failure";

const SECRET = "client-secret-do-not-print";
const SCOPE = "https://api.partnercenter.microsoft.com/.default";
const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";

const serve = closedAfterEach();

const credentialAt = (authorityHost: string, extra: { proxy?: string | false } = {}) =>
  createClientSecretCredential({
    tenantId: "contoso.onmicrosoft.com",
    clientId: "app-id",
    clientSecret: SECRET,
    authorityHost,
    proxy: false,
    ...extra,
  });

describe("createClientSecretCredential", () => {
  let fake: FakePartnerCenter;
  beforeAll(async () => {
    fake = await startFakePartnerCenter();
    fake.seedOrders(CUSTOMER, 1);
  });
  afterAll(() => fake.close());

  it("signs in App-only with the client-credentials grant, and the token is one the service takes", async () => {
    const pc = createPartnerCenterClient({ credential: credentialAt(fake.authorityHost), baseUrl: fake.url });
    const orders = [];
    for await (const order of pc.orders.list(CUSTOMER)) orders.push(order);
    expect(orders).toHaveLength(1);
    // An App-only token: the fake refuses it where the service does.
    const error = await failure(pc.orders.getOrderProvisioningStatus(CUSTOMER, orders[0]!.id!));
    expect(error.status).toBe(403);
  });

  it("sends the grant through the client's proxy, as the API calls go", async () => {
    const authority = await serve(startServer(json(200, { access_token: "a", expires_in: 3600 })));
    const proxy = await startProxy("open");
    try {
      const token = await credentialAt(authority.url, { proxy: proxy.url }).getToken(SCOPE);
      expect(token?.token).toBe("a");
      expect(await proxy.logged(1)).toEqual([
        { method: "POST", target: `${authority.url}/contoso.onmicrosoft.com/oauth2/v2.0/token`, authorized: true },
      ]);
    } finally {
      await proxy.stop();
    }
  });

  it("never follows a redirect: the secret goes to the authority alone", async () => {
    const elsewhere = await serve(startServer(json(200, { access_token: "stolen", expires_in: 3600 })));
    const authority = await serve(startServer((_q, r) => r.writeHead(307, { Location: elsewhere.url }).end()));
    const error = await failure(credentialAt(authority.url).getToken(SCOPE));
    expect(error.message).toMatch(/redirect.*not followed/);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("retries a 429 from the token endpoint as the client retries one", async () => {
    let answered = 0;
    const authority = await serve(
      startServer((_q, r) =>
        answered++ === 0
          ? r.writeHead(429, { "Retry-After": "0" }).end()
          : r.writeHead(200, { "Content-Type": "application/json" }).end('{"access_token":"b","expires_in":60}'),
      ),
    );
    expect((await credentialAt(authority.url).getToken(SCOPE))?.token).toBe("b");
    expect(authority.requests).toHaveLength(2);
  });

  it("says the app's credentials were refused on invalid_client, quoting neither", async () => {
    const authority = await serve(
      startServer(json(401, { error: "invalid_client", error_description: `AADSTS7000215: bad secret ${SECRET}` })),
    );
    const error = await failure(credentialAt(authority.url).getToken(SCOPE));
    expect(error.message).toBe(
      "the token endpoint refused the app's credentials: invalid_client (AADSTS7000215). Check the client id and secret, and that the secret has not expired",
    );
    expect(JSON.stringify({ message: error.message, cause: String(error.cause ?? "") })).not.toContain(SECRET);
  });

  it("refuses a tenant id that would change the token endpoint's path", () => {
    expect(() => createClientSecretCredential({ tenantId: "..", clientId: "app-id", clientSecret: SECRET })).toThrow(
      /options\.tenantId must be a tenant id/,
    );
  });
});
