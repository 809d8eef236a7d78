import { CLOUDS } from "../../src/clouds";
import { isPartnerCenterValidationError, type PartnerCenterValidationError } from "../../src/errors";
import { DEFAULT_TIMEOUT_MS, type ClientOptions } from "../../src/options";
import { resolveOptions } from "../../src/resolve-options";

function problemsOf(options: unknown): string[] {
  try {
    resolveOptions(options as ClientOptions);
  } catch (error) {
    if (isPartnerCenterValidationError(error)) {
      return (error as PartnerCenterValidationError).problems.map((p) => `${p.path} ${p.message}`);
    }
    throw error;
  }
  return [];
}

describe("resolveOptions", () => {
  it("defaults to the global cloud, 3 retries and a 60 s attempt timeout", () => {
    const resolved = resolveOptions({ credential: "t" });
    expect(resolved.baseUrl).toBe(CLOUDS.global.baseUrl);
    expect(resolved.policy.maxRetries).toBe(3);
    expect(resolved.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(resolved.headers).toEqual({
      Accept: "application/json",
      "MS-Contract-Version": "v1",
      "User-Agent": expect.any(String),
    });
  });

  it("says who is calling in User-Agent: the package, its version and the runtime, then the application", () => {
    const version = require("../../package.json").version as string;
    const runtime = `node/${process.versions.node}`;
    expect(resolveOptions({ credential: "t" }).headers["User-Agent"]).toBe(
      `partner-center-orders/${version} (${runtime})`,
    );
    expect(resolveOptions({ credential: "t", applicationName: "Contoso sync" }).headers["User-Agent"]).toBe(
      `partner-center-orders/${version} (${runtime}) Contoso sync`,
    );
  });

  it("picks the 21Vianet host for the china cloud", () => {
    expect(resolveOptions({ credential: "t", cloud: "china" }).baseUrl).toBe(CLOUDS.china.baseUrl);
  });

  it("lets baseUrl override the cloud and drops a trailing slash", () => {
    expect(resolveOptions({ credential: "t", cloud: "china", baseUrl: "https://mock.test/v1/" }).baseUrl).toBe(
      "https://mock.test/v1",
    );
  });

  it.each(["http://localhost:4010", "http://127.0.0.1:4010", "http://[::1]:4010"])(
    "allows http for loopback %s",
    (baseUrl) => {
      expect(problemsOf({ credential: "t", baseUrl })).toEqual([]);
    },
  );

  it.each([
    "http://api.partnercenter.microsoft.com/v1",
    "http://10.0.0.5",
    "ftp://x.test",
    "not a url",
    "https://x.test/v1?a=1",
  ])("refuses the baseUrl %s", (baseUrl) => {
    expect(problemsOf({ credential: "t", baseUrl })).toEqual([expect.stringMatching(/^options\.baseUrl /)]);
  });

  it.each(["https://user:hunter2@pc.test/v1", "http://user:hunter2@127.0.0.1:4010/v1", "https://hunter2@pc.test/v1"])(
    "refuses a baseUrl carrying credentials (%s) without repeating them",
    (baseUrl) => {
      const problems = problemsOf({ credential: "t", baseUrl });
      expect(problems).toEqual([expect.stringMatching(/^options\.baseUrl .*user name or password/)]);
      expect(problems.join()).not.toContain("hunter2");
    },
  );

  it("sends applicationName and locale as headers", () => {
    expect(resolveOptions({ credential: "t", applicationName: "Contoso sync", locale: "fr-FR" }).headers).toMatchObject(
      {
        "MS-PartnerCenter-Application": "Contoso sync",
        "X-Locale": "fr-FR",
      },
    );
  });

  it("lists every problem at once, header values with CR or LF included", () => {
    expect(
      problemsOf({
        credential: "",
        cloud: "mars",
        maxRetries: -1,
        timeoutMs: 1.5,
        applicationName: "evil\r\nX-Injected: 1",
        locale: "",
        logger: {},
        fetch: "no",
      }),
    ).toEqual([
      "options.credential must not be empty",
      "options.cloud must be one of global, usgov, china, got mars",
      "options.maxRetries must be a whole number from 0 to 10, got -1",
      "options.timeoutMs must be a whole number of milliseconds from 0 to 2147483647 (0 for none), got 1.5",
      "options.fetch must be a function",
      "options.logger must have an info(message) method",
      "options.applicationName must not contain CR, LF or other control characters",
      'options.locale must match ^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$, got ""',
    ]);
  });

  it("refuses a credential of the wrong shape", () => {
    expect(problemsOf({ credential: { token: "x" } })).toEqual([
      "options.credential must be a token string, a function returning one, or an object with getToken(scopes)",
    ]);
  });

  it("refuses a token with a line break, saying where without showing it", () => {
    expect(problemsOf({ credential: "abc\ndef" })).toEqual([
      "options.credential is not a token that can be sent: character 4 of 7 is a control character (U+000A), which cannot be sent in an Authorization header",
    ]);
  });

  it("refuses a missing options object", () => {
    expect(problemsOf(undefined)).toEqual(["options must be an object with a credential"]);
  });
});
