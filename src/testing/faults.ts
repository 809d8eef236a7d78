// What the fake Partner Center does instead of answering normally, and when. Decisions are pure:
// a scheduled fault list is consumed in order; a fault rate draws from a hash of the request id and
// attempt, so a run is the same whatever order concurrent requests arrive in.

export type Fault =
  /** Answer this status with a Partner Center error body (a throttling body for 429). */
  | { type: "status"; status: 408 | 429 | 500 | 502 | 503 | 504; retryAfter?: string }
  /** Drop the connection: before the request is processed, or after its effect is committed. */
  | { type: "reset"; after?: boolean }
  /** Never answer (until the client gives up): before processing, or after committing. */
  | { type: "stall"; after?: boolean }
  /** Answer exactly this, e.g. an HTML gateway page, truncated JSON, a bad Retry-After. */
  | { type: "raw"; status: number; headers?: Record<string, string>; body?: string };

export interface FaultRate {
  /** Share of attempts that fail, 0..1. */
  rate: number;
  /** The faults to pick from, evenly. */
  faults: Fault[];
  /** Changes which attempts fail. */
  seed?: number;
}

/** FNV-1a, then a xorshift round: a stable number in [0, 1) for a string. */
export function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h << 13;
  h ^= h >>> 17;
  h ^= h << 5;
  return (h >>> 0) / 2 ** 32;
}

/** The fault for the `attempt`-th request (1-based) carrying `key` (its MS-RequestId), if any. */
export function drawFault(plan: FaultRate, key: string, attempt: number): Fault | undefined {
  const seed = plan.seed ?? 0;
  if (plan.faults.length === 0 || unitHash(`${seed}:${key}:${attempt}`) >= plan.rate) return undefined;
  const index = Math.floor(unitHash(`${seed}:${key}:${attempt}:kind`) * plan.faults.length);
  return plan.faults[index];
}
