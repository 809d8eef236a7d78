// A credential is a third party too: one that never answers cannot hang a call, the caller's
// signal ends the wait for a token, and a token that cannot be put in a header is reported
// without its value and not retried.
import { inspect } from "node:util";
import { createPartnerCenterClient } from "../../../src";
import { json, scriptedFetch } from "../../helpers/scripted-fetch";
import { failure } from "../../helpers/failure";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const SECRET = "eyJ0eXAiOiJKV1QifQ.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl";

describe("the credential's bounds", () => {
  it("ends a call whose credential never answers after tokenTimeoutMs, sending nothing", async () => {
    const script = scriptedFetch();
    const pc = createPartnerCenterClient({
      credential: () => new Promise<string>(() => undefined),
      tokenTimeoutMs: 200,
      fetch: script.fetch,
      baseUrl: "https://pc.test/v1",
    });
    const started = Date.now();
    const error = await failure(pc.orders.get(CUSTOMER, "o"));
    expect(error).toMatchObject({ code: "AUTHENTICATION_FAILED", isRetryable: false });
    expect(error.message).toMatch(/no token within 200 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(script.sent).toHaveLength(0);
  });

  it("stops waiting for a token when the caller aborts", async () => {
    const pc = createPartnerCenterClient({
      credential: () => new Promise<string>(() => undefined),
      baseUrl: "https://pc.test/v1",
      fetch: scriptedFetch().fetch,
    });
    const controller = new AbortController();
    const call = pc.orders.get(CUSTOMER, "o", { signal: controller.signal }).then(
      () => "resolved",
      (e: unknown) => e,
    );
    setTimeout(() => controller.abort(new Error("caller gave up")), 50);
    const outcome = await Promise.race([call, new Promise((r) => setTimeout(() => r("still pending"), 1_000))]);
    expect(outcome).not.toBe("still pending");
    expect(outcome).toMatchObject({ code: "ABORTED", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it("names the call and its ids on a credential's failure, with the identity library's reason", async () => {
    const pc = createPartnerCenterClient({
      credential: { getToken: async () => Promise.reject(new Error("AADSTS7000215: Invalid client secret provided.")) },
      baseUrl: "https://pc.test/v1",
      fetch: scriptedFetch().fetch,
    });
    const error = await failure(pc.orders.get(CUSTOMER, "o", { requestId: "1f0c4e4a-3a43-4b53-9c8f-6f8a1d6a2b10" }));
    expect(error).toMatchObject({
      code: "AUTHENTICATION_FAILED",
      requestId: "1f0c4e4a-3a43-4b53-9c8f-6f8a1d6a2b10",
      method: "GET",
    });
    expect(error.message).toMatch(
      /failed: the credential failed to get a token: AADSTS7000215: Invalid client secret provided\.$/,
    );
  });

  it.each([
    ["a line feed", `${SECRET}\nX-Injected: 1`],
    ["a carriage return", `${SECRET}\r`],
    ["a space", `${SECRET} ${SECRET}`],
    ["a non-ASCII character", `${SECRET}é`],
  ])("reports a token with %s without its value, and does not retry it", async (_what, token) => {
    const script = scriptedFetch(json(200, {}), json(200, {}));
    let asked = 0;
    const pc = createPartnerCenterClient({
      credential: () => (asked++, token),
      baseUrl: "https://pc.test/v1",
      fetch: script.fetch,
    });
    const error = await failure(pc.orders.get(CUSTOMER, "o"));
    expect(error).toMatchObject({ code: "AUTHENTICATION_FAILED", isRetryable: false });
    expect(error.message).toMatch(/character \d+ of \d+/);
    const shown = [
      error.message,
      error.stack,
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
    ].join("\n");
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain("c2VjcmV0LXBheWxvYWQ");
    expect(script.sent).toHaveLength(0);
    expect(asked).toBe(1);
  });
});

describe("a credential that throws what cannot be printed", () => {
  const unprintable: [string, () => unknown][] = [
    ["a null-prototype object", () => Object.create(null)],
    [
      "an object whose toString throws",
      () => ({
        toString: () => {
          throw new Error("no");
        },
      }),
    ],
    [
      "a Proxy that throws on every access",
      () =>
        new Proxy(
          {},
          {
            get: () => {
              throw new Error("trap");
            },
            getPrototypeOf: () => {
              throw new Error("trap");
            },
          },
        ),
    ],
    ["a Symbol", () => Symbol("s")],
  ];

  it.each(unprintable)(
    "is AUTHENTICATION_FAILED after one call when it throws %s, not retried",
    async (_what, thrown) => {
      let calls = 0;
      const script = scriptedFetch();
      const credential = () => {
        calls++;
        throw thrown();
      };
      const pc = createPartnerCenterClient({
        credential,
        fetch: script.fetch,
        baseUrl: "https://pc.test/v1",
        backoff: { baseDelayMs: 1, maxDelayMs: 1 },
      });
      const error = await failure(pc.orders.get(CUSTOMER, "o"));
      expect(error).toMatchObject({ code: "AUTHENTICATION_FAILED", isRetryable: false });
      expect(calls).toBe(1);
      expect(script.sent).toHaveLength(0);
    },
  );
});
