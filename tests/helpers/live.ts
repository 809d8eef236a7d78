// Live mode settings, from the environment. Nothing here runs unless PARTNER_CENTER_BASE_URL and
// a token (or client-credential variables) are set.
import type { Credential } from "../../src";

export interface LiveSettings {
  baseUrl: string;
  credential: Credential;
  customerId?: string;
  /** Create and cancel orders: only for an integration-sandbox account. */
  writes: boolean;
  offerId?: string;
}

const env = process.env;

/** Client-credentials sign-in against Entra ID, without @azure/identity. */
function clientCredential(tenant: string, clientId: string, secret: string): Credential {
  const authority = env.PARTNER_CENTER_AUTHORITY_HOST ?? "https://login.microsoftonline.com";
  return async () => {
    const response = await fetch(`${authority}/${tenant}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: secret,
        scope: "https://api.partnercenter.microsoft.com/.default",
      }),
    });
    if (!response.ok) throw new Error(`sign-in failed with ${response.status}`);
    return ((await response.json()) as { access_token: string }).access_token;
  };
}

/** The live settings, or the one-line reason live tests are skipped. */
export function liveSettings(): LiveSettings | string {
  const { PARTNER_CENTER_BASE_URL: baseUrl, PARTNER_CENTER_TOKEN: token } = env;
  const { PARTNER_CENTER_TENANT_ID: tenant, PARTNER_CENTER_CLIENT_ID: clientId, PARTNER_CENTER_CLIENT_SECRET: secret } = env;
  if (!baseUrl || !(token || (tenant && clientId && secret))) {
    return "the live contract checks: they need PARTNER_CENTER_BASE_URL and PARTNER_CENTER_TOKEN (or PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID, PARTNER_CENTER_CLIENT_SECRET)";
  }
  return {
    baseUrl,
    credential: token ? token : clientCredential(tenant!, clientId!, secret!),
    customerId: env.PARTNER_CENTER_CUSTOMER_ID,
    writes: env.PARTNER_CENTER_LIVE_WRITES === "sandbox",
    offerId: env.PARTNER_CENTER_OFFER_ID,
  };
}
