// The partner's audit records: listAuditRecords reads a range as the service's 30-day windows
// (rules/audit-windows.ts), each page after page as its continuationToken leads (sent back as
// MS-ContinuationToken with the same query, D73), and pc.auditRecords, the same bound to one client.
import { listAuditRecordsRule } from "../../generated/request-rules";
import type { AuditRecord, AuditRecordCollection } from "../../generated/schema";
import { PartnerCenterError, PartnerCenterValidationError } from "../errors";
import { auditWindows, type AuditWindow } from "../rules/audit-windows";
import { wholeNumberProblems } from "../rules/is-whole";
import type { Operation } from "../rules/rule-types";
import { callWith, type PartnerCenterCore } from "../calls/core-handle";
import type { ListOptions } from "../calls/list-pages";
import { DEFAULT_MAX_PAGES } from "../calls/paging";
import { boundTo } from "./bound-to";

const LIST_AUDIT_RECORDS: Operation = { rule: listAuditRecordsRule };

/** A filter the service takes: a customer, a resource type (`Subscription`, `Order`), or part of a company name. */
export type AuditRecordFilter =
  | { field: "CustomerId"; value: string }
  | { field: "ResourceType"; value: string }
  | { field: "CompanyName"; value: string };

export interface AuditRecordsRange {
  /** The first day: a Date (its UTC day) or `yyyy-mm-dd`; at most 90 days back. */
  startDate: Date | string;
  /** The last day; default today. */
  endDate?: Date | string | undefined;
  filter?: AuditRecordFilter | undefined;
}

export interface ListAuditRecordsOptions extends ListOptions {
  /** Records a page (1 to 500). */
  size?: number | undefined;
}

/** A continuation token longer than this is not one the service gave. */
const MAX_TOKEN_CHARS = 4_096;

/** The filter as the service reads it: JSON, with the operator its field takes. */
const filterText = (filter: AuditRecordFilter) =>
  JSON.stringify({
    Field: filter.field,
    Value: filter.value,
    Operator: filter.field === "CompanyName" ? "substring" : "equals",
  });

/** A record's identity, to drop the one a window shares with the next: its id, else its whole text. */
const recordKey = (record: AuditRecord) => (typeof record.id === "string" ? record.id : JSON.stringify(record));

/**
 * listAuditRecords: every record from `startDate` to `endDate` (default today), window by window
 * (30 days each; a start more than 90 days back is refused before sending), page by page. A
 * record of the day two windows share is yielded once. The loop is bounded by `maxPages` a
 * window and stops at a continuation token it has seen.
 */
export async function* listAuditRecords(
  client: PartnerCenterCore,
  range: AuditRecordsRange,
  options: ListAuditRecordsOptions = {},
): AsyncGenerator<AuditRecord, void, undefined> {
  const { maxPages = DEFAULT_MAX_PAGES, size, ...callOptions } = options;
  const planned = auditWindows(range?.startDate, range?.endDate, Date.now());
  const problems = [
    ...("problems" in planned ? planned.problems : []),
    ...wholeNumberProblems(maxPages, "options.maxPages", { min: 1, unit: "pages" }),
  ];
  if (problems.length) throw new PartnerCenterValidationError("listAuditRecords", problems);
  const filter = range.filter === undefined ? undefined : filterText(range.filter);
  let shared = new Set<string>();
  for (const window of (planned as { windows: AuditWindow[] }).windows) {
    const query = { startDate: window.startDate, endDate: window.endDate, filter, size };
    const seen = shared;
    shared = new Set();
    for await (const record of windowRecords(client, query, maxPages, callOptions)) {
      const key = recordKey(record);
      const day = typeof record.operationDate === "string" ? record.operationDate.slice(0, 10) : "";
      if (day === window.startDate && seen.has(key)) continue;
      if (day === window.endDate) shared.add(key);
      yield record;
    }
  }
}

const stopped = (query: Record<string, unknown>, problem: string) =>
  new PartnerCenterError(`listAuditRecords from ${String(query.startDate)} stopped: ${problem}`, {
    code: "INVALID_RESPONSE",
    isRetryable: false,
    method: "GET",
  });

/** One window's records, page after page as each continuationToken leads. */
async function* windowRecords(
  client: PartnerCenterCore,
  query: Record<string, unknown>,
  maxPages: number,
  options: ListOptions,
): AsyncGenerator<AuditRecord, void, undefined> {
  const tokens = new Set<string>();
  let token: string | undefined;
  for (let pages = 1; ; pages++) {
    const header = token === undefined ? {} : { "MS-ContinuationToken": token };
    const page = await callWith<AuditRecordCollection>(client, LIST_AUDIT_RECORDS, { query, header }, options);
    if (!Array.isArray(page.items)) throw stopped(query, "a page has no items array");
    yield* page.items;
    const next: unknown = page.continuationToken;
    if (next === undefined || next === null || next === "") return;
    const problem =
      typeof next !== "string" || next.length > MAX_TOKEN_CHARS || !/^[\x20-\x7e]+$/.test(next)
        ? "its continuationToken is not a token"
        : tokens.has(next)
          ? "its continuationToken came before: the pages would never end"
          : pages >= maxPages
            ? `it has more than ${maxPages} pages (options.maxPages)`
            : undefined;
    if (problem) throw stopped(query, problem);
    token = next as string;
    tokens.add(token);
  }
}

/** pc.auditRecords: the function above, bound to one client. */
export function auditRecordsApi(client: PartnerCenterCore) {
  const on = boundTo(client);
  return {
    /** listAuditRecords: the records of a range, window by window and page by page (async iterator). */
    list: on(listAuditRecords),
  };
}

export type AuditRecordsApi = ReturnType<typeof auditRecordsApi>;
