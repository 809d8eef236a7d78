// Types of redis-process.mjs, for the tests written in TypeScript.
export declare const HOW: string;
export declare const REDIS_SERVER: string | undefined;
export declare function startRedis(): Promise<{
  readonly socket: string;
  readonly pid: number;
  pause(): void;
  resume(): void;
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}>;
