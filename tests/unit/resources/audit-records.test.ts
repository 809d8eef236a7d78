// pc.auditRecords.list: a range read as the service's 30-day windows, a start more than 90 days
// back refused before sending, each window paged as its continuationToken leads (sent back as
// MS-ContinuationToken), a record of a day two windows share yielded once, and a server's token
// that repeats or is not a token stopping the list with a typed error.
import { createPartnerCenterClient, isPartnerCenterValidationError, type AuditRecord } from "../../../src";
import { auditWindows } from "../../../src/rules/audit-windows";
import { json, scriptedFetch, type Step } from "../../helpers/scripted-fetch";
import { all } from "../../helpers/all";

const BASE = "https://pc.test/v1";
const DAY = 86_400_000;
const day = (offset: number) => new Date(Math.floor(Date.now() / DAY) * DAY + offset * DAY).toISOString().slice(0, 10);
const page = (items: AuditRecord[], continuationToken?: string) =>
  json(200, { totalCount: items.length, items, ...(continuationToken ? { continuationToken } : {}) });
const record = (id: string, date: string): AuditRecord => ({
  id,
  operationType: "create_order",
  operationDate: `${date}T10:00:00Z`,
});

const client = (...steps: Step[]) => {
  const script = scriptedFetch(...steps);
  return {
    pc: createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch, rateLimit: false }),
    sent: script.sent,
  };
};
describe("auditWindows", () => {
  const now = Date.parse("2026-12-07T13:00:00Z");
  it("splits 75 days into three windows, each from its first day to the next's", () => {
    expect(auditWindows("2026-09-23", "2026-12-07", now)).toEqual({
      windows: [
        { startDate: "2026-09-23", endDate: "2026-10-23" },
        { startDate: "2026-10-23", endDate: "2026-11-22" },
        { startDate: "2026-11-22", endDate: "2026-12-07" },
      ],
    });
  });

  it.each([
    ["a start 91 days back", "2026-09-07", undefined, /within the last 90 days \(from 2026-09-08\)/],
    ["a day that does not exist", "2026-02-30", undefined, /yyyy-mm-dd/],
    ["an end before the start", "2026-12-01", "2026-11-30", /must not be before startDate/],
  ])("refuses %s", (_what, start, end, message) => {
    const planned = auditWindows(start, end, now);
    expect("problems" in planned && planned.problems.map((p) => p.message).join()).toMatch(message);
  });

  it("reads up to today when the end is later, and a Date as its UTC day", () => {
    expect(auditWindows(new Date("2026-12-06T23:59:00Z"), "2027-01-01", now)).toEqual({
      windows: [{ startDate: "2026-12-06", endDate: "2026-12-07" }],
    });
  });
});

describe("pc.auditRecords.list", () => {
  it("reads each 30-day window, pages through MS-ContinuationToken, and yields a shared day's record once", async () => {
    const boundary = day(-20);
    const { pc, sent } = client(
      page([record("a", day(-50)), record("b", boundary)], "next-page"),
      page([record("c", day(-45))]),
      page([record("b", boundary), record("d", day(-1))]),
    );
    const records = await all(
      pc.auditRecords.list({ startDate: day(-50), filter: { field: "CustomerId", value: "c1" } }),
    );
    expect(records.map((r) => r.id)).toEqual(["a", "b", "c", "d"]);
    const queries = sent.map((r) => Object.fromEntries(new URL(r.url).searchParams));
    expect(queries[0]).toEqual({
      startDate: day(-50),
      endDate: boundary,
      filter: '{"Field":"CustomerId","Value":"c1","Operator":"equals"}',
    });
    expect(sent[1]!.headers["ms-continuationtoken"]).toBe("next-page");
    expect(queries[1]).toEqual(queries[0]);
    expect(queries[2]).toMatchObject({ startDate: boundary, endDate: day(0) });
  });

  it("refuses a start more than 90 days back before sending", async () => {
    const { pc, sent } = client();
    const error = await all(pc.auditRecords.list({ startDate: day(-91) })).catch((e: unknown) => e);
    expect(isPartnerCenterValidationError(error)).toBe(true);
    expect(sent).toHaveLength(0);
  });

  it.each([
    ["repeats", ["t1", "t1"], "came before"],
    ["is not a token", ["t\u0000x"], "is not a token"],
  ])("stops, typed, when the server's continuation token %s", async (_what, tokens, message) => {
    const { pc } = client(...tokens.map((t) => page([record(t, day(-1))], t)), page([]));
    const error = await all(pc.auditRecords.list({ startDate: day(-2) })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", message: expect.stringContaining(message) });
  });

  it("stops at maxPages a window", async () => {
    const { pc } = client(page([], "t1"), page([], "t2"), page([], "t3"));
    const error = await all(pc.auditRecords.list({ startDate: day(-1) }, { maxPages: 2 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", message: expect.stringContaining("more than 2 pages") });
  });
});

describe("pc.auditRecords.list, given hostile input", () => {
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({ startDate: day(0) }, {});
    revoke();
    return proxy;
  };
  it.each([
    [
      "a filter field the service has not",
      () => ({ startDate: day(0), filter: { field: "OrderId", value: "x" } }),
      "filter.field",
    ],
    [
      "a filter value that is not a string",
      () => ({ startDate: day(0), filter: { field: "CustomerId", value: { a: 1 } } }),
      "filter.value",
    ],
    ["a null filter", () => ({ startDate: day(0), filter: null }), "filter"],
    ["a revoked Proxy as the range", revoked, "range"],
    ["no range at all", () => undefined, "range"],
    ["a start that is no date", () => ({ startDate: "yesterday" }), "startDate"],
  ])("refuses %s as a rejection, sending nothing", async (_what, range, path) => {
    const { pc, sent } = client();
    const error = await all(pc.auditRecords.list(range() as never)).catch((e: unknown) => e);
    expect(isPartnerCenterValidationError(error) && error.problems[0]!.path).toBe(path);
    expect(sent).toHaveLength(0);
  });
});

describe("pc.auditRecords.list, given a hostile server", () => {
  it("yields a record too deep to compare rather than failing on it", async () => {
    // customizedData nested 100,000 arrays deep: JSON.parse reads it, JSON.stringify cannot.
    const deep = "[".repeat(100_000) + '"x"' + "]".repeat(100_000);
    const record = `{"operationType":"create_order","operationDate":"${day(0)}T10:00:00Z","customizedData":${deep}}`;
    const body = `{"totalCount":1,"items":[${record}]}`;
    const { pc } = client(new Response(body, { status: 200, headers: { "Content-Type": "application/json" } }));
    expect(await all(pc.auditRecords.list({ startDate: day(0) }))).toHaveLength(1);
  });
});
