// MS-RequestId idempotency, as a strict test double: a repeated id with the same request gets the
// first answer and changes nothing; the same id with another request is a bug in the caller's
// test (Stripe answers 400 to an idempotency key reused with other parameters), answered 409.
// Records expire after a retention, so a long test run does not grow without bound.
import { createHash } from "node:crypto";
import type { Answer } from "./answers";

/**
 * Partner Center does not publish how long it honours an MS-RequestId. The client's own retries
 * of one call span at most about 8 minutes (4 attempts of up to 60 s, waits of up to 60 s); ten
 * minutes covers those and a test that re-sends a call after a simulated restart, while a record
 * (about 2 kB, the first answer kept as it was) does not outlive what a test can need.
 */
export const DEFAULT_IDEMPOTENCY_RETENTION_MS = 10 * 60_000;

export interface RequestIdentity {
  method: string;
  path: string;
  /** The customer, lower-cased: GUIDs match in any casing. */
  customer: string;
  /** x-ms-customeruser-upn, lower-cased: another user is another purchase. */
  upn?: string;
  body: Buffer;
}

interface IdempotencyRecord {
  fingerprint: string;
  description: string;
  customer: string;
  /** The first answer, serialised, so a replay shows it as it was then. */
  answer: string;
  expiresAt: number;
}

export type Lookup = { kind: "new" } | { kind: "replay"; answer: Answer } | { kind: "conflict"; description: string };

export class IdempotencyRecords {
  // A Map iterates in insertion order, which is expiry order: expired records sit at the front.
  private readonly records = new Map<string, IdempotencyRecord>();

  constructor(
    private readonly retentionMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private sweep(): void {
    const time = this.now();
    for (const [key, record] of this.records) {
      if (record.expiresAt > time) break;
      this.records.delete(key);
    }
  }

  lookup(requestId: string, request: RequestIdentity): Lookup {
    this.sweep();
    const record = this.records.get(requestId.toLowerCase());
    if (!record) return { kind: "new" };
    if (record.fingerprint === fingerprint(request))
      return { kind: "replay", answer: JSON.parse(record.answer) as Answer };
    const where = record.customer === request.customer ? "" : ` for customer ${record.customer}`;
    return {
      kind: "conflict",
      description:
        `MS-RequestId ${requestId} was already used${where} for ${record.description}, and this request differs. ` +
        "Send the same MS-RequestId only to retry that call; a new call needs a new one.",
    };
  }

  remember(requestId: string, request: RequestIdentity, answer: Answer): void {
    const key = requestId.toLowerCase();
    this.records.delete(key);
    this.records.set(key, {
      fingerprint: fingerprint(request),
      description: `${request.method} ${request.path}`,
      customer: request.customer,
      answer: JSON.stringify(answer),
      expiresAt: this.now() + this.retentionMs,
    });
  }

  get size(): number {
    this.sweep();
    return this.records.size;
  }

  clear(): void {
    this.records.clear();
  }
}

function fingerprint(request: RequestIdentity): string {
  return createHash("sha256")
    .update(`${request.method} ${request.path}\n${request.upn ?? ""}\n`)
    .update(request.body)
    .digest("base64");
}
