// The fake's audit log keeps records 90 days on its clock, and keeping them costs each write the
// records it drops, not the whole log: a run that places many orders stays linear.
import { AuditLog, AUDIT_RETENTION_MS } from "../../../src/testing/state/audit-log";
import type { PlacedOrder } from "../../../generated/schema";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const order = (id: string) => ({ id, lineItems: [] }) as unknown as PlacedOrder;

describe("the fake's audit log", () => {
  it("forgets a record 90 days after it was written, and keeps the ones since", () => {
    let now = Date.parse("2026-12-01T00:00:00Z");
    const log = new AuditLog(() => now);
    log.orderCreated(CUSTOMER, order("a"));
    now += AUDIT_RETENTION_MS - 1;
    log.orderCreated(CUSTOMER, order("b"));
    now += 1;
    log.orderCreated(CUSTOMER, order("c"));
    const ids = log.between(0, now + 1, () => true).map((r) => r.customizedData?.[0]?.value);
    expect(ids).toEqual(["b", "c"]);
  });

  it("reads each record's date a bounded number of times however many orders are written", () => {
    let now = Date.parse("2026-12-01T00:00:00Z");
    const log = new AuditLog(() => now);
    const parse = jest.spyOn(Date, "parse");
    try {
      for (let i = 0; i < 2_000; i++) {
        now += 1_000;
        log.orderCreated(CUSTOMER, order(`o${i}`));
      }
      // Filtering the whole log at every write reads 2,000 x 1,999 / 2 dates.
      expect(parse.mock.calls.length).toBeLessThan(3 * 2_000);
    } finally {
      parse.mockRestore();
    }
  });
});
