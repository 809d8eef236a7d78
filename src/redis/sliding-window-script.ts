// The one Lua script of the shared limiter. Every decision is taken inside Redis, atomically, on
// the server's clock (TIME): no worker's clock is read, so a worker whose clock is off changes
// nothing. Both keys share a Cluster hash tag ({...}), so the script runs in one slot, and both
// expire when idle. Redis 5 or later (effects replication, for TIME in a script that writes).
//
// KEYS[1] the window: a sorted set of slots, scored by when each stops counting.
// KEYS[2] the pause: when every worker may send again, after a 429.
// ARGV: op ("admit" | "settle" | "pause"), limit, windowMs, leaseMs, slot id, pauseMs.
// Answers { granted (0|1), wait in ms }.
export const SLIDING_WINDOW_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local op = ARGV[1]
local windowMs = tonumber(ARGV[3])
local leaseMs = tonumber(ARGV[4])
if op == 'pause' then
  local pauseMs = tonumber(ARGV[6])
  local current = tonumber(redis.call('GET', KEYS[2]) or '0')
  if now + pauseMs > current then redis.call('SET', KEYS[2], now + pauseMs, 'PX', pauseMs + 1000) end
  return {1, 0}
end
if op == 'settle' then
  -- A slot counts until a window after its answer, and never longer than its lease did.
  local ends = redis.call('ZSCORE', KEYS[1], ARGV[5])
  if ends and tonumber(ends) > now + windowMs then
    redis.call('ZADD', KEYS[1], now + windowMs, ARGV[5])
  end
  return {1, 0}
end
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return {0, paused - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  -- Held until the answer (settle), or for the lease if none comes: a dead worker's slot returns.
  redis.call('ZADD', KEYS[1], now + leaseMs + windowMs, ARGV[5])
  redis.call('PEXPIRE', KEYS[1], leaseMs + windowMs + 1000)
  return {1, 0}
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, math.max(1, tonumber(first[2]) - now)}
`;
