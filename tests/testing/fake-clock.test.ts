// The fake's test clock: advanceTime moves "now" for the rules that depend on time (a sandbox
// order's 60 days, a refresh token's 90 unused days, an access token's hour), no test sleeps to
// reach them, a bad step is refused as a rejection, and reset() brings the wall clock back.
import { createPartnerCenterClient, isPartnerCenterValidationError } from "partner-center-orders";
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const DAY = 24 * 3_600_000;
const SOFTWARE = "DG7GMGF0FKZV:0003:DG7GMGF0DWMS";

let fake: FakePartnerCenter;
beforeAll(async () => {
  fake = await startFakePartnerCenter({ tokens: { t: "app+user" }, tenant: "sandbox" });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const pc = () => createPartnerCenterClient({ credential: "t", baseUrl: fake.url, maxRetries: 0 });
const exchange = async (refreshToken: string) => {
  const response = await fetch(`${fake.authorityHost}/tenant/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "refresh_token",
      client_id: "app",
      client_secret: "secret",
      refresh_token: refreshToken,
    }),
  });
  const body = (await response.json()) as { access_token?: string; error_codes?: number[] };
  return { status: response.status, code: body.error_codes?.[0], token: body.access_token };
};

describe("the fake's clock", () => {
  it("moves forward by advanceTime and resolves to the new time", async () => {
    const before = fake.now().getTime();
    const after = await fake.advanceTime(30 * DAY);
    expect(after.getTime() - before).toBeGreaterThanOrEqual(30 * DAY);
    expect(fake.now().getTime()).toBeGreaterThanOrEqual(after.getTime());
  });

  it("dates what it creates on its own time", async () => {
    await fake.advanceTime(10 * DAY);
    const order = await pc().orders.create(CUSTOMER, { lineItems: [{ offerId: SOFTWARE, quantity: 1 }] });
    expect(Date.parse(order.creationDate!)).toBeGreaterThanOrEqual(Date.now() + 10 * DAY - 60_000);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, "1000" as unknown as number])(
    "refuses to move by %p, as a rejection that names the argument",
    async (ms) => {
      const refused = fake.advanceTime(ms).then(
        () => undefined,
        (error: unknown) => error,
      );
      const error = await refused;
      expect(isPartnerCenterValidationError(error) && error.problems).toEqual([
        { path: "ms", message: expect.stringContaining("time only moves forward") },
      ]);
    },
  );

  it("goes back to the wall clock on reset()", async () => {
    await fake.advanceTime(100 * DAY);
    fake.reset();
    expect(Math.abs(fake.now().getTime() - Date.now())).toBeLessThan(60_000);
  });
});

describe("rules on the fake's clock", () => {
  it("refuses to cancel a sandbox order older than 60 days 400 800061, and cancels it on day 59", async () => {
    const client = pc();
    const young = await client.orders.create(CUSTOMER, { lineItems: [{ offerId: SOFTWARE, quantity: 1 }] });
    const old = await client.orders.create(CUSTOMER, { lineItems: [{ offerId: SOFTWARE, quantity: 1 }] });
    await fake.advanceTime(59 * DAY);
    await expect(
      client.orders.update(CUSTOMER, young.id, { id: young.id, status: "cancelled" }),
    ).resolves.toMatchObject({
      status: "cancelled",
    });
    await fake.advanceTime(2 * DAY);
    await expect(client.orders.update(CUSTOMER, old.id, { id: old.id, status: "cancelled" })).rejects.toMatchObject({
      status: 400,
      code: 800061,
    });
  });

  it("expires a refresh token unused for 90 days (AADSTS700082), while one used within them lives on", async () => {
    const unused = fake.issueRefreshToken();
    const used = fake.issueRefreshToken();
    await fake.advanceTime(89 * DAY);
    expect((await exchange(used)).status).toBe(200);
    await fake.advanceTime(DAY);
    expect(await exchange(unused)).toMatchObject({ status: 400, code: 700082 });
    expect((await exchange(used)).status).toBe(200);
  });

  it("stops taking an access token it issued once its hour has passed", async () => {
    const { token } = await exchange(fake.issueRefreshToken());
    const read = (credential: string) =>
      createPartnerCenterClient({ credential, baseUrl: fake.url, maxRetries: 0 }).orders.get(CUSTOMER, "no-such-order");
    await expect(read(token!)).rejects.toMatchObject({ status: 404 });
    await fake.advanceTime(3_600_000);
    await expect(read(token!)).rejects.toMatchObject({ status: 401 });
  });
});
