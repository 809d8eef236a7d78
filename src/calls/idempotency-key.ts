// An idempotency key, as a caller's job queue has one for each purchase: the MS-RequestId derived
// from it as a name-based UUID (RFC 9562 version 5, SHA-1) over the key, the operation and the
// customer, so that the same key sends the same id from any process, after any restart, and the
// service answers a re-sent create as the first (if it still remembers the id: its retention is
// undocumented). Web Crypto, so that every runtime the client runs on computes the same id.

/** This package's namespace for the ids it derives (a fixed, random UUID). */
export const IDEMPOTENCY_NAMESPACE = "3c0ae6d5-2f44-4d38-9c1a-7f6f24a0c8d1";

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** The version 5 UUID of `name` in `namespace`. */
export async function uuidV5(namespace: string, name: string): Promise<string> {
  const ns = Uint8Array.from(
    namespace
      .replace(/-/g, "")
      .match(/../g)!
      .map((pair) => parseInt(pair, 16)),
  );
  const text = new TextEncoder().encode(name);
  const input = new Uint8Array(ns.length + text.length);
  input.set(ns);
  input.set(text, ns.length);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-1", input)).slice(0, 16);
  digest[6] = (digest[6]! & 0x0f) | 0x50;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const h = hex(digest);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The MS-RequestId for `key` on `operationId` for `customerId` (customer ids match in any casing). */
export function requestIdFor(key: string, operationId: string, customerId: string): Promise<string> {
  return uuidV5(IDEMPOTENCY_NAMESPACE, JSON.stringify([operationId, customerId.toLowerCase(), key]));
}

/** JSON with every object's keys sorted: one text for one value, however its keys were ordered. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .filter((k) => record[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** A SHA-256 digest of the canonical JSON of `value`, as hex. */
export async function bodyDigest(value: unknown): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonicalJson(value)))));
}

/**
 * The bodies sent under each derived id by one client, so that a key reused for another body is
 * refused before it is sent. Bounded: the oldest is forgotten past `limit`.
 */
export class KeyedBodies {
  private readonly digests = new Map<string, string>();

  constructor(private readonly limit = 10_000) {}

  /** Whether `requestId` was used for another body; records it otherwise. */
  conflicts(requestId: string, digest: string): boolean {
    const known = this.digests.get(requestId);
    if (known !== undefined) return known !== digest;
    if (this.digests.size >= this.limit) this.digests.delete(this.digests.keys().next().value!);
    this.digests.set(requestId, digest);
    return false;
  }
}
