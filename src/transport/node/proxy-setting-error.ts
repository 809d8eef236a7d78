// A proxy from the environment that cannot be used: a leaf of its own, so that code deciding on
// failures (failure-kind.ts) never pulls the proxy agents into a browser or edge bundle.

/** Not a URL, or not http(s) (socks5://, say). Its value is never shown: it may carry a password. */
export class ProxySettingError extends Error {
  constructor() {
    super(
      "the proxy from the environment (HTTPS_PROXY, HTTP_PROXY or ALL_PROXY, either case) must be an http:// or https:// URL " +
        "(the client speaks no other kind; its value is not shown, as it may carry a password): correct it, or set NO_PROXY or the proxy option",
    );
    this.name = "ProxySettingError";
  }
}
