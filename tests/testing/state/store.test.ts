// The fake's pages cost what they hold: a listOrders page looks at its own orders and those its
// filter skips, never at every order of the customer, so paging through n orders is O(n) in all.
import { Lifecycle } from "../../../src/testing/state/lifecycle";
import { OrderStore } from "../../../src/testing/state/store";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const ORDER = { lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] };

function storeWith(count: number): OrderStore {
  const store = new OrderStore(new Lifecycle({}));
  for (let i = 0; i < count; i++) store.create(CUSTOMER, ORDER);
  return store;
}

describe("OrderStore.page", () => {
  it("looks at the page's orders and one more, wherever the page starts", () => {
    const store = storeWith(20_000);
    let looked = 0;
    const page = store.page(CUSTOMER, 15_000, 100, () => (looked += 1) > 0);
    expect(page.items).toHaveLength(100);
    expect(page.next).toBe(15_100);
    expect(looked).toBe(101);
  });

  it("pages through every order once, in the order placed, with what the filter skips", () => {
    const store = storeWith(250);
    const ids = store.all().map((o) => o.id);
    const kept: string[] = [];
    let from: number | undefined = 0;
    let pages = 0;
    while (from !== undefined) {
      const page: ReturnType<OrderStore["page"]> = store.page(CUSTOMER, from, 40, (o) => ids.indexOf(o.id) % 3 !== 0);
      kept.push(...page.items.map((o) => o.id));
      from = page.next;
      pages += 1;
    }
    expect(kept).toEqual(ids.filter((_id, i) => i % 3 !== 0));
    expect(pages).toBe(Math.ceil(kept.length / 40));
  });

  it("answers an empty last page without a next position for a customer with no order", () => {
    expect(storeWith(0).page(CUSTOMER, 0, 10, () => true)).toEqual({ items: [], next: undefined });
  });
});
