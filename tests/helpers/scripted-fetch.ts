// A fetch that answers from a script, one step per request, and records what it was sent, in
// the manner of openapi-fetch's createObservedClient: no mocking library, one instance per test.

export type Step = Response | Error | "hang" | ((request: Request) => Response | Promise<Response>);

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface ScriptedFetch {
  fetch: (input: string | Request, init?: RequestInit) => Promise<Response>;
  sent: SentRequest[];
}

export function scriptedFetch(...steps: Step[]): ScriptedFetch {
  const sent: SentRequest[] = [];
  const fetch = async (input: string | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = request.body ? await request.clone().text() : "";
    sent.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body,
    });
    const step = steps.shift();
    if (step === undefined) throw new Error(`unexpected request ${request.method} ${request.url}`);
    if (step === "hang") {
      return new Promise<Response>((_resolve, reject) => {
        if (request.signal.aborted) reject(request.signal.reason);
        request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
      });
    }
    if (step instanceof Error) throw step;
    return typeof step === "function" ? step(request) : step;
  };
  return { fetch, sent };
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

/** What undici throws when the connection drops. */
export function networkError(code = "ECONNRESET"): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(`read ${code}`), { code }) });
}

export const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";

export const ORDER = {
  id: "Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1",
  lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }],
  status: "pending",
};
