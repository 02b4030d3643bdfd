import { constants } from "node:fs";
import { access } from "node:fs/promises";
import type { ResolvedKerberosSettings } from "../config/kerberos-settings.js";
import { type GssapiBinding, loadGssapiBinding } from "./kerberos-binding.js";
import { KerberosSetupError, KerberosTicketError } from "./kerberos-errors.js";
import { withKeytabEnvironment } from "./keytab-environment.js";

/** The client a valid SPNEGO token names. */
export interface KerberosPrincipal {
  /** `alice@EXAMPLE.COM` */
  principal: string;
  /** The part before the last `@`: `alice`. */
  user: string;
  realm: string;
}

/** Validates SPNEGO tokens with the service principal's keytab. */
export interface SpnegoAcceptor {
  readonly settings: ResolvedKerberosSettings;
  /**
   * Accepts one base64 token (see `readSpnegoToken`) and names its client. Rejects with a
   * `KerberosTicketError` when the token is at fault and a `KerberosSetupError` when the
   * connector cannot validate tokens.
   */
  accept(token: string): Promise<KerberosPrincipal>;
}

/**
 * An acceptor for one keytab and service principal. The native binding is loaded on the first
 * token, so a connector that never sees one does not need it.
 *
 * MIT Kerberos keeps a replay cache: a token is accepted once, and a second presentation of the
 * same token is refused as a replay (a browser makes a new one for every request).
 */
export function createSpnegoAcceptor(
  settings: ResolvedKerberosSettings,
  loadBinding: () => GssapiBinding = loadGssapiBinding,
): SpnegoAcceptor {
  const keytabName = `FILE:${settings.keytab}`;
  const withoutPath = (message: string) => message.split(settings.keytab).join("<keytab>");
  return {
    settings,
    async accept(token) {
      const binding = loadBinding();
      await access(settings.keytab, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
        throw new KerberosSetupError(
          `The keytab of kerberos.keytab cannot be read (${error.code ?? "error"}): tickets cannot be validated`,
        );
      });
      const principal = await withKeytabEnvironment(keytabName, async () => {
        const server = await binding.initializeServer(settings.hostBasedService).catch((error: unknown) => {
          throw new KerberosSetupError(
            `No key for ${settings.servicePrincipal} could be read from the keytab: ${withoutPath(gssMessage(error))}`,
          );
        });
        try {
          await server.step(token);
        } catch (error) {
          throw new KerberosTicketError(`The Kerberos token was refused: ${withoutPath(gssMessage(error))}`);
        }
        if (!server.contextComplete || !server.username) {
          throw new KerberosTicketError(
            "The Kerberos token did not complete the sign-on in one step (SPNEGO with Kerberos does)",
          );
        }
        return server.username;
      });
      return checkRealm(splitPrincipal(principal), settings.acceptedRealms);
    },
  };
}

function splitPrincipal(principal: string): KerberosPrincipal {
  const at = principal.lastIndexOf("@");
  if (at <= 0 || at === principal.length - 1) {
    throw new KerberosTicketError(`The Kerberos token names a client without a realm: ${principal}`);
  }
  return { principal, user: principal.slice(0, at), realm: principal.slice(at + 1) };
}

function checkRealm(client: KerberosPrincipal, acceptedRealms: readonly string[]): KerberosPrincipal {
  if (!acceptedRealms.includes(client.realm)) {
    throw new KerberosTicketError(
      `The Kerberos client ${client.principal} is of realm ${client.realm}, which is not accepted (kerberos.acceptedRealms: ${acceptedRealms.join(", ")})`,
    );
  }
  return client;
}

/** GSSAPI's major and minor status texts, as the binding words them. */
function gssMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
