import { createRequire } from "node:module";
import { KerberosSetupError } from "./kerberos-errors.js";

/** The part of the `kerberos` package's server side the connector uses (its index.d.ts). */
export interface GssapiServerContext {
  /** Accepts the client's base64 token; resolves to the base64 reply token, if any. */
  step(token: string): Promise<string>;
  /** The client principal, `user@REALM`, once the context is complete. */
  readonly username: string;
  readonly contextComplete: boolean;
}

export interface GssapiBinding {
  /** `service` in GSSAPI's host-based form, `HTTP@localhost`. */
  initializeServer(service: string): Promise<GssapiServerContext>;
}

/** docs/connector-capabilities.md#kerberos-native-addon */
export const KERBEROS_ADDON_MISSING =
  "kerberosAuthentication needs the kerberos native addon; run bash scripts/install-system-deps.sh && npm rebuild kerberos";

let binding: GssapiBinding | undefined;

/**
 * The `kerberos` package (MongoDB's GSSAPI binding, built against MIT Kerberos' libkrb5 at
 * install time), loaded on first use. It is an optional dependency: an install without
 * libkrb5-dev drops it, and only Kerberos sign-on then fails, with the remedy in the message.
 */
export function loadGssapiBinding(): GssapiBinding {
  if (binding) return binding;
  try {
    binding = createRequire(import.meta.url)("kerberos") as GssapiBinding;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new KerberosSetupError(`${KERBEROS_ADDON_MISSING} (loading it failed: ${reason})`, {
      cause: error,
    });
  }
  return binding;
}
