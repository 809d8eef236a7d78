import { assignRequestIds } from "../../../src/pipeline/request-ids";

describe("assignRequestIds", () => {
  it("adds a GUID MS-RequestId and MS-CorrelationId", () => {
    const headers = new Headers();
    assignRequestIds(headers);
    expect(headers.get("MS-RequestId")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(headers.get("MS-CorrelationId")).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get("MS-RequestId")).not.toBe(headers.get("MS-CorrelationId"));
  });

  it("keeps ids the caller set", () => {
    const headers = new Headers({ "ms-requestid": "mine", "MS-CorrelationId": "ours" });
    assignRequestIds(headers);
    expect([headers.get("MS-RequestId"), headers.get("MS-CorrelationId")]).toEqual(["mine", "ours"]);
  });
});
