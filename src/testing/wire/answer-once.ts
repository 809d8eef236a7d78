// A prepared request's answer under its MS-RequestId, as the service keeps them: the first answer
// again for a repeat, 409 for the id reused with another request, "in progress" while the first
// is still being answered (D39, D43), else the handler's, remembered. GETs are answered anew.
import type { IncomingMessage } from "node:http";
import { isInProgress } from "../../rules/in-progress";
import { errorAnswer, type Answer } from "./answers";
import { IdempotencyRecords, type RequestIdentity } from "./idempotency";

export interface OnceCounts {
  replays: number;
  conflicts: number;
  inProgress: number;
}

export class AnswerOnce {
  private readonly records: IdempotencyRecords;
  /** MS-RequestIds (lower-cased) whose first request is still being answered. */
  private readonly placing = new Set<string>();

  constructor(
    retentionMs: number,
    private readonly counts: OnceCounts,
    now: () => number = Date.now,
  ) {
    this.records = new IdempotencyRecords(retentionMs, now);
  }

  /** `handle()`'s answer, or what the id's history says instead; `inProgress` is the operation's "still working" answer. */
  async answer(
    request: IncomingMessage,
    url: URL,
    body: Buffer,
    inProgress: () => Answer,
    handle: () => Promise<Answer>,
  ): Promise<Answer> {
    const requestId = request.headers["ms-requestid"];
    if (typeof requestId !== "string" || !requestId || request.method === "GET") return handle();
    const identity = identityOf(request, url, body);
    const known = this.records.lookup(requestId, identity);
    if (known.kind === "replay") {
      this.counts.replays += 1;
      return known.answer;
    }
    if (known.kind === "conflict") {
      this.counts.conflicts += 1;
      return errorAnswer(409, 409, known.description);
    }
    const key = requestId.toLowerCase();
    if (this.placing.has(key)) {
      this.counts.inProgress += 1;
      return inProgress();
    }
    this.placing.add(key);
    let result: Answer;
    try {
      result = await handle();
    } finally {
      this.placing.delete(key);
    }
    // "Still being answered" (800060, 800064) is no answer to remember: a retry is answered anew.
    if (result.status < 500 && !isInProgress(result.status, result.body))
      this.records.remember(requestId, identity, result);
    return result;
  }

  clear(): void {
    this.records.clear();
  }
}

/** What makes two requests the same one: method, resource, customer, customer user and body. */
function identityOf(request: IncomingMessage, url: URL, body: Buffer): RequestIdentity {
  return {
    method: String(request.method),
    path: samePath(url),
    customer: customerOf(url.pathname),
    upn: String(request.headers["x-ms-customeruser-upn"] ?? "").toLowerCase(),
    body,
  };
}

/** A request's path and query as one resource: the customer's GUID in any casing, as the service matches it. */
function samePath(url: URL): string {
  return (
    url.pathname.replace(/(\/customers\/)([^/]+)/, (_m, prefix: string, id: string) => prefix + id.toLowerCase()) +
    url.search
  );
}

/** The customer a request is for, lower-cased (GUIDs match in any casing), from its path. */
function customerOf(pathname: string): string {
  return /\/customers\/([^/]+)/.exec(pathname)?.[1]?.toLowerCase() ?? "";
}
