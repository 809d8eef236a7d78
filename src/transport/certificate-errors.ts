// Whether a failed attempt was the server's certificate being refused: a decision on the error
// alone, read through fetch's cause chain ("fetch failed", then the socket's error). Such a
// failure is not transient, so it is not retried, and its message says what to do.

/** The OpenSSL and Node codes of a refused certificate. */
const CERTIFICATE_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_SIGNATURE_FAILURE",
  "CERT_CHAIN_TOO_LONG",
  "INVALID_CA",
  "INVALID_PURPOSE",
  "HOSTNAME_MISMATCH",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_TLS_CERT_ALTNAME_FORMAT",
]);

/** The deepest a cause chain is followed: fetch nests the socket's error two levels down. */
const MAX_CAUSES = 8;

/** The first code along `error`'s cause chain that `accept` takes (any string code by default). Never throws. */
export function causeCode(error: unknown, accept: (code: string) => boolean = () => true): string | undefined {
  let current = error;
  for (let depth = 0; depth < MAX_CAUSES && current !== null && typeof current === "object"; depth++) {
    try {
      const code = (current as { code?: unknown }).code;
      if (typeof code === "string" && accept(code)) return code;
      current = (current as { cause?: unknown }).cause;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The code of the certificate failure behind `error`, if that is what it was. Never throws. */
export const certificateErrorCode = (error: unknown): string | undefined =>
  causeCode(error, (code) => CERTIFICATE_CODES.has(code));

/** What to do about a refused certificate, by its code. */
export function certificateAdvice(code: string): string {
  if (code === "CERT_HAS_EXPIRED" || code === "CERT_NOT_YET_VALID") {
    return "the server's certificate is outside its validity dates (or this machine's clock is wrong); the server must renew it";
  }
  if (
    code === "ERR_TLS_CERT_ALTNAME_INVALID" ||
    code === "HOSTNAME_MISMATCH" ||
    code === "ERR_TLS_CERT_ALTNAME_FORMAT"
  ) {
    return "the certificate is not for this host name: check baseUrl (a proxy or gateway may be presenting its own)";
  }
  return "the certificate is not signed by a CA this process trusts: pass the CA's PEM as the client's `ca` option, or set NODE_EXTRA_CA_CERTS (a corporate TLS-inspecting proxy's CA, say)";
}
