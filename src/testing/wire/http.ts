// The fake's edge with the network: reading whatever arrives (targets that are not URLs, bodies
// that are too large or break off) and writing an answer to a socket that may be gone, without
// ever throwing into the process that hosts the fake.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { apiFault, type Answer } from "./answers";

/** The request target as a URL: origin-form (`/customers/...`, `//` included) or absolute-form. */
export function requestUrl(target: string | undefined): URL | undefined {
  if (!target) return undefined;
  const text = target.startsWith("/") ? `http://fake${target}` : target;
  return URL.canParse(text) ? new URL(text) : undefined;
}

export type BodyRead = { body: Buffer } | { tooLarge: true } | { gone: true };

/** The whole body, unless it is larger than `maxBytes` or the client goes away first. */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (result: BodyRead) => {
      request.off("data", onData).off("end", onEnd).off("error", onGone).off("close", onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        request.pause();
        return finish({ tooLarge: true });
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ body: Buffer.concat(chunks) });
    const onGone = () => finish({ gone: true });
    const onClose = () => !request.complete && finish({ gone: true });
    request.on("data", onData).on("end", onEnd).on("error", onGone).on("close", onClose);
  });
}

/** Writes `answer`, unless the socket is already gone. */
export function writeAnswer(response: ServerResponse, answer: Answer, headers: Record<string, string>): void {
  if (response.destroyed || response.headersSent) return;
  const raw = answer.body === undefined || typeof answer.body === "string" || Buffer.isBuffer(answer.body);
  const body = answer.body === undefined ? "" : raw ? (answer.body as string | Buffer) : JSON.stringify(answer.body);
  const type = raw ? {} : { "Content-Type": "application/json; charset=utf-8" };
  response.writeHead(answer.status, { ...headers, ...type, ...answer.headers });
  response.end(body);
}

/**
 * The answer to a request too malformed for the HTTP parser to hand over, or too slow to arrive:
 * written straight to the socket in the documented error shape, then the connection closes.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const timedOut = error.code === "ERR_HTTP_REQUEST_TIMEOUT";
  if (socket.writable && error.code !== "ECONNRESET") {
    const [status, reason] = timedOut ? [408, "Request Timeout"] : [400, "Bad Request"];
    const description = timedOut
      ? "The request did not arrive in time."
      : `The request could not be parsed (${error.code ?? "bad request"}).`;
    const body = JSON.stringify(apiFault(status, description));
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      () => socket.destroy(),
    );
    return;
  }
  socket.destroy();
}
