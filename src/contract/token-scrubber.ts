// The contract command prints what servers answered, and a server (a mock especially) may echo the
// request's Authorization header back, whole or in part. So the credential notes every token it
// gives out, and every answer is scrubbed of them as it arrives, before any of it is cut, checked
// or printed; the report's own text is never touched.
import { bareToken, type AccessToken, type Credential } from "../credentials/credential";

export interface TokenScrubber {
  /** The credential to give the client: the same tokens, each noted. */
  credential: Credential;
  /** `text` (what a server sent) with every token given out so far, and every part of one, shown as [redacted]. */
  scrub(text: string): string;
}

/**
 * Shorter than this, a token is a mock's (`x`, `test-token`), not a secret, and scrubbing it would
 * mangle ordinary text; real Entra tokens are a kilobyte or more.
 */
export const MIN_SECRET_LENGTH = 8;
/** Any run of this many of a token's characters in a row counts as a part of it. */
export const PART_LENGTH = 16;

export function tokenScrubber(credential: Credential): TokenScrubber {
  const tokens = new Set<string>();
  // Every PART_LENGTH-character window of every long token: a server's echo cut anywhere still matches.
  const parts = new Set<string>();
  const note = <T extends string | AccessToken | null>(token: T): T => {
    const text = token === null ? "" : bareToken(typeof token === "string" ? token : token.token);
    if (text.length >= MIN_SECRET_LENGTH && !tokens.has(text)) {
      tokens.add(text);
      for (let i = 0; i + PART_LENGTH <= text.length; i++) parts.add(text.slice(i, i + PART_LENGTH));
    }
    return token;
  };
  const noted: Credential =
    typeof credential === "string"
      ? note(credential)
      : typeof credential === "function"
        ? async () => note(await credential())
        : { getToken: async (scopes, options) => note(await credential.getToken(scopes, options)) };
  return { credential: noted, scrub: (text) => scrubParts(scrubWhole(text, tokens), parts) };
}

function scrubWhole(text: string, tokens: ReadonlySet<string>): string {
  let scrubbed = text;
  for (const token of tokens) scrubbed = scrubbed.split(token).join("[redacted]");
  return scrubbed;
}

/** `text` with every stretch that windows of a token cover replaced, once: linear in the text. */
function scrubParts(text: string, parts: ReadonlySet<string>): string {
  if (parts.size === 0) return text;
  const ranges: [number, number][] = [];
  for (let i = 0; i + PART_LENGTH <= text.length; i++) {
    if (!parts.has(text.slice(i, i + PART_LENGTH))) continue;
    const last = ranges.at(-1);
    if (last && i <= last[1]) last[1] = i + PART_LENGTH;
    else ranges.push([i, i + PART_LENGTH]);
  }
  let out = "";
  let kept = 0;
  for (const [from, to] of ranges) {
    out += `${text.slice(kept, from)}[redacted]`;
    kept = to;
  }
  return out + text.slice(kept);
}
