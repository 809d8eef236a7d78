// The contract command's credential, from the environment: PARTNER_CENTER_TOKEN, or a tenant,
// client and secret signed in with @azure/identity, which the consuming service installs if it
// wants that (this package does not depend on it).
import type { Credential } from "../credentials/credential";

export async function credentialFromEnv(env: Record<string, string | undefined>): Promise<Credential | string[]> {
  if (env.PARTNER_CENTER_TOKEN) return env.PARTNER_CENTER_TOKEN;
  const {
    PARTNER_CENTER_TENANT_ID: tenant,
    PARTNER_CENTER_CLIENT_ID: client,
    PARTNER_CENTER_CLIENT_SECRET: secret,
  } = env;
  if (!(tenant && client && secret)) {
    return [
      "no credentials: set PARTNER_CENTER_TOKEN, or PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID and PARTNER_CENTER_CLIENT_SECRET",
    ];
  }
  // A name, not a literal: bundlers leave it to be found at run time, in the consumer's node_modules.
  const optional = "@azure/identity";
  try {
    const identity = (await import(optional)) as {
      ClientSecretCredential: new (tenant: string, client: string, secret: string) => Credential;
    };
    return new identity.ClientSecretCredential(tenant, client, secret);
  } catch {
    return [
      "signing in with PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID and PARTNER_CENTER_CLIENT_SECRET needs @azure/identity: npm install @azure/identity, or set PARTNER_CENTER_TOKEN",
    ];
  }
}
