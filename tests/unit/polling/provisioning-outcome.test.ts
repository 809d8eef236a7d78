// When an order is done provisioning, and how (D31): the order's status first, then, for a
// completed order, its line items; anything unknown is not done and is reported.
import type { OrderLineItemProvisioningStatusCollection, PlacedOrder } from "../../../src";
import { judgeProvisioning } from "../../../src/polling/provisioning-outcome";

const order = (status: string) => ({ id: "o", status, lineItems: [] }) as unknown as PlacedOrder;
const lines = (...statuses: string[]): OrderLineItemProvisioningStatusCollection => ({
  totalCount: statuses.length,
  items: statuses.map((status, lineItemNumber) => ({ lineItemNumber, status })),
});

describe("judgeProvisioning", () => {
  it.each([
    ["cancelled", "cancelled"],
    ["pending_po_upload", "needs_purchase_order"],
    ["po_review_rejected", "failed"],
    ["error", "failed"],
    ["partial_success", "partial"],
  ])("takes an order in %s as done: %s, whatever its line items say", (status, outcome) => {
    expect(judgeProvisioning(order(status))).toEqual({ done: true, outcome, unrecognised: [] });
    expect(judgeProvisioning(order(status), lines("unfulfilled"))).toMatchObject({ done: true, outcome });
  });

  it.each(["pending", "po_upload_complete", "pending_review", "suspended", "unknown"])(
    "keeps waiting on an order in %s",
    (status) => {
      expect(judgeProvisioning(order(status), lines("fulfilled"))).toEqual({ done: false, unrecognised: [] });
    },
  );

  it("judges a completed order by its line items: all fulfilled, some, or none", () => {
    expect(judgeProvisioning(order("completed"), lines("fulfilled", "Fulfilled"))).toMatchObject({
      done: true,
      outcome: "fulfilled",
    });
    expect(judgeProvisioning(order("completed"), lines("fulfilled", "unfulfilled"))).toMatchObject({
      done: true,
      outcome: "partial",
    });
    expect(judgeProvisioning(order("completed"), lines("Unfulfilled", "PrefulfillmentPending"))).toMatchObject({
      done: true,
      outcome: "failed",
    });
  });

  it("does not call a completed order done before its line items are read", () => {
    expect(judgeProvisioning(order("completed"))).toEqual({ done: false, unrecognised: [] });
  });

  it("reads statuses as .NET reads enum members: any casing, underscores or none", () => {
    expect(judgeProvisioning(order("PendingPOUpload"))).toMatchObject({ done: true, outcome: "needs_purchase_order" });
    expect(judgeProvisioning(order("COMPLETED"), lines("FULFILLED"))).toMatchObject({
      done: true,
      outcome: "fulfilled",
    });
  });

  it("never takes an unknown status as done, and says which", () => {
    expect(judgeProvisioning(order("archived"), lines("fulfilled"))).toEqual({
      done: false,
      unrecognised: ["order: archived"],
    });
    expect(judgeProvisioning(order("completed"), lines("fulfilled", "provisioning"))).toEqual({
      done: false,
      unrecognised: ["line item 1: provisioning"],
    });
  });
});

describe("judgeProvisioning, given statuses that name Object.prototype's members", () => {
  it.each(["constructor", "Constructor", "__proto__", "to_String", "hasOwnProperty", "valueOf"])(
    "keeps waiting on an order in %s and reports it",
    (status) => {
      const verdict = judgeProvisioning(order(status), lines("fulfilled"));
      expect(verdict).toEqual({ done: false, unrecognised: [`order: ${status}`] });
    },
  );

  it("does not judge a completed order fulfilled when a line item says constructor", () => {
    expect(judgeProvisioning(order("completed"), lines("fulfilled", "constructor"))).toEqual({
      done: false,
      unrecognised: ["line item 1: constructor"],
    });
  });
});
