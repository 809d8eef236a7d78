// The contract command prints what servers answered, and a server (a mock especially) may echo the
// request's Authorization header back. So the credential notes every token it gives out, and
// everything printed or written has them taken out.
import { bareToken, type AccessToken, type Credential } from "../credential";

export interface TokenScrubber {
  /** The credential to give the client: the same tokens, each noted. */
  credential: Credential;
  /** `text` with every token given out so far shown as [redacted]. */
  scrub(text: string): string;
}

export function tokenScrubber(credential: Credential): TokenScrubber {
  const tokens = new Set<string>();
  const note = <T extends string | AccessToken | null>(token: T): T => {
    const text = token === null ? "" : bareToken(typeof token === "string" ? token : token.token);
    if (text) tokens.add(text);
    return token;
  };
  const noted: Credential =
    typeof credential === "string"
      ? note(credential)
      : typeof credential === "function"
        ? async () => note(await credential())
        : { getToken: async (scopes, options) => note(await credential.getToken(scopes, options)) };
  return {
    credential: noted,
    scrub: (text) => [...tokens].reduce((scrubbed, token) => scrubbed.split(token).join("[redacted]"), text),
  };
}
