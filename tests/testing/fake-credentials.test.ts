// The fake takes exactly the bearer tokens it was given, each of a kind (App-only or App+User),
// and refuses as the service does: 401 to any other token, 403 to an App-only token on an
// operation the docs give to App+User alone (getOrderProvisioningStatus).
import { createPartnerCenterClient, isPartnerCenterError } from "partner-center-orders";
import {
  credentialKinds,
  mayCall,
  startFakePartnerCenter,
  type FakePartnerCenter,
} from "partner-center-orders/testing";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const LINE = { offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 };

let fake: FakePartnerCenter;
beforeAll(async () => {
  fake = await startFakePartnerCenter({ tokens: { "app-token": "app", "user-token": "app+user" } });
});
afterAll(() => fake.close());

const client = (credential: string) =>
  createPartnerCenterClient({ credential, baseUrl: fake.url, maxRetries: 0, rateLimit: false });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => (isPartnerCenterError(e) ? e : undefined),
  );

describe("who may call what (x-credentials)", () => {
  it("gives getOrderProvisioningStatus to App+User alone and every other operation to both", () => {
    expect(credentialKinds("getOrderProvisioningStatus")).toEqual(["app+user"]);
    expect(mayCall("createOrder", "app")).toBe(true);
    expect(mayCall("getOrderProvisioningStatus", "app")).toBe(false);
    expect(mayCall("getOrderProvisioningStatus", "app+user")).toBe(true);
  });
});

describe("the fake's tokens", () => {
  it("answers 401 to a token it was not given", async () => {
    expect(await failure(client("someone-else").orders.create(CUSTOMER, { lineItems: [LINE] }))).toMatchObject({
      status: 401,
    });
  });

  it("lets an App-only token place and read an order", async () => {
    const pc = client("app-token");
    const order = await pc.orders.create(CUSTOMER, { lineItems: [LINE] });
    await expect(pc.orders.get(CUSTOMER, order.id)).resolves.toMatchObject({ id: order.id });
  });

  it("answers 403 900329 to an App-only token on getOrderProvisioningStatus, as error-codes documents it", async () => {
    const order = await client("app-token").orders.create(CUSTOMER, { lineItems: [LINE] });
    expect(await failure(client("app-token").orders.getOrderProvisioningStatus(CUSTOMER, order.id))).toMatchObject({
      status: 403,
      code: 900329,
      description: expect.stringMatching(/does not support application-only authentication/),
    });
  });

  it("answers 403 in the documented shape to an App-only token on getOrderProvisioningStatus, and serves App+User", async () => {
    const order = await client("app-token").orders.create(CUSTOMER, { lineItems: [LINE] });
    const refused = await failure(client("app-token").orders.getOrderProvisioningStatus(CUSTOMER, order.id));
    expect(refused).toMatchObject({
      status: 403,
      data: [expect.stringMatching(/app\+user credentials; the token is App-only/)],
    });
    expect(refused?.message).toMatch(/takes App\+User credentials only/);
    await expect(client("user-token").orders.getOrderProvisioningStatus(CUSTOMER, order.id)).resolves.toMatchObject({
      items: expect.any(Array),
    });
  });

  it("refuses tokens of an unknown kind at start", async () => {
    await expect(startFakePartnerCenter({ tokens: { t: "admin" as never } })).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
    });
  });
});

describe("the fake's identity platform", () => {
  const tokenAt = (form: Record<string, string>) =>
    fetch(`${fake.authorityHost}/contoso.onmicrosoft.com/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
  const claims = (jwt: string) =>
    JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8")) as { exp: number; idtyp?: string };

  it("serves the client_credentials grant with an App-only JWT that expires, as Entra does", async () => {
    const answer = await tokenAt({
      grant_type: "client_credentials",
      client_id: "app-id",
      client_secret: "secret",
      scope: "https://api.partnercenter.microsoft.com/.default",
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { access_token: string; expires_in: number; refresh_token?: string };
    expect(body.refresh_token).toBeUndefined();
    expect(body.access_token.split(".")).toHaveLength(3);
    const { exp, idtyp } = claims(body.access_token);
    expect(exp * 1000).toBeGreaterThan(Date.now() + 3_000_000);
    expect(idtyp).toBe("app");
    const pc = client(body.access_token);
    await expect(pc.orders.create(CUSTOMER, { lineItems: [LINE] })).resolves.toMatchObject({ status: "pending" });
    const order = await pc.orders.create(CUSTOMER, { lineItems: [LINE] });
    expect(await failure(pc.orders.getOrderProvisioningStatus(CUSTOMER, order.id))).toMatchObject({ status: 403 });
  });

  it("issues JWT-shaped App+User tokens with exp, so a client that reads the expiry signs in once", async () => {
    let signIns = 0;
    const refreshToken = fake.issueRefreshToken();
    const credential = async () => {
      signIns += 1;
      const answer = await tokenAt({
        grant_type: "refresh_token",
        client_id: "app-id",
        client_secret: "secret",
        refresh_token: refreshToken,
        scope: "https://api.partnercenter.microsoft.com/.default offline_access",
      });
      const { access_token: token } = (await answer.json()) as { access_token: string };
      expect(claims(token).exp * 1000).toBeGreaterThan(Date.now());
      return token;
    };
    const pc = createPartnerCenterClient({ credential, baseUrl: fake.url, maxRetries: 0, rateLimit: false });
    const order = await pc.orders.create(CUSTOMER, { lineItems: [LINE] });
    await pc.orders.getOrderProvisioningStatus(CUSTOMER, order.id);
    await pc.orders.get(CUSTOMER, order.id);
    expect(signIns).toBe(1);
  });

  it("refuses the client_credentials grant without a client secret or a scope, as Entra does", async () => {
    expect((await tokenAt({ grant_type: "client_credentials", client_id: "app-id", scope: "x/.default" })).status).toBe(
      400,
    );
    expect((await tokenAt({ grant_type: "client_credentials", client_id: "app-id", client_secret: "s" })).status).toBe(
      400,
    );
  });
});

describe("an App-only caller", () => {
  it("sees its order reach an outcome through the poller, against a fake that takes App-only tokens", async () => {
    const pc = client("app-token");
    const order = await pc.orders.create(CUSTOMER, { lineItems: [LINE] });
    const result = await pc.orders
      .pollProvisioning(CUSTOMER, order.id, { intervalMs: 1, maxWaitMs: 5_000 })
      .pollUntilDone();
    expect(result).toMatchObject({ outcome: "fulfilled", provisioningUnread: expect.stringMatching(/403/) });
  });

  it("gets the App+User hint on a bare 403 from the service, as on the fake's own", async () => {
    const fetch = async () =>
      new Response(JSON.stringify({ code: 403, description: "Forbidden" }), {
        status: 403,
        headers: { "Content-Type": "application/json" },
      });
    const bare = createPartnerCenterClient({
      credential: "t",
      baseUrl: "https://pc.test/v1",
      fetch,
      maxRetries: 0,
      rateLimit: false,
    });
    const error = await failure(bare.orders.getOrderProvisioningStatus(CUSTOMER, "o1"));
    expect(error?.message).toMatch(
      /getOrderProvisioningStatus takes App\+User credentials only \(Admin agent or Global admin\): an App-only token is refused/,
    );
    const fakes = await failure(client("app-token").orders.getOrderProvisioningStatus(CUSTOMER, "o1"));
    expect(fakes?.message).toMatch(/takes App\+User credentials only/);
  });
});
