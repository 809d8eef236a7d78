// Pacing shared between processes through a RateLimitStore (rateLimit.store): the store decides,
// on its own clock, whether a request may go; this process keeps its waiting line in order (only
// its head asks the store, so a thousand waiting calls cost one request to the store at a time),
// takes aborted calls out of it, and never lets the store fail or hang an order: a store that
// errs or does not answer within `storeTimeoutMs` is set aside, the process paces itself at its
// local share (said once through the logger), and the store is asked again every `retryStoreMs`.
import { emit, type Logger } from "../diagnostics/log";
import { onAbort } from "../internal/async/on-abort";
import { RateLimiter, type Pacer, type PaceHint } from "./rate-limiter";
import type { AdmissionRequest, RateLimitStore } from "./rate-limit-store";
import { reasonOf } from "../internal/printable";

export interface SharedPacing {
  store: RateLimitStore;
  /** Requests allowed in any window across every process. */
  allowance: number;
  windowMs: number;
  /** This process's allowance per window while the store is set aside. */
  localAllowance: number;
  /** The longest an admission may take before the store is set aside. */
  storeTimeoutMs: number;
  /** How long the store stays set aside before it is asked again. */
  retryStoreMs: number;
  /** A slot's lease when the attempt's own timeout is not known. */
  defaultLeaseMs: number;
  /** The longest 429 pause the client honours (its maxRetryAfterMs). Default 60 s. */
  maxPauseMs?: number | undefined;
  logger?: Logger | undefined;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  now(): number;
}

/** The longest wait between two questions to the store: its answer can only be as fresh as this. */
export function storePollMs(waitMs: number, windowMs: number, allowance: number): number {
  // An in-flight slot's end is unknown until its answer: ask again within a quarter of the limit's
  // average spacing (at least 5 ms, at most a second), so that a slot freed by another worker's
  // answer is taken within that, or sooner when the store names an earlier time.
  const poll = Math.min(1_000, Math.max(5, Math.floor(windowMs / allowance / 4)));
  return Math.max(1, Math.min(waitMs, poll));
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal | undefined;
  hint: PaceHint;
  stopListening?: () => void;
}

class StoreTimeout extends Error {}

/** Shortest time between two questions to the store, whatever wait it names: at most 200 a second. */
const MIN_POLL_MS = 5;

/** The wait an admission answer names, "granted", or undefined for an answer that is not one (null, NaN, a negative or absurd wait). */
export function admissionOf(answer: unknown, maxWaitMs: number): "granted" | number | undefined {
  if (answer === null || typeof answer !== "object") return undefined;
  const { granted, waitMs } = answer as { granted?: unknown; waitMs?: unknown };
  if (granted === true) return "granted";
  if (granted !== false || typeof waitMs !== "number" || !Number.isFinite(waitMs) || waitMs < 0 || waitMs > maxWaitMs)
    return undefined;
  return waitMs;
}

class BrokenStoreAnswer extends Error {
  constructor() {
    super("it answered something that is not an admission");
  }
}

export class SharedRateLimiter implements Pacer {
  private readonly local: RateLimiter;
  private readonly line: Waiter[] = [];
  private serving = false;
  /** Set while the store is set aside: when to ask it again. */
  private retryAt: number | undefined;

  constructor(private readonly config: SharedPacing) {
    this.local = new RateLimiter(config.localAllowance, config.windowMs);
  }

  acquire(signal?: AbortSignal, hint: PaceHint = {}): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, hint };
      if (signal) {
        waiter.stopListening = onAbort(signal, (reason) => {
          const at = this.line.indexOf(waiter);
          if (at !== -1) this.line.splice(at, 1);
          reject(reason);
        });
      }
      this.line.push(waiter);
      void this.serve();
    });
  }

  pause(ms: number, hint: PaceHint = {}): void {
    this.local.pause(ms);
    if (this.retryAt === undefined)
      void this.ask(() => this.config.store.pause(ms, { customerId: hint.customerId })).catch((error: unknown) =>
        this.setAside(error),
      );
  }

  /** Lets the line go, head first, as the store (or, while it is set aside, the local share) allows. */
  private async serve(): Promise<void> {
    if (this.serving) return;
    this.serving = true;
    try {
      while (this.line.length) {
        const head = this.line[0]!;
        if (this.retryAt !== undefined && this.config.now() < this.retryAt) {
          // Set aside: the head goes at the local share (with its own abort handling), one at a
          // time, so that a call still waiting once retryStoreMs is up asks the store again.
          this.line.shift();
          head.stopListening?.();
          await this.local.acquire(head.signal, head.hint).then(head.resolve, head.reject);
          continue;
        }
        await this.admitHead(head);
      }
    } finally {
      this.serving = false;
    }
  }

  /** Asks the store for the head's slot once, and waits as told; leaves the head in line unless it got one. */
  private async admitHead(head: Waiter): Promise<void> {
    const request: AdmissionRequest = {
      limit: this.config.allowance,
      windowMs: this.config.windowMs,
      leaseMs: head.hint.leaseMs ?? this.config.defaultLeaseMs,
      leaseId: crypto.randomUUID(),
      customerId: head.hint.customerId,
    };
    let answer;
    try {
      answer = await this.ask(
        () => this.config.store.admit(request),
        (late) => {
          // A slot granted after the store was set aside is given back at once.
          if (admissionOf(late, Number.POSITIVE_INFINITY) === "granted") this.settle(request);
        },
      );
    } catch (error) {
      this.setAside(error);
      return;
    }
    // A store may hold a call back while leased slots fill the window (up to a lease), a window, and
    // a shared 429's pause: a longer wait is a broken store.
    const longest = request.leaseMs + this.config.windowMs + (this.config.maxPauseMs ?? 60_000);
    const admission = admissionOf(answer, longest);
    if (admission === undefined) {
      this.setAside(new BrokenStoreAnswer());
      return;
    }
    this.restored();
    if (this.line[0] !== head) {
      // Aborted while the store answered: the slot is not used.
      if (admission === "granted") this.settle(request);
      return;
    }
    if (admission === "granted") {
      this.line.shift();
      head.stopListening?.();
      head.resolve(() => this.settle(request));
      return;
    }
    // The head's abort ends the wait; the next in line then asks.
    await this.config
      .sleep(Math.max(MIN_POLL_MS, storePollMs(admission, this.config.windowMs, this.config.allowance)), head.signal)
      .catch(() => undefined);
  }

  /** Reports a slot's answer to the store; the store's failure, thrown or rejected, is never the call's. */
  private settle(request: AdmissionRequest): void {
    try {
      void Promise.resolve(this.config.store.settle(request)).catch(() => undefined);
    } catch {
      // The slot then counts until its lease ends, as a crashed process's would.
    }
  }

  /** The store's answer, or a StoreTimeout after storeTimeoutMs; `late` sees an answer that came after. */
  private ask<T>(question: () => Promise<T>, late?: (answer: T) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const timer = setTimeout(() => {
        done = true;
        reject(new StoreTimeout(`no answer within ${this.config.storeTimeoutMs} ms`));
      }, this.config.storeTimeoutMs);
      let pending: Promise<T>;
      try {
        pending = question();
      } catch (error) {
        pending = Promise.reject(error);
      }
      pending.then(
        (answer) => {
          clearTimeout(timer);
          if (done) late?.(answer);
          else resolve(answer);
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (!done) reject(error);
        },
      );
    });
  }

  private setAside(error: unknown): void {
    const wasShared = this.retryAt === undefined;
    this.retryAt = this.config.now() + this.config.retryStoreMs;
    if (wasShared && this.config.logger) {
      const reason = reasonOf(error);
      emit(
        this.config.logger,
        "warn",
        `partner-center: the shared rate-limit store is unavailable (${reason}): pacing at this process's share, ${this.config.localAllowance} per ${this.config.windowMs} ms, until it answers again`,
        { reason, localAllowance: this.config.localAllowance, windowMs: this.config.windowMs },
      );
    }
  }

  private restored(): void {
    if (this.retryAt === undefined) return;
    this.retryAt = undefined;
    if (this.config.logger)
      emit(
        this.config.logger,
        "info",
        "partner-center: the shared rate-limit store answers again: pacing is shared",
        {},
      );
  }
}
