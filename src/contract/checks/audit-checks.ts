// The contract command's check of the audit log: one day's records (today's, UTC), read-only,
// held to the spec like every answer. It needs no customer: the log is the partner's.
import type { SendRaw } from "../fuzz";
import { check, type CheckResult } from "./check";

export async function auditChecks(send: SendRaw, now: number): Promise<CheckResult[]> {
  const day = new Date(now).toISOString().slice(0, 10);
  const records = await check(send, "listAuditRecords, one day", "listAuditRecords", "GET", "/auditrecords", {
    query: { startDate: day, endDate: day },
  });
  return [{ ...records, subject: day }];
}
