// Secrets an identity library or a server may quote never reach a message of ours, and taking
// them out costs time linear in the text, whatever the text is.
import { runIsolated } from "../../helpers/isolated";
import { COSTLY_INPUTS } from "../../helpers/costly-inputs";
import { redactSecrets } from "../../../src/internal/redact";

const JWT = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ0b3Atc2VjcmV0In0.c2lnbmF0dXJlLXNlY3JldA";

describe("redactSecrets", () => {
  it("takes out a JWT, a bearer value and secret parameters, keeping what names them", () => {
    expect(redactSecrets(`token ${JWT} was refused`)).toBe("token [redacted] was refused");
    expect(redactSecrets("Authorization: Bearer abc.def")).toBe("Authorization: Bearer [redacted]");
    expect(redactSecrets("client_secret=s3cr3t&refresh_token=rt&scope=x")).toBe(
      "client_secret=[redacted]&refresh_token=[redacted]&scope=x",
    );
  });

  it("finds a JWT glued to other text after a separator", () => {
    expect(redactSecrets(`(${JWT})`)).toBe("([redacted])");
    expect(redactSecrets(`x=${JWT}`)).toBe("x=[redacted]");
  });
});

describe("costs an attacker cannot grow past linear", () => {
  // Each ran for seconds to minutes before (quadratic time, or a full edit-distance matrix);
  // linear, each takes well under a second even on a loaded 2-core machine.
  it.each(COSTLY_INPUTS)(
    "handles %s in bounded time",
    async (name) => {
      await expect(
        runIsolated(require.resolve("../../helpers/costly-inputs"), name, { timeoutMs: 20_000 }),
      ).resolves.toBeDefined();
    },
    30_000,
  );
});
