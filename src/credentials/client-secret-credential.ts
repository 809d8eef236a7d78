// App-only sign-in with an app's client secret: the OAuth 2.0 client-credentials grant (RFC 6749
// section 4.4) at the Microsoft identity platform, through the client's own transport, as the
// refresh-token credential's exchange goes. The contract command signs in with it, so its sign-in
// takes the same proxy and CA as its calls. The client caches the token it answers.
import { PARTNER_CENTER_SCOPE, type AccessToken, type TokenCredential } from "./credential";
import { PartnerCenterValidationError } from "../errors";
import { accessTokenOf, tokenEndpoint, tokenEndpointProblems, type TokenEndpointOptions } from "./token-endpoint";

export interface ClientSecretCredentialOptions extends TokenEndpointOptions {
  /** The app registration (its application id). */
  clientId: string;
  clientSecret: string;
  /** Default the Partner Center resource's `.default` scope. */
  scope?: string | undefined;
}

export function createClientSecretCredential(options: ClientSecretCredentialOptions): TokenCredential {
  const problems = tokenEndpointProblems(options as ClientSecretCredentialOptions & Record<string, unknown>, [
    "clientId",
    "clientSecret",
  ]);
  if (problems.length) throw new PartnerCenterValidationError("createClientSecretCredential", problems);
  const endpoint = tokenEndpoint(options);
  const form = { grant_type: "client_credentials", client_id: options.clientId, client_secret: options.clientSecret };
  let inFlight: Promise<AccessToken> | undefined;

  async function exchange(scope: string, signal?: AbortSignal): Promise<AccessToken> {
    return accessTokenOf(await endpoint.grant({ ...form, scope }, signal), endpoint.host);
  }

  return {
    getToken(scopes, getOptions) {
      const scope = options.scope ?? (Array.isArray(scopes) ? scopes[0] : scopes) ?? PARTNER_CENTER_SCOPE;
      // Concurrent calls share one exchange.
      inFlight ??= exchange(scope, getOptions?.abortSignal).finally(() => (inFlight = undefined));
      return inFlight;
    },
  };
}
