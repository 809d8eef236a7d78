// What a TLS connection trusts when the client is given a `ca`: the platform's roots and the
// given certificates both. node:https's own `ca` option replaces the platform's trust, so a
// private CA alone would make every public host untrusted (Entra's, through a proxy, say).
type Tls = typeof import("node:tls");

/** The platform's CAs (NODE_EXTRA_CA_CERTS included where Node can list them) followed by `ca`. */
export function trustedCertificates(tls: Tls, ca: readonly string[]): string[] {
  const listed = (tls as { getCACertificates?: (type: "default") => string[] }).getCACertificates?.("default");
  return [...(listed ?? tls.rootCertificates), ...ca];
}
