// The Redis store against a real redis-server: a sliding window on the server's clock, slots that
// count until a window after their answer, leases that free a dead worker's slots, a shared pause,
// keys in one hash slot that expire when idle, and the script reloaded after Redis lost it.
import { createHash } from "node:crypto";
import Redis from "ioredis";
import { createClient } from "redis";
import { perCustomer, redisRateLimitStore, SLIDING_WINDOW_SCRIPT } from "../../src/redis";
import type { AdmissionRequest } from "../../src/rate-limit/rate-limit-store";
import { describeWithRedis, startRedis, type RedisProcess } from "../helpers/redis-server";

const slot = (over: Partial<AdmissionRequest> = {}): AdmissionRequest => ({
  limit: 3,
  windowMs: 400,
  leaseMs: 300,
  leaseId: crypto.randomUUID(),
  ...over,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithRedis("redisRateLimitStore on a real Redis", () => {
  let server: RedisProcess;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedis();
    redis = new Redis({ path: server.socket, lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
  });
  afterAll(async () => {
    redis.disconnect();
    await server.stop();
  });
  beforeEach(() => redis.flushall());

  it("admits `limit` slots in a window, then says how long until the first one ends", async () => {
    const store = redisRateLimitStore(redis, { key: "tenant-a" });
    for (let i = 0; i < 3; i++) expect(await store.admit(slot())).toEqual({ granted: true });
    const refused = await store.admit(slot());
    expect(refused).toMatchObject({ granted: false });
    // Held slots end a lease and a window from now, on Redis's clock.
    expect((refused as { waitMs: number }).waitMs).toBeGreaterThan(600);
    expect((refused as { waitMs: number }).waitMs).toBeLessThanOrEqual(700);
  });

  it("counts an answered slot until a window after its answer, and no longer", async () => {
    const store = redisRateLimitStore(redis, { key: "tenant-a" });
    const held = [slot(), slot(), slot()];
    for (const s of held) await store.admit(s);
    for (const s of held) await store.settle(s);
    const refused = (await store.admit(slot())) as { waitMs: number };
    expect(refused.waitMs).toBeLessThanOrEqual(400);
    await sleep(refused.waitMs + 20);
    expect(await store.admit(slot())).toEqual({ granted: true });
  });

  it("gives a slot whose answer never comes (its worker died) back after its lease and a window", async () => {
    const store = redisRateLimitStore(redis, { key: "tenant-a" });
    for (let i = 0; i < 3; i++) await store.admit(slot({ leaseMs: 100, windowMs: 100 }));
    expect(await store.admit(slot({ leaseMs: 100, windowMs: 100 }))).toMatchObject({ granted: false });
    await sleep(230);
    expect(await store.admit(slot({ leaseMs: 100, windowMs: 100 }))).toEqual({ granted: true });
  });

  it("pauses every admission of the key until a 429's Retry-After has passed", async () => {
    const store = redisRateLimitStore(redis, { key: "tenant-a" });
    const pausedAt = Date.now();
    await store.pause(300, {});
    const paused = (await store.admit(slot())) as { granted: false; waitMs: number };
    expect(paused.granted).toBe(false);
    // What is left of the 300 ms, however long the two calls took on a loaded machine (249 ms was
    // left once in a CI run, where a fixed 250 ms bound failed); a few ms for rounding.
    expect(paused.waitMs).toBeGreaterThanOrEqual(300 - (Date.now() - pausedAt) - 5);
    expect(paused.waitMs).toBeLessThanOrEqual(300);
    await store.pause(50, {}); // a shorter pause never shortens a longer one
    expect(await store.admit(slot())).toMatchObject({ granted: false });
    await sleep(paused.waitMs + 20);
    expect(await store.admit(slot())).toEqual({ granted: true });
  });

  it("keeps a key's two Redis keys in one Cluster hash slot, expiring when idle", async () => {
    const store = redisRateLimitStore(redis, { key: "tenant-a" });
    await store.admit(slot());
    await store.pause(100, {});
    const keys = (await redis.keys("*")).sort();
    expect(keys).toEqual(["{pc-orders:tenant-a}:pause", "{pc-orders:tenant-a}:window"]);
    expect(
      new Set(await Promise.all(keys.map((k) => redis.call("CLUSTER", "KEYSLOT", k).catch(() => hashSlotFallback(k)))))
        .size,
    ).toBe(1);
    const ttl = await redis.pttl("{pc-orders:tenant-a}:window");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(300 + 400 + 1_000);
    await sleep(1_200);
    expect(await redis.exists("{pc-orders:tenant-a}:pause")).toBe(0);
  });

  it("keys one window per partner tenant, and per customer with perCustomer", async () => {
    const tenant = redisRateLimitStore(redis, { key: "tenant-a" });
    const other = redisRateLimitStore(redis, { key: "tenant-b" });
    const customers = redisRateLimitStore(redis, { key: perCustomer("tenant-a") });
    for (let i = 0; i < 3; i++) await tenant.admit(slot());
    expect(await tenant.admit(slot())).toMatchObject({ granted: false });
    expect(await other.admit(slot())).toEqual({ granted: true });
    for (let i = 0; i < 3; i++) await customers.admit(slot({ customerId: "c1" }));
    expect(await customers.admit(slot({ customerId: "c1" }))).toMatchObject({ granted: false });
    expect(await customers.admit(slot({ customerId: "c2" }))).toEqual({ granted: true });
  });

  it("loads the script again when Redis has lost it (SCRIPT FLUSH answers NOSCRIPT to EVALSHA)", async () => {
    const store = redisRateLimitStore(redis, { key: "tenant-a" });
    await store.admit(slot());
    await redis.script("FLUSH");
    expect(await store.admit(slot())).toEqual({ granted: true });
    const [loaded] = (await redis.script("EXISTS", sha1(SLIDING_WINDOW_SCRIPT))) as number[];
    expect(loaded).toBe(1);
  });

  it("works the same through node redis", async () => {
    const client = createClient({ socket: { path: server.socket, tls: false } });
    await client.connect();
    try {
      const store = redisRateLimitStore(client, { key: "tenant-a" });
      for (let i = 0; i < 3; i++) expect(await store.admit(slot())).toEqual({ granted: true });
      expect(await store.admit(slot())).toMatchObject({ granted: false });
      await client.scriptFlush();
      await store.pause(10, {});
    } finally {
      await client.quit();
    }
  });

  it("refuses what is not a Redis client, and a key that would split the hash tag", () => {
    expect(() => redisRateLimitStore({} as never, { key: "t" })).toThrow(/client must be an ioredis/);
    expect(() => redisRateLimitStore(redis, { key: "a}b" })).toThrow(/options.key must be 1 to 200 printable ASCII/);
    expect(() => redisRateLimitStore(redis, { key: "" })).toThrow(/options.key/);
  });

  it("fails a call, to be set aside by the client, when a key function answers a bad key", async () => {
    const store = redisRateLimitStore(redis, { key: () => "{bad}" });
    await expect(store.admit(slot())).rejects.toThrow(/the key must be/);
  });
});

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** CLUSTER KEYSLOT needs cluster mode; without it, the slot is the CRC16 of the hash tag, computed here. */
function hashSlotFallback(key: string): number {
  const open = key.indexOf("{");
  const close = key.indexOf("}", open + 1);
  const tag = open !== -1 && close > open + 1 ? key.slice(open + 1, close) : key;
  let crc = 0;
  for (const byte of Buffer.from(tag)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16_384;
}
