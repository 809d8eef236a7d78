// What a subscription change may be, decided on the subscription as read: the whole resource to
// send, the windows that have passed, whether a read shows the change, and which Location is the
// subscription's own.
import type { Subscription } from "../../../src";
import {
  changeProblems,
  isSubscriptionLocation,
  showsChanges,
  withChanges,
} from "../../../src/rules/subscription-changes";

const NOW = Date.parse("2026-12-07T12:00:00Z");
const read: Subscription = {
  id: "s1",
  quantity: 5,
  status: "active",
  autoRenewEnabled: true,
  cancellationAllowedUntilDate: "2026-12-08T12:00:00Z",
  refundableQuantity: {
    totalQuantity: 5,
    details: [
      { quantity: 3, allowedUntilDateTime: "2026-12-01T00:00:00Z" },
      { quantity: 2, allowedUntilDateTime: "2026-12-09T00:00:00Z" },
    ],
  },
};

describe("subscription changes", () => {
  it("send the read whole, the changes over it, null and undefined leaving a field as read", () => {
    expect(withChanges(read, { quantity: 4, friendlyName: undefined, autoRenewEnabled: null as never })).toEqual({
      ...read,
      quantity: 4,
    });
  });

  it("may remove the seats of open tranches only, naming the closed window", () => {
    expect(changeProblems(read, { quantity: 3 }, NOW)).toEqual([]);
    expect(changeProblems(read, { quantity: 2 }, NOW)).toEqual([
      {
        path: "changes.quantity",
        message:
          "cannot remove 3 seats: 2 may be removed now (the window for the others ended at 2026-12-01T00:00:00Z) (the service answers 400 900257)",
      },
    ]);
  });

  it("may cancel until cancellationAllowedUntilDate, not after", () => {
    expect(changeProblems(read, { status: "deleted" }, NOW)).toEqual([]);
    expect(changeProblems(read, { status: "deleted" }, Date.parse("2026-12-08T12:00:01Z"))[0]!.message).toContain(
      "the cancellation window ended at 2026-12-08T12:00:00Z",
    );
  });

  it("leave to the service what the read does not show (a legacy subscription)", () => {
    const legacy: Subscription = { id: "s2", quantity: 5, status: "active" };
    expect(changeProblems(legacy, { quantity: 1, status: "deleted" }, NOW)).toEqual([]);
  });

  it("show once every changed field reads as sent; a value too deep to compare has not shown", () => {
    expect(showsChanges({ ...read, quantity: 4 }, { quantity: 4 })).toBe(true);
    expect(showsChanges(read, { quantity: 4 })).toBe(false);
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(showsChanges({ ...read, friendlyName: deep as string }, { friendlyName: "x" })).toBe(false);
  });

  it.each([
    ["/customers/C1/subscriptions/S1", true],
    ["/v1/customers/c1/subscriptions/s1", true],
    ["/customers/C1/subscriptions/S2", false],
    ["https://elsewhere.test/customers/C1/subscriptions/S1", false],
    ["/customers/C1/subscriptions/S1/../../orders", false],
  ])("take %s as the subscription's own Location: %s", (location, own) => {
    expect(isSubscriptionLocation(location, "C1", "S1")).toBe(own);
  });
});
