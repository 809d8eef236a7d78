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

// A customer id identifies a tenant: where an observer has not opted in, a path shows the
// parameter's name instead, as the spec writes it. Case-insensitive, as the service's routes are.
const CUSTOMER_SEGMENT = /(\/customers\/)[^/?#\s]+/gi;

/** `text` with every `/customers/{id}` segment, and each of `known` (the call's own customer id), shown as `{customer_id}`. */
export function withoutCustomerIds(text: string, ...known: (string | undefined)[]): string {
  let out = text.replace(CUSTOMER_SEGMENT, "$1{customer_id}");
  for (const id of known) if (id) out = replaceAnyCase(out, id, "{customer_id}");
  return out;
}

function replaceAnyCase(text: string, find: string, by: string): string {
  const lower = text.toLowerCase();
  const target = find.toLowerCase();
  // Lower-casing can change a length (U+0130): then only the exact text is matched.
  if (lower.length !== text.length || target.length !== find.length) return text.split(find).join(by);
  let out = "";
  let from = 0;
  for (let at = lower.indexOf(target); at !== -1; at = lower.indexOf(target, from)) {
    out += text.slice(from, at) + by;
    from = at + target.length;
  }
  return out + text.slice(from);
}
