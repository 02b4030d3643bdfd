import { createRequire } from "node:module";
import type { KerberosCredentials } from "pingone-test-servers";

/** The client side of the `kerberos` package's GSSAPI binding, as the tests use it. */
interface GssapiClientBinding {
  GSS_MECH_OID_SPNEGO: number;
  initializeClient(
    service: string,
    options: { mechOID: number },
  ): Promise<{ step(challenge: string): Promise<string> }>;
}

const kerberos = createRequire(import.meta.url)("kerberos") as GssapiClientBinding;

/**
 * A SPNEGO token for `HTTP@localhost` from a kinit credential cache, made by the GSSAPI client
 * binding as a browser's Negotiate code would. MIT Kerberos reads the realm's configuration and
 * the cache from the environment, which is the process's: the variables are set for each token.
 */
export async function spnegoToken(
  credentials: KerberosCredentials,
  service = "HTTP@localhost",
): Promise<string> {
  process.env.KRB5_CONFIG = credentials.env.KRB5_CONFIG;
  process.env.KRB5CCNAME = credentials.env.KRB5CCNAME;
  const client = await kerberos.initializeClient(service, { mechOID: kerberos.GSS_MECH_OID_SPNEGO });
  return client.step("");
}
