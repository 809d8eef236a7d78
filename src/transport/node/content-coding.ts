// Decoding an answer's body as fetch (undici) decodes it, for the node:http transport: every
// coding listed in Content-Encoding, last applied first; `deflate` with or without its zlib
// header; nothing decoded when any coding is unknown; at most five codings. Each step runs on
// zlib's thread pool and stops at the size cap, so a small bomb cannot grow past it.
import { ResponseTooLargeError } from "../read-body";

type Zlib = typeof import("node:zlib");
type Coding = "gzip" | "deflate" | "br";

/** Undici refuses more codings than this, as a cost bound; so does the client. */
export const MAX_CODINGS = 5;

/** The codings to undo, in the order to undo them, or why the answer cannot be read. */
export function codingsToUndo(header: string | undefined): Coding[] | { problem: string } {
  // Most answers name none: no split, map and filter for them.
  if (header === undefined || header === "") return [];
  const listed = header
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  if (listed.length > MAX_CODINGS)
    return { problem: `the answer lists ${listed.length} content codings; at most ${MAX_CODINGS} are decoded` };
  const codings: Coding[] = [];
  for (const coding of listed.reverse()) {
    if (coding === "gzip" || coding === "x-gzip") codings.push("gzip");
    else if (coding === "deflate" || coding === "br") codings.push(coding);
    // An unknown coding (identity included): fetch hands over the bytes as they came.
    else return [];
  }
  return codings;
}

/** A zlib stream starts with a CMF byte whose low bits name deflate (8); raw deflate does not. */
const hasZlibHeader = (body: Uint8Array) => body.length > 0 && (body[0]! & 0x0f) === 0x08;

function undo(zlib: Zlib, coding: Coding, body: Buffer, maxBytes: number): Promise<Buffer> {
  const options = { maxOutputLength: maxBytes };
  const run: (
    body: Buffer,
    options: { maxOutputLength: number },
    done: (error: Error | null, result: Buffer) => void,
  ) => void =
    coding === "gzip"
      ? zlib.gunzip
      : coding === "br"
        ? zlib.brotliDecompress
        : hasZlibHeader(body)
          ? zlib.inflate
          : zlib.inflateRaw;
  return new Promise((resolve, reject) =>
    run(body, options, (error, result) => {
      if (!error) return resolve(result);
      reject(
        (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? new ResponseTooLargeError(maxBytes) : error,
      );
    }),
  );
}

/** `body` with `codings` undone, refusing a result past `maxBytes`. */
export async function decodeBody(
  zlib: Zlib,
  codings: readonly Coding[],
  body: Buffer,
  maxBytes: number,
): Promise<Buffer> {
  let decoded = body;
  for (const coding of codings) decoded = await undo(zlib, coding, decoded, maxBytes);
  return decoded;
}
