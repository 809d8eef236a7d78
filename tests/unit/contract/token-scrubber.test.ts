// Every token the contract command's credential gives out is scrubbed from what it prints, whatever
// the credential's shape.
import type { TokenCredential } from "../../../src";
import { tokenScrubber } from "../../../src/contract/token-scrubber";

const echoed = (token: string) => `{"description":"token rejected: Bearer ${token}"}`;

describe("tokenScrubber", () => {
  it("scrubs a token given as a string, with or without its Bearer prefix", () => {
    expect(tokenScrubber("s3cret-token").scrub(echoed("s3cret-token"))).toBe(echoed("[redacted]"));
    expect(tokenScrubber("Bearer s3cret-token").scrub(echoed("s3cret-token"))).toBe(echoed("[redacted]"));
  });

  it("scrubs every token a function gave out, once it has given them", async () => {
    let n = 0;
    const scrubber = tokenScrubber(() => `token-number-${++n}`);
    expect(scrubber.scrub(echoed("token-number-1"))).toBe(echoed("token-number-1"));
    expect(await (scrubber.credential as () => Promise<string>)()).toBe("token-number-1");
    expect(await (scrubber.credential as () => Promise<string>)()).toBe("token-number-2");
    expect(scrubber.scrub(`${echoed("token-number-1")} ${echoed("token-number-2")}`)).toBe(
      `${echoed("[redacted]")} ${echoed("[redacted]")}`,
    );
  });

  it("scrubs what a TokenCredential (@azure/identity's) gave out, and passes its answer on unchanged", async () => {
    const identity: TokenCredential = { getToken: async () => ({ token: "aad-token", expiresOnTimestamp: 1 }) };
    const scrubber = tokenScrubber(identity);
    expect(await (scrubber.credential as TokenCredential).getToken("scope")).toEqual({
      token: "aad-token",
      expiresOnTimestamp: 1,
    });
    expect(scrubber.scrub(echoed("aad-token"))).toBe(echoed("[redacted]"));
  });
});

describe("tokenScrubber, given echoes in part and short tokens", () => {
  const TOKEN = `eyJ0eXAiOiJKV1QifQ.${"c2VjcmV0".repeat(8)}.c2lnbmF0dXJl`;

  it("scrubs any 16 or more characters of a token in a row, wherever the echo was cut", () => {
    const scrubber = tokenScrubber(TOKEN);
    expect(scrubber.scrub(`a ${TOKEN.slice(0, 40)}`)).toBe("a [redacted]");
    expect(scrubber.scrub(`${TOKEN.slice(30, 70)} b`)).toBe("[redacted] b");
    expect(scrubber.scrub(`${TOKEN.slice(0, 15)}`)).toBe(TOKEN.slice(0, 15));
  });

  it("leaves text alone for a token too short to be a secret, such as a mock's", () => {
    const scrubber = tokenScrubber("x");
    expect(scrubber.scrub('<?xml version="1.0"?> order x1')).toBe('<?xml version="1.0"?> order x1');
  });
});
