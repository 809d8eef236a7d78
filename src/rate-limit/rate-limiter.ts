// Client-side pacing (the rateLimit option): at most `allowance` requests in any window of
// `windowMs`. A request counts from when it is sent until `windowMs` after its answer arrived, by
// which time the service has counted it whatever the network's delay, so pacing never outruns the
// service's own count. Calls past the limit wait in order; a 429's Retry-After pauses every
// waiting call of the client, so a burst becomes one wait instead of a storm of retries. A
// caller's abort takes its call out of the line.
import { onAbort } from "../internal/async/on-abort";
import { SlidingWindow } from "../internal/sliding-window";

export interface Admission {
  /** Requests sent and not yet answered. */
  inFlight: number;
  /** Answered requests still in the window. */
  answered: number;
  /** When the oldest of them was answered. */
  oldestAnswered?: number;
  allowance: number;
  windowMs: number;
  /** No request goes before this time (a 429's Retry-After). */
  pausedUntil: number;
}

/**
 * How long the next request must wait: 0 to go now, a number of milliseconds, or undefined when
 * every slot is held by a request in flight (an answer must come back first).
 */
export function admissionDelay(state: Admission, now: number): number | undefined {
  if (now < state.pausedUntil) return state.pausedUntil - now;
  if (state.inFlight + state.answered < state.allowance) return 0;
  const oldest = state.oldestAnswered;
  return state.answered === 0 || oldest === undefined ? undefined : Math.max(0, oldest + state.windowMs - now);
}

/** What a pacer may know of a request: its customer (a store may be keyed per customer) and how long its attempt may take. */
export interface PaceHint {
  customerId?: string | undefined;
  /** How long the slot may be held before its answer: the attempt's timeout and then some. */
  leaseMs?: number | undefined;
}

/** Pacing as the sender uses it: this process's RateLimiter, or a SharedRateLimiter over a store. */
export interface Pacer {
  /** Waits for a slot; resolves to the function to call once the request's answer has arrived. */
  acquire(signal?: AbortSignal, hint?: PaceHint): Promise<() => void>;
  /** Holds every request back for `ms` (a 429's Retry-After), from now. */
  pause(ms: number, hint?: PaceHint): void;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  stopListening?: () => void;
}

export class RateLimiter implements Pacer {
  private readonly answeredAt: SlidingWindow;
  private inFlight = 0;
  private pausedUntil = 0;
  private readonly waiting: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly allowance: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.answeredAt = new SlidingWindow(windowMs);
  }

  /** Waits for a slot; resolves to the function to call once the request's answer has arrived. */
  acquire(signal?: AbortSignal, _hint?: PaceHint): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.waiting.length === 0 && this.delay() === 0) return Promise.resolve(this.admit());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.stopListening = onAbort(signal, (reason) => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(reason);
          this.pump();
        });
      }
      this.waiting.push(waiter);
      this.pump();
    });
  }

  /** Holds every request back for `ms` (a 429's Retry-After), from now. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
    this.pump();
  }

  private admit(): () => void {
    this.inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.answeredAt.add(this.now());
      this.pump();
    };
  }

  /** The wait for the next request, after dropping answers that left the window. */
  private delay(): number | undefined {
    const now = this.now();
    return admissionDelay(
      {
        inFlight: this.inFlight,
        answered: this.answeredAt.trim(now),
        oldestAnswered: this.answeredAt.oldest,
        allowance: this.allowance,
        windowMs: this.windowMs,
        pausedUntil: this.pausedUntil,
      },
      now,
    );
  }

  /** Lets waiting calls go, in order, while the limit allows; else wakes up when it will. */
  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.waiting.length) {
      const wait = this.delay();
      if (wait === undefined) return; // an answer coming back calls pump again
      if (wait > 0) {
        this.timer = setTimeout(() => this.pump(), wait);
        return;
      }
      const waiter = this.waiting.shift()!;
      waiter.stopListening?.();
      waiter.resolve(this.admit());
    }
  }
}
