// The contract command's credential, from the environment: PARTNER_CENTER_TOKEN, or a tenant,
// client and secret signed in App-only through the same transport as the command's calls (its
// proxy, from HTTPS_PROXY and NO_PROXY, and NODE_EXTRA_CA_CERTS), at PARTNER_CENTER_AUTHORITY_HOST
// (default the global cloud's).
import type { Credential } from "../credentials/credential";
import { createClientSecretCredential } from "../credentials/client-secret-credential";
import { isPartnerCenterValidationError } from "../errors";

const VARIABLES = new Map([
  ["options.tenantId", "PARTNER_CENTER_TENANT_ID"],
  ["options.authorityHost", "PARTNER_CENTER_AUTHORITY_HOST"],
]);

export function credentialFromEnv(env: Record<string, string | undefined>): Credential | string[] {
  if (env.PARTNER_CENTER_TOKEN) return env.PARTNER_CENTER_TOKEN;
  const {
    PARTNER_CENTER_TENANT_ID: tenantId,
    PARTNER_CENTER_CLIENT_ID: clientId,
    PARTNER_CENTER_CLIENT_SECRET: clientSecret,
    PARTNER_CENTER_AUTHORITY_HOST: authorityHost,
  } = env;
  if (!(tenantId && clientId && clientSecret)) {
    return [
      "no credentials: set PARTNER_CENTER_TOKEN, or PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID and PARTNER_CENTER_CLIENT_SECRET",
    ];
  }
  try {
    return createClientSecretCredential({
      tenantId,
      clientId,
      clientSecret,
      authorityHost: authorityHost || undefined,
    });
  } catch (error) {
    if (!isPartnerCenterValidationError(error)) throw error;
    return error.problems.map((problem) => `${VARIABLES.get(problem.path) ?? problem.path} ${problem.message}`);
  }
}
