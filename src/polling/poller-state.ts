// A provisioning poller's state as text (poller.toString()), so that another process can resume
// it (pollProvisioning(..., { resumeFrom })): which order, how many polls, when the next one is
// due and when waiting ends, in wall-clock time. What comes back is checked like any input: a
// text that is not a saved state, or one saved for another customer or order, is refused.
import { PartnerCenterValidationError, type ValidationProblem } from "../errors";
import { printableValue as shown } from "../internal/printable";
import { sameOrderId } from "../rules/ids";
import { isWhole, MAX_TIMER_MS, wholeNumberMessage } from "../rules/is-whole";
import type { PollSchedule } from "./poll-delay";

const KIND = "partner-center-orders/provisioning-poller";

export interface SavedPoller extends PollSchedule {
  kind: typeof KIND;
  version: 1;
  customerId: string;
  orderId: string;
  /** Polls made so far. */
  polls: number;
  /** When the next poll is due, in milliseconds since the epoch. */
  nextPollAt: number;
  /** When waiting ends with `timed_out`, in milliseconds since the epoch. */
  deadline: number;
  /** The MS-CorrelationId every poll of this wait sends. */
  correlationId: string;
}

export function newSavedPoller(fields: Omit<SavedPoller, "kind" | "version">): SavedPoller {
  return { kind: KIND, version: 1, ...fields };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A time toString() could have written by `now`: it writes at most the longest wait (MAX_TIMER_MS)
 * past the moment it is called, so anything later (the year 9999, say) was not written by it.
 */
const isTime = (value: unknown, now: number) =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= now + MAX_TIMER_MS;
const isWait = (value: unknown) => isWhole(value, 1, MAX_TIMER_MS);

/** The saved state in `text`, for this customer and order, or why it cannot be resumed. */
export function readSavedPoller(
  text: unknown,
  customerId: string,
  orderId: string,
  now: number,
): SavedPoller | ValidationProblem[] {
  const at = "options.resumeFrom";
  const refused = (message: string) => [{ path: at, message }];
  let saved: Partial<SavedPoller>;
  try {
    saved = typeof text === "string" ? (JSON.parse(text) as Partial<SavedPoller>) : {};
  } catch {
    return refused("is not a saved poller state: pass what poller.toString() returned");
  }
  if (!saved || typeof saved !== "object" || saved.kind !== KIND || saved.version !== 1) {
    return refused("is not a saved poller state: pass what poller.toString() returned");
  }
  if (typeof saved.customerId !== "string" || saved.customerId.toLowerCase() !== customerId.toLowerCase()) {
    return refused(`was saved for customer ${shown(saved.customerId)}, not ${shown(customerId)}`);
  }
  if (typeof saved.orderId !== "string" || !sameOrderId(saved.orderId, orderId))
    return refused(`was saved for order ${shown(saved.orderId)}, not ${shown(orderId)}`);
  const sound =
    isWhole(saved.polls, 0) &&
    isTime(saved.nextPollAt, now) &&
    isTime(saved.deadline, now) &&
    isWait(saved.intervalMs) &&
    isWait(saved.maxIntervalMs) &&
    GUID.test(String(saved.correlationId));
  return sound
    ? (saved as SavedPoller)
    : refused("is a damaged saved poller state: its numbers or ids are missing or out of range");
}

/** Problems with the waits a caller asks for; `name` is the option's name. */
/** Waits to check, beside the options of the call they follow. */
interface WaitFields {
  intervalMs?: number | undefined;
  maxIntervalMs?: number | undefined;
  maxWaitMs?: number | undefined;
}

/** An ...AndWait method's waits, checked (refused as `operation`'s, with nothing sent), and the rest of its options. */
export function checkedWaits<T extends WaitFields>(
  options: T,
  operation: string,
): { waits: WaitFields; rest: Omit<T, keyof WaitFields> } {
  const { intervalMs, maxIntervalMs, maxWaitMs, ...rest } = options;
  const waits = { intervalMs, maxIntervalMs, maxWaitMs };
  const problems = waitProblems(waits, Object.keys(waits));
  if (problems.length) throw new PartnerCenterValidationError(operation, problems);
  return { waits, rest };
}

export function waitProblems(options: Record<string, unknown>, names: readonly string[]): ValidationProblem[] {
  return names
    .filter((name) => options[name] !== undefined && !isWait(options[name]))
    .map((name) => ({
      path: `options.${name}`,
      message: wholeNumberMessage(options[name], { min: 1, max: MAX_TIMER_MS, unit: "milliseconds" }),
    }));
}
