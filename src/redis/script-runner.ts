// Runs the limiter's script on whichever Redis client the caller has: ioredis (or iovalkey), node
// redis (@redis/client), or a function of your own. EVALSHA first, so only the script's hash
// travels; when Redis has lost the script (a restart, SCRIPT FLUSH, a failover) it answers
// NOSCRIPT, and the script is sent whole once with EVAL, which loads it again.
import { createHash } from "node:crypto";

/** Runs a Lua script by its SHA-1 (EVALSHA) or whole (EVAL). */
export interface ScriptCalls {
  evalsha(sha: string, keys: string[], args: string[]): Promise<unknown>;
  eval(script: string, keys: string[], args: string[]): Promise<unknown>;
}

/** ioredis and iovalkey (told apart by their defineCommand): `evalsha(sha, numkeys, ...keys, ...args)`. */
interface IoRedisLike {
  evalsha(sha: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
}

/** node redis 4 and later: `evalSha(sha, { keys, arguments })`. */
interface NodeRedisLike {
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** A Redis client the store takes. */
export type RedisClientLike = IoRedisLike | NodeRedisLike | ScriptCalls;

const has = (value: unknown, name: string) =>
  value !== null && typeof value === "object" && typeof (value as Record<string, unknown>)[name] === "function";

/** The two script calls of a client, or undefined when it is none of the kinds taken. */
export function scriptCallsOf(client: unknown): ScriptCalls | undefined {
  if (has(client, "evalSha") && has(client, "eval")) {
    const redis = client as NodeRedisLike;
    return {
      evalsha: (sha, keys, args) => redis.evalSha(sha, { keys, arguments: args }),
      eval: (script, keys, args) => redis.eval(script, { keys, arguments: args }),
    };
  }
  if (has(client, "defineCommand") && has(client, "evalsha") && has(client, "eval")) {
    const redis = client as IoRedisLike;
    return {
      evalsha: (sha, keys, args) => redis.evalsha(sha, keys.length, ...keys, ...args),
      eval: (script, keys, args) => redis.eval(script, keys.length, ...keys, ...args),
    };
  }
  if (has(client, "evalsha") && has(client, "eval")) return client as ScriptCalls;
  return undefined;
}

/** Runs `script` by its hash, loading it with EVAL when Redis answers NOSCRIPT. */
export function scriptRunner(calls: ScriptCalls, script: string): (keys: string[], args: string[]) => Promise<unknown> {
  const sha = createHash("sha1").update(script).digest("hex");
  return async (keys, args) => {
    try {
      return await calls.evalsha(sha, keys, args);
    } catch (error) {
      if (!/NOSCRIPT/i.test(String((error as { message?: unknown })?.message ?? error))) throw error;
      return calls.eval(script, keys, args);
    }
  };
}
