// A Response for an answer the client has already read whole (each attempt reads its body inside
// its timeout). It is a real Response (instanceof, status, headers, clone, body stream), but reads
// its body from the bytes it holds: building a Response around the bytes and streaming them out
// again cost 21 us per call, this costs about 1.
import type { Received } from "../../transport/attempt";

const NULL_BODY = new Set([101, 204, 205, 304]);
const decoder = new TextDecoder();

// undici's types declare Response's members as properties; the class overrides them at run time.
const ResponseBase = Response as unknown as new (
  body: null,
  init: ResponseInit,
) => { readonly status: number; readonly statusText: string; readonly headers: Headers };

export class BufferedResponse extends ResponseBase {
  readonly #bytes: Uint8Array | null;
  #used = false;
  #stream: ReadableStream<Uint8Array> | null | undefined;

  constructor(bytes: Uint8Array | null, init: ResponseInit) {
    super(null, init);
    this.#bytes = NULL_BODY.has(this.status) ? null : bytes;
  }

  /** The answer as a Response. */
  static from(received: Received): Response {
    return new BufferedResponse(received.body, {
      status: received.status,
      statusText: received.statusText,
      headers: received.headers,
    }) as unknown as Response;
  }

  get body(): ReadableStream<Uint8Array> | null {
    const bytes = this.#bytes;
    if (bytes === null) return null;
    this.#stream ??= new ReadableStream<Uint8Array>({
      pull: (controller) => {
        this.#used = true;
        if (bytes.byteLength) controller.enqueue(bytes);
        controller.close();
      },
    });
    return this.#stream;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  /** The bytes, once: a body read twice fails as a Response's does. */
  #take(): Promise<Uint8Array> {
    if (this.#used || this.#stream?.locked)
      return Promise.reject(new TypeError("Body is unusable: Body has already been read"));
    this.#used = true;
    return Promise.resolve(this.#bytes ?? new Uint8Array(0));
  }

  text(): Promise<string> {
    return this.#take().then((bytes) => decoder.decode(bytes));
  }

  // Response's own signature: a caller of Response.json() expects any.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): Promise<any> {
    return this.text().then((text): unknown => JSON.parse(text));
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#take().then((bytes) => bytes.slice().buffer);
  }

  bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#take().then((bytes) => bytes.slice());
  }

  blob(): Promise<Blob> {
    return this.#take().then((bytes) => new Blob([bytes], { type: this.headers.get("content-type") ?? "" }));
  }

  formData(): Promise<FormData> {
    return this.#take().then((bytes) => new Response(bytes, { headers: this.headers }).formData());
  }

  clone(): Response {
    if (this.#used || this.#stream?.locked) throw new TypeError("Response.clone: Body has already been consumed.");
    return new BufferedResponse(this.#bytes, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    }) as unknown as Response;
  }
}
