// A RateLimitStore on Redis: one sliding window per key, shared by every process that uses the
// same key, on the server's clock, with leases and a shared 429 pause (sliding-window-script.ts).
import type { AdmissionAnswer, AdmissionRequest, RateLimitStore } from "../rate-limit/rate-limit-store";
import { PartnerCenterValidationError } from "../errors";
import { sharedStore } from "../rate-limit/shared-store";
import { scriptCallsOf, scriptRunner, type RedisClientLike } from "./script-runner";
import { SLIDING_WINDOW_SCRIPT } from "./sliding-window-script";

export interface RedisRateLimitStoreOptions {
  /**
   * The quota's name. Partner Center counts the Order resource per partner tenant: give your
   * partner tenant id, so that every worker of the tenant shares one window. For a limit per
   * partner and customer, a function of the request (`perCustomer(tenantId)`).
   */
  key: string | ((request: { customerId?: string | undefined }) => string);
  /** Prefix of the Redis keys. Default `pc-orders`. */
  prefix?: string | undefined;
}

/** A key per partner tenant and customer, for APIs Partner Center limits per customer too. */
export function perCustomer(partnerTenantId: string): (request: { customerId?: string | undefined }) => string {
  return ({ customerId }) => (customerId ? `${partnerTenantId}:${customerId}` : partnerTenantId);
}

/** A key part: printable ASCII without braces (they would split the Cluster hash tag), 1 to 200 characters. */
const KEY_PART = /^[\x21-\x7a\x7c\x7e]{1,200}$/;

function keyProblem(value: unknown, at: string): string | undefined {
  return typeof value === "string" && KEY_PART.test(value)
    ? undefined
    : `${at} must be 1 to 200 printable ASCII characters without spaces or braces`;
}

/**
 * The store for `createPartnerCenterClient({ rateLimit: { requestsPerMinute, store } })`. Takes an
 * ioredis or iovalkey client, a node redis client (connected), or `{ evalsha, eval }` of your own.
 */
export function redisRateLimitStore(client: RedisClientLike, options: RedisRateLimitStoreOptions): RateLimitStore {
  const calls = scriptCallsOf(client);
  const problems = [
    ...(calls
      ? []
      : [{ path: "client", message: "must be an ioredis, iovalkey or node redis client, or { evalsha, eval }" }]),
    ...(typeof options?.key === "function"
      ? []
      : [keyProblem(options?.key, "options.key")]
          .filter(Boolean)
          .map((message) => ({ path: "options.key", message: message! }))),
    ...(options?.prefix === undefined
      ? []
      : [keyProblem(options.prefix, "options.prefix")]
          .filter(Boolean)
          .map((message) => ({ path: "options.prefix", message: message! }))),
  ];
  if (problems.length) throw new PartnerCenterValidationError("redisRateLimitStore", problems);
  const run = scriptRunner(calls!, SLIDING_WINDOW_SCRIPT);
  const prefix = options.prefix ?? "pc-orders";

  /** The two keys of a request's window, in one hash slot. A key function's bad answer is the store failing. */
  const keysFor = (request: { customerId?: string | undefined }): string[] => {
    const name = typeof options.key === "function" ? options.key({ customerId: request.customerId }) : options.key;
    const problem = keyProblem(name, "the key");
    if (problem) throw new Error(`redisRateLimitStore: ${problem}`);
    return [`{${prefix}:${name}}:window`, `{${prefix}:${name}}:pause`];
  };
  const args = (op: string, request: Partial<AdmissionRequest>, pauseMs = 0) =>
    [op, request.limit ?? 0, request.windowMs ?? 0, request.leaseMs ?? 0, request.leaseId ?? "", pauseMs].map(String);

  // Carries the shared limiter, so that createPartnerCenterCore takes it as it is.
  return sharedStore({
    async admit(request): Promise<AdmissionAnswer> {
      const answer = await run(keysFor(request), args("admit", request));
      const [granted, waitMs] = Array.isArray(answer) ? answer.map(Number) : [];
      if (granted === 1) return { granted: true };
      if (granted === 0 && Number.isFinite(waitMs)) return { granted: false, waitMs: waitMs! };
      throw new Error("redisRateLimitStore: the script's answer is not { granted, wait }");
    },
    async settle(request) {
      await run(keysFor(request), args("settle", request));
    },
    async pause(ms, request) {
      await run(keysFor(request), args("pause", {}, Math.max(0, Math.ceil(ms))));
    },
  });
}
