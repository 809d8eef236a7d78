// The windows a range of audit records is read in, as a pure decision: the service keeps 90 days
// and answers at most 30 days a request (get-a-record-of-partner-center-activity-by-user; REST
// gets-audit-records), so a range becomes 30-day windows, day by day in UTC, each from its first
// day to the next window's first day; a start more than 90 days back is refused before sending (D73).
import type { ValidationProblem } from "../errors";
import { printable } from "../internal/printable";

const DAY_MS = 86_400_000;
/** The days a window covers. */
export const AUDIT_WINDOW_DAYS = 30;
/** How far back the service keeps records. */
export const AUDIT_RETENTION_DAYS = 90;

export interface AuditWindow {
  /** `yyyy-mm-dd`, the window's first day. */
  startDate: string;
  /** `yyyy-mm-dd`, the next window's first day (or the range's end). */
  endDate: string;
}

/** A UTC day, as the number of days since the epoch, from a Date or a `yyyy-mm-dd` string. */
function dayOf(value: unknown): number | undefined {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isFinite(time) ? Math.floor(time / DAY_MS) : undefined;
  }
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const time = Date.parse(`${value}T00:00:00Z`);
  // A day that does not exist (2026-02-30) parses to another, or not at all.
  return Number.isFinite(time) && new Date(time).toISOString().startsWith(value) ? time / DAY_MS : undefined;
}

const dayText = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The windows from `startDate` to `endDate` (default today; a later one is today), or why not. */
export function auditWindows(
  startDate: unknown,
  endDate: unknown,
  now: number,
): { windows: AuditWindow[] } | { problems: ValidationProblem[] } {
  const today = Math.floor(now / DAY_MS);
  const start = dayOf(startDate);
  const end = endDate === undefined ? today : dayOf(endDate);
  const problems: ValidationProblem[] = [];
  const shown = (value: unknown) => printable(value instanceof Date ? value.toISOString() : String(value), 40);
  if (start === undefined)
    problems.push({ path: "startDate", message: `must be a Date or a yyyy-mm-dd day, got ${shown(startDate)}` });
  if (end === undefined)
    problems.push({ path: "endDate", message: `must be a Date or a yyyy-mm-dd day, got ${shown(endDate)}` });
  if (start !== undefined && start < today - AUDIT_RETENTION_DAYS) {
    problems.push({
      path: "startDate",
      message: `must be within the last ${AUDIT_RETENTION_DAYS} days (from ${dayText(today - AUDIT_RETENTION_DAYS)}): the service keeps no older records and answers 400, got ${dayText(start)}`,
    });
  }
  if (start !== undefined && end !== undefined && end < start)
    problems.push({ path: "endDate", message: `must not be before startDate ${dayText(start)}, got ${dayText(end)}` });
  if (problems.length) return { problems };
  const last = Math.min(end!, today);
  const windows: AuditWindow[] = [];
  for (let from = start!; from <= last; from += AUDIT_WINDOW_DAYS) {
    windows.push({ startDate: dayText(from), endDate: dayText(Math.min(from + AUDIT_WINDOW_DAYS, last)) });
  }
  return { windows };
}
