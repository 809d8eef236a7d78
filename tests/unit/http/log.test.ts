import { formatAttempt } from "../../../src/http/log";

describe("formatAttempt", () => {
  it("logs the path without host or query", () => {
    const line = formatAttempt({
      method: "GET",
      url: "https://api.partnercenter.microsoft.com/v1/customers/c/orders?billingType=monthly",
      attempt: 2,
      outcome: 503,
      durationMs: 12,
      requestId: "r",
      correlationId: "c",
    });
    expect(line).toBe("partner-center GET /v1/customers/c/orders 503 12ms attempt=2 requestId=r correlationId=c");
  });
});
