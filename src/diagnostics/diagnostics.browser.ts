// The browser and edge build's diagnostics: no node:diagnostics_channel there, so nothing is published.
import type { AttemptMessage, CallContext, PollMessage, WaitMessage } from "./diagnostics";

export type { AttemptMessage, CallContext, PollMessage, WaitMessage } from "./diagnostics";
export { CHANNELS } from "./channels";
export const tracingCalls = (): boolean => false;
export const traceCall = <T>(_context: CallContext, run: () => Promise<T>): Promise<T> => run();
export const observed = { attempt: (): boolean => false, wait: (): boolean => false, poll: (): boolean => false };
export const publishAttempt = (_message: AttemptMessage): void => undefined;
export const publishWait = (_message: WaitMessage): void => undefined;
export const publishPoll = (_message: PollMessage): void => undefined;
