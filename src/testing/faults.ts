// What the fake Partner Center does instead of answering normally, and when. Decisions are pure:
// a scheduled fault list is consumed in order; a fault rate draws from a hash of the request id and
// attempt, so a run is the same whatever order concurrent requests arrive in. Every kind can strike
// before the request is processed or `after` its effect is committed (an order placed, then the
// connection lost, a 500, or silence), which is what idempotency exists for.
import { apiFault, type Answer } from "./wire/answers";

export type Fault =
  /** Answer this status with a Partner Center error body (a throttling body for 429). */
  | { type: "status"; status: 408 | 429 | 500 | 502 | 503 | 504; retryAfter?: string; after?: boolean }
  /** Drop the connection. */
  | { type: "reset"; after?: boolean }
  /** Never answer (until the client gives up). */
  | { type: "stall"; after?: boolean }
  /** Answer exactly this, e.g. an HTML gateway page, truncated JSON, a bad Retry-After. */
  | { type: "raw"; status: number; headers?: Record<string, string>; body?: string; after?: boolean };

/** The answer a fault gives instead of the real one; none for a reset or a stall, which give none. */
export function faultAnswer(fault: Fault): Answer | undefined {
  if (fault.type === "raw") return { status: fault.status, headers: fault.headers, body: fault.body ?? "" };
  if (fault.type !== "status") return undefined;
  if (fault.status === 429) {
    return {
      status: 429,
      headers: { "Retry-After": fault.retryAfter ?? "1" },
      body: { statusCode: 429, message: `Rate limit is exceeded. Try again in ${fault.retryAfter ?? "1"} seconds.` },
    };
  }
  return {
    status: fault.status,
    headers: fault.retryAfter === undefined ? {} : { "Retry-After": fault.retryAfter },
    body: apiFault(
      fault.status === 500 ? 800005 : fault.status,
      "The partner API service or one of its dependencies failed.",
    ),
  };
}

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

/**
 * How many times each MS-RequestId has been seen, for drawing faults per attempt. Counts expire
 * with the idempotency records, so a long run does not grow without bound.
 */
export class AttemptCounter {
  // Insertion order is last-seen order: the oldest counts sit at the front.
  private readonly counts = new Map<string, { count: number; expiresAt: number }>();

  constructor(
    private readonly retentionMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one more attempt of `key` and returns its number, from 1. */
  next(key: string): number {
    const time = this.now();
    for (const [k, entry] of this.counts) {
      if (entry.expiresAt > time) break;
      this.counts.delete(k);
    }
    const count = (this.counts.get(key)?.count ?? 0) + 1;
    this.counts.delete(key);
    this.counts.set(key, { count, expiresAt: time + this.retentionMs });
    return count;
  }

  get size(): number {
    return this.counts.size;
  }

  clear(): void {
    this.counts.clear();
  }
}
