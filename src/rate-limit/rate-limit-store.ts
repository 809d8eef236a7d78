// The contract between the client's pacing and a store that shares one quota between processes
// (partner-center-orders/redis is one). The store decides, on its own clock, whether a request may
// go; the client keeps the waiting line, the abort handling and the fallback.

/** What a request asks the store for. */
export interface AdmissionRequest {
  /** Requests allowed in any window, across every process sharing the store. */
  limit: number;
  windowMs: number;
  /**
   * How long the slot is held if its answer is never reported (the process died): the longest an
   * attempt may take, plus a margin. Then the slot counts for a window more, as an answer would.
   */
  leaseMs: number;
  /** Names the slot, for settle. Unique per attempt. */
  leaseId: string;
  /** The customer the request is for, when its path names one (for a store keyed per customer). */
  customerId?: string | undefined;
}

export type AdmissionAnswer = { granted: true } | { granted: false; waitMs: number };

export interface RateLimitStore {
  /** Takes a slot, or says how long to wait before asking again. */
  admit(request: AdmissionRequest): Promise<AdmissionAnswer>;
  /** The request's answer arrived: its slot counts until a window from now. */
  settle(request: AdmissionRequest): Promise<void>;
  /** Holds every process's requests back for `ms` from now (a 429's Retry-After). */
  pause(ms: number, request: Pick<AdmissionRequest, "customerId">): Promise<void>;
}

/** Whether a value is a RateLimitStore (the option is the caller's data). */
export function isRateLimitStore(value: unknown): value is RateLimitStore {
  if (value === null || typeof value !== "object") return false;
  const store = value as Record<string, unknown>;
  return typeof store.admit === "function" && typeof store.settle === "function" && typeof store.pause === "function";
}
