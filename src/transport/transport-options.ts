// The checks on the options that say where and how bytes go: an endpoint a secret is sent to, the
// CA certificates to trust, and the proxy.
import type { ValidationProblem } from "../errors";

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Problems with an endpoint a secret is sent to (`at` names the option): absolute, https unless loopback, no credentials, query or fragment. */
export function endpointProblems(value: unknown, at: string): ValidationProblem[] {
  if (typeof value !== "string" || !URL.canParse(value)) return [{ path: at, message: "must be an absolute URL" }];
  const url = new URL(value);
  // node:http would drop them silently and every error would print them: the credential option carries credentials.
  if (url.username || url.password)
    return [{ path: at, message: "must not carry a user name or password; pass the token as credential" }];
  if (url.search || url.hash) return [{ path: at, message: "must not have a query or fragment" }];
  if (url.protocol === "https:") return [];
  if (url.protocol === "http:" && LOOPBACK.test(url.hostname)) return [];
  return [
    { path: at, message: `must use https (http is allowed only for loopback hosts), got ${url.protocol}//${url.host}` },
  ];
}

const PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
const PEM_END = "-----END CERTIFICATE-----";

/** Whether `text` holds a PEM certificate block: two searches, linear in the text (a lazy regex was quadratic). */
const hasPemCertificate = (text: string) => {
  const begin = text.indexOf(PEM_BEGIN);
  return begin !== -1 && text.indexOf(PEM_END, begin + PEM_BEGIN.length + 1) !== -1;
};

export function caProblems(ca: unknown, withFetch: boolean): ValidationProblem[] {
  const at = "options.ca";
  if (!Array.isArray(ca) || ca.length === 0 || ca.some((c) => typeof c !== "string" || !hasPemCertificate(c))) {
    return [{ path: at, message: "must be a PEM certificate (-----BEGIN CERTIFICATE-----), or a list of them" }];
  }
  if (withFetch)
    return [
      {
        path: at,
        message:
          "applies to the default transport, not to a fetch of your own: give your fetch the CA (undici's Agent connect.ca), or set NODE_EXTRA_CA_CERTS",
      },
    ];
  return [];
}

export function proxyProblems(proxy: unknown, withFetch: boolean): ValidationProblem[] {
  const at = "options.proxy";
  if (proxy === false) return [];
  // Never quoted: a proxy URL may carry a password.
  if (typeof proxy !== "string" || !URL.canParse(proxy) || !/^https?:$/.test(new URL(proxy).protocol)) {
    return [{ path: at, message: "must be an http:// or https:// URL, or false" }];
  }
  if (withFetch)
    return [
      {
        path: at,
        message: "applies to the default transport, not to a fetch of your own: give your fetch a proxy dispatcher",
      },
    ];
  return [];
}
