// partner-center-orders/redis: one Partner Center quota shared by a fleet of workers through
// Redis. The client entry never imports this; ioredis or redis is the caller's (optional peers).
export { perCustomer, redisRateLimitStore, type RedisRateLimitStoreOptions } from "./redis-rate-limit-store";
export type { RedisClientLike, ScriptCalls } from "./script-runner";
export { SLIDING_WINDOW_SCRIPT } from "./sliding-window-script";
