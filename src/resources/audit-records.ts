// The partner's audit records: listAuditRecords reads a range as the service's 30-day windows
// (rules/audit-windows.ts), each page after page as its continuationToken leads (sent back as
// MS-ContinuationToken with the same query, D73), and pc.auditRecords, the same bound to one client.
import { listAuditRecordsRule } from "../../generated/request-rules";
import type { AuditRecord, AuditRecordCollection } from "../../generated/schema";
import { PartnerCenterError, PartnerCenterValidationError, type ValidationProblem } from "../errors";
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

const FIELDS = ["CustomerId", "ResourceType", "CompanyName"];

/** The filter as the service reads it (JSON, with the operator its field takes), or why it is not one it takes. */
function filterQuery(filter: unknown): { text?: string } | { problems: ValidationProblem[] } {
  if (filter === undefined) return {};
  let field: unknown, value: unknown;
  try {
    ({ field, value } = filter as Record<string, unknown>);
  } catch {
    return { problems: [{ path: "filter", message: "must be an object whose fields can be read" }] };
  }
  const problems: ValidationProblem[] = [];
  if (typeof field !== "string" || !FIELDS.includes(field))
    problems.push({ path: "filter.field", message: `must be one of ${FIELDS.join(", ")}` });
  if (typeof value !== "string" || value === "")
    problems.push({ path: "filter.value", message: "must be a non-empty string" });
  if (problems.length) return { problems };
  const operator = field === "CompanyName" ? "substring" : "equals";
  return { text: JSON.stringify({ Field: field, Value: value, Operator: operator }) };
}

/** A record's identity, to drop the one a window shares with the next: its id, else its whole text (none if too deep). */
function recordKey(record: AuditRecord): string | undefined {
  if (typeof record.id === "string") return record.id;
  try {
    return JSON.stringify(record);
  } catch {
    return undefined;
  }
}

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
  let startDate: unknown, endDate: unknown, filterGiven: unknown;
  try {
    ({ startDate, endDate, filter: filterGiven } = range);
  } catch {
    throw new PartnerCenterValidationError("listAuditRecords", [
      { path: "range", message: "must be an object whose fields can be read" },
    ]);
  }
  const planned = auditWindows(startDate, endDate, Date.now());
  const filterOf = filterQuery(filterGiven);
  const problems = [
    ...("problems" in planned ? planned.problems : []),
    ...("problems" in filterOf ? filterOf.problems : []),
    ...wholeNumberProblems(maxPages, "options.maxPages", { min: 1, unit: "pages" }),
  ];
  if (problems.length) throw new PartnerCenterValidationError("listAuditRecords", problems);
  const filter = (filterOf as { text?: string }).text;
  let shared = new Set<string>();
  for (const window of (planned as { windows: AuditWindow[] }).windows) {
    const query = { startDate: window.startDate, endDate: window.endDate, filter, size };
    const seen = shared;
    shared = new Set();
    for await (const record of windowRecords(client, query, maxPages, callOptions)) {
      const key = recordKey(record);
      const day = typeof record.operationDate === "string" ? record.operationDate.slice(0, 10) : "";
      if (key !== undefined && day === window.startDate && seen.has(key)) continue;
      if (key !== undefined && day === window.endDate) shared.add(key);
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
