// Reads an answer's whole body inside the attempt, so the attempt's timeout covers the last byte,
// and refuses one larger than the cap as soon as it is known to be, releasing its connection.
import type { AttemptAbort } from "../internal/fast/attempt-abort";

/** Thrown when an answer is larger than maxResponseBytes; not worth retrying. */
export class ResponseTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the answer is more than ${limit} bytes (maxResponseBytes)`);
    this.name = "ResponseTooLargeError";
  }
}

const EMPTY = new Uint8Array(0);

/** The body's bytes. Rejects with the attempt's reason when it aborts mid-read, even if the body ignores it. */
export async function readBody(response: Response, maxBytes: number, attempt: AttemptAbort): Promise<Uint8Array> {
  const declared = response.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(maxBytes);
  }
  if (!response.body) return EMPTY;
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  // A pending read ends when the reader is cancelled, whether or not the source heeds the signal.
  attempt.onAbort((reason) => void reader.cancel(reason).catch(() => undefined));
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (attempt.aborted) throw attempt.reason;
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new ResponseTooLargeError(maxBytes);
      }
      chunks.push(value);
    }
    if (chunks.length === 1) return chunks[0]!;
    const body = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return body;
  } finally {
    attempt.onAbort(undefined);
  }
}
