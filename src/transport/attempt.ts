// One attempt: a transport sends the call and reads its whole answer, under the attempt's own
// timeout, linked to the caller's signal, covering everything from sending to the last byte.

import { AttemptAbort } from "../internal/fast/attempt-abort";
import { deadline } from "../internal/fast/deadlines";
import { onAbort } from "../internal/async/on-abort";
import type { Outgoing } from "../internal/fast/outgoing";

/** Thrown when an attempt outlives its timeout; the retry loop treats it like a network error. */
export class AttemptTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`attempt timed out after ${timeoutMs} ms`);
    this.name = "AttemptTimeoutError";
  }
}

/** An answer read whole. */
export interface Received {
  status: number;
  statusText: string;
  headers: Headers;
  body: Uint8Array;
  /** A 3xx (or a browser's opaque redirect), not followed. */
  redirect: boolean;
}

export interface AttemptLimits {
  /** 0 means no attempt timeout. */
  timeoutMs: number;
  maxResponseBytes: number;
}

/**
 * Moves one attempt's bytes: sends `call`, reads its whole answer (refusing one past
 * `maxResponseBytes` with ResponseTooLargeError), never follows a redirect, and stops what it is
 * waiting for when `attempt` is aborted.
 */
export type AttemptTransport = (call: Outgoing, attempt: AttemptAbort, maxResponseBytes: number) => Promise<Received>;

/**
 * Sends `call` once. Rejects with the caller's abort reason if the caller aborts, with
 * AttemptTimeoutError on timeout, else as the transport does.
 */
export async function sendAttempt(
  transport: AttemptTransport,
  call: Outgoing,
  limits: AttemptLimits,
): Promise<Received> {
  const caller = call.signal;
  if (caller?.aborted) throw caller.reason;
  const attempt = new AttemptAbort();
  const stopListening = caller && onAbort(caller, (reason) => attempt.abort(reason));
  const timeoutMs = limits.timeoutMs;
  const timeout =
    timeoutMs > 0 ? deadline(timeoutMs, () => attempt.abort(new AttemptTimeoutError(timeoutMs))) : undefined;
  try {
    return await transport(call, attempt, limits.maxResponseBytes);
  } catch (error) {
    throw attempt.aborted ? attempt.reason : error;
  } finally {
    timeout?.clear();
    stopListening?.();
  }
}
