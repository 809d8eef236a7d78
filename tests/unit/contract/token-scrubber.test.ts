// Every token the contract command's credential gives out is scrubbed from what it prints, whatever
// the credential's shape.
import type { TokenCredential } from "../../../src";
import { tokenScrubber } from "../../../src/contract/token-scrubber";

const echoed = (token: string) => `{"description":"token rejected: Bearer ${token}"}`;

describe("tokenScrubber", () => {
  it("scrubs a token given as a string, with or without its Bearer prefix", () => {
    expect(tokenScrubber("s3cret").scrub(echoed("s3cret"))).toBe(echoed("[redacted]"));
    expect(tokenScrubber("Bearer s3cret").scrub(echoed("s3cret"))).toBe(echoed("[redacted]"));
  });

  it("scrubs every token a function gave out, once it has given them", async () => {
    let n = 0;
    const scrubber = tokenScrubber(() => `token-${++n}`);
    expect(scrubber.scrub(echoed("token-1"))).toBe(echoed("token-1"));
    expect(await (scrubber.credential as () => Promise<string>)()).toBe("token-1");
    expect(await (scrubber.credential as () => Promise<string>)()).toBe("token-2");
    expect(scrubber.scrub(`${echoed("token-1")} ${echoed("token-2")}`)).toBe(`${echoed("[redacted]")} ${echoed("[redacted]")}`);
  });

  it("scrubs what a TokenCredential (@azure/identity's) gave out, and passes its answer on unchanged", async () => {
    const identity: TokenCredential = { getToken: async () => ({ token: "aad-token", expiresOnTimestamp: 1 }) };
    const scrubber = tokenScrubber(identity);
    expect(await (scrubber.credential as TokenCredential).getToken("scope")).toEqual({ token: "aad-token", expiresOnTimestamp: 1 });
    expect(scrubber.scrub(echoed("aad-token"))).toBe(echoed("[redacted]"));
  });
});
