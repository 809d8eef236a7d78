// The tests' redis-server (redis-process.mjs). Without one the tests are reported as not run,
// unless REDIS_TEST=required (as .ci/run sets), which makes a missing server a failure.
import { HOW, REDIS_SERVER, startRedis as start } from "./redis-process.mjs";

const REQUIRED = process.env.REDIS_TEST === "required";
/** Why the Redis tests do not run, or undefined when they do. */
export const NO_REDIS = REDIS_SERVER || REQUIRED ? undefined : `no redis-server found (${HOW}; CI requires it)`;

/** A redis-server of the tests' own: its socket and PID; pause (SIGSTOP), resume, kill (SIGKILL), restart, stop. */
export type RedisProcess = Awaited<ReturnType<typeof start>>;

export const startRedis = start;

/** A describe block that needs Redis; where there is none, one skipped test whose title says why (one `not run:` line). */
export function describeWithRedis(title: string, body: () => void): void {
  if (NO_REDIS) it.skip(`${title}: ${NO_REDIS}`, () => undefined);
  else describe(title, body);
}
