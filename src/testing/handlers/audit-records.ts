// What listAuditRecords answers: the audit log's records of a window of at most 30 days, starting
// at most 90 days back on the fake's clock (400 otherwise, D73), that the filter keeps, a page at
// a time with a continuationToken for the next (sent back as MS-ContinuationToken).
import type { AuditRecord } from "../../../generated/schema";
import { asText } from "../../internal/as-text";
import type { OperationId } from "../../rules/request";
import { AUDIT_RETENTION_MS, AUDIT_WINDOW_MS } from "../state/audit-log";
import { errorAnswer } from "../wire/answers";
import { collection, type Handler } from "./context";
import { decodeToken, encodeToken } from "./continuation-token";

const DAY_MS = 86_400_000;
const startOfDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
/** A date as the service binds one: `yyyy-mm-dd`, or any date and time it can parse. */
const dateOf = (value: unknown) => (value === undefined ? undefined : Date.parse(asText(value)));

/** The filter's test of a record, or undefined when the filter is not one the service takes. */
function filterOf(text: string | undefined): ((record: AuditRecord) => boolean) | undefined {
  if (text === undefined) return () => true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { Field, Value, Operator } = (parsed ?? {}) as { Field?: unknown; Value?: unknown; Operator?: unknown };
  if (typeof Field !== "string" || typeof Value !== "string" || typeof Operator !== "string") return undefined;
  const value = Value.toLowerCase();
  const field = Field.toLowerCase();
  const operator = Operator.toLowerCase();
  if (field === "customerid" && operator === "equals") return (r) => (r.customerId ?? "").toLowerCase() === value;
  if (field === "resourcetype" && operator === "equals") return (r) => (r.resourceType ?? "").toLowerCase() === value;
  if (field === "companyname" && operator === "substring")
    return (r) => (r.customerName ?? "").toLowerCase().includes(value);
  return undefined;
}

const listAuditRecords: Handler = (ctx, { query, headers }) => {
  const now = ctx.now();
  const start = dateOf(query.startDate) ?? now - AUDIT_WINDOW_MS;
  // Without an end, "the max window or … today, whichever is less": never a window too wide.
  const end = dateOf(query.endDate) ?? Math.min(now, start + AUDIT_WINDOW_MS);
  if (Number.isNaN(start) || Number.isNaN(end))
    return errorAnswer(400, 800002, "Invalid request input.", ["startDate and endDate must be dates."]);
  if (start < startOfDay(now - AUDIT_RETENTION_MS))
    return errorAnswer(400, 400, "Audit records are kept for 90 days: the start date must be within the last 90 days");
  if (end - start > AUDIT_WINDOW_MS)
    return errorAnswer(400, 400, "The window between the start and end dates must be 30 days or less");
  const keep = filterOf(query.filter === undefined ? undefined : asText(query.filter));
  if (!keep) return errorAnswer(400, 800002, "Invalid request input.", ["The filter is not one the service takes."]);
  const token = headers["ms-continuationtoken"];
  const offset = typeof token === "string" ? decodeToken(token) : 0;
  if (offset === undefined) return errorAnswer(400, 800002, "Invalid request input.", ["Bad MS-ContinuationToken."]);
  const size = typeof query.size === "number" ? query.size : ctx.pageSize;
  // The end day is a whole day: its records are in the window.
  const records = ctx.audit.between(startOfDay(start), startOfDay(end) + DAY_MS, keep);
  const items = records.slice(offset, offset + size);
  const more = offset + size < records.length;
  return collection(items, more ? { continuationToken: encodeToken(offset + size) } : {});
};

export const AUDIT_HANDLERS = { listAuditRecords } satisfies Partial<Record<OperationId, Handler>>;
