import { createPartnerCenterClient } from "partner-center-orders";
import { startFakePartnerCenter, type FakePartnerCenter } from "partner-center-orders/testing";

let fake: FakePartnerCenter;
beforeAll(async () => (fake = await startFakePartnerCenter({ token: "test-token" })));
afterAll(() => fake.close());
beforeEach(() => fake.reset());

test("the order is placed once, though the connection drops after Partner Center commits it", async () => {
  fake.injectFaults({ type: "reset", after: true }, { type: "status", status: 429, retryAfter: "0" });
  const pc = createPartnerCenterClient({ credential: "test-token", baseUrl: fake.url });
  const order = await pc.orders.create("b0d70a69-4c42-4b27-b17b-91a835d8686a", {
    // The docs' example offer id; yours is an availability's catalogItemId from pc.catalog, read at purchase time.
    lineItems: [{ offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 3 }],
  });
  expect(fake.orders().map((o) => o.id)).toEqual([order.id]);
});
