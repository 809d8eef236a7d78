// Comparing the service's identifiers. Customer ids are GUIDs, which the service matches in any
// casing; order ids are GUIDs in older orders (the docs' add-on example puts one upper-case in the
// URL and gets it back lower-case) and opaque, case-sensitive strings in newer ones.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether two order ids name the same order. */
export function sameOrderId(a: string, b: string): boolean {
  return a === b || (GUID.test(a) && a.toLowerCase() === b.toLowerCase());
}
