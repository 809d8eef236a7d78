import type { ChildProcess } from "node:child_process";

export interface PrismOptions {
  port?: number;
  /** Proxy to this URL (validating against the spec) instead of mocking. */
  upstream?: string;
  args?: string[];
  timeoutMs?: number;
}

export interface RunningPrism {
  url: string;
  pid: number | undefined;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function startPrism(options?: PrismOptions): Promise<RunningPrism>;
export function freePort(): Promise<number>;
export function isFree(port: number): Promise<boolean>;
export const SPEC: string;
