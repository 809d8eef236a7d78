// Takes what a third party's message may quote and must never reach ours out of it: a JWT, a
// bearer value, a secret or token parameter. Linear in the text: a JWT is only looked for where a
// word starts, so a run of `eyJ` blocks is scanned once, not once per block.
// A URL's password (`//user:password@host`) too: a proxy's, say.
const SECRETS =
  /(?<![\w-])eyJ[\w-]*\.[\w-]+\.[\w-]*|(bearer\s+)\S+|((?:client_secret|client_assertion|access_token|refresh_token)=)[^&\s]+|(\/\/[^/\s:@]*:)[^/\s@]+@/gi;

export function redactSecrets(text: string): string {
  return text.replace(SECRETS, (_match, bearer?: string, parameter?: string, user?: string) =>
    user ? `${user}[redacted]@` : `${bearer ?? parameter ?? ""}[redacted]`,
  );
}
