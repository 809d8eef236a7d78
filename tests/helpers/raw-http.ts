// Raw bytes to a server and whatever comes back, for requests no HTTP client would send.
import { connect } from "node:net";

export interface RawResult {
  /** The status line's code, or undefined when the connection closed without an answer. */
  status?: number;
  body: string;
  /** Whether the server closed the connection. */
  closed: boolean;
}

/** The first final response in `text`, once it has arrived whole (Content-Length or chunked); 1xx are skipped. */
function firstResponse(text: string): { status: number; body: string } | undefined {
  while (/^HTTP\/1\.1 1\d\d /.test(text) && text.includes("\r\n\r\n")) text = text.slice(text.indexOf("\r\n\r\n") + 4);
  const end = text.indexOf("\r\n\r\n");
  if (end === -1) return undefined;
  const head = text.slice(0, end);
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  if (!status) return undefined;
  const rest = text.slice(end + 4);
  const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
  if (length !== undefined)
    return rest.length >= Number(length) ? { status, body: rest.slice(0, Number(length)) } : undefined;
  if (!/\r\ntransfer-encoding: *chunked/i.test(head))
    return status === 204 || status === 304 ? { status, body: "" } : undefined;
  let body = "";
  let at = 0;
  for (;;) {
    const lineEnd = rest.indexOf("\r\n", at);
    if (lineEnd === -1) return undefined;
    const size = parseInt(rest.slice(at, lineEnd), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return { status, body };
    if (rest.length < lineEnd + 2 + size) return undefined;
    body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}

/**
 * Writes `chunks` to `url`'s host and port (a number is a pause in milliseconds), then reads until
 * a whole response arrives, the server closes, or `waitMs` passes; `hangUp` closes from this side.
 */
export function raw(
  url: string,
  chunks: (string | Buffer | number)[],
  options: { waitMs?: number; hangUp?: boolean } = {},
): Promise<RawResult> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = "";
    let closed = false;
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      // An answer still incomplete (a HEAD's, which has no body) counts by its status line.
      const response = firstResponse(received);
      const status = response?.status ?? Number(/^HTTP\/1\.1 ([2-5]\d\d)/m.exec(received)?.[1] ?? NaN);
      resolve({ status: Number.isNaN(status) ? undefined : status, body: response?.body ?? "", closed });
    };
    const timer = setTimeout(done, options.waitMs ?? 2_000);
    socket.on("data", (data) => {
      received += data.toString("latin1");
      if (firstResponse(received)) done();
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      closed = true;
      done();
    });
    socket.on("connect", async () => {
      for (const chunk of chunks) {
        if (typeof chunk === "number") await new Promise((r) => setTimeout(r, chunk));
        else if (!socket.destroyed) socket.write(chunk);
      }
      if (options.hangUp) socket.destroy();
    });
  });
}
