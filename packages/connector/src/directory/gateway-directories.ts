import type { ResolvedGatewayDirectory } from "../config/gateway-directories.js";
import { type DirectorySession, withDirectorySession } from "./ldap-session.js";

/**
 * The directories behind the LDAP gateways the connection names (its `gatewayDirectories`
 * setting), as the capabilities reach them (docs/connector-client.md#gateway-directories).
 */
export interface GatewayDirectories {
  /** The directory setting for this gateway id, or undefined when the connection has none. */
  setting(gatewayId: string): ResolvedGatewayDirectory | undefined;
  /** Runs `action` on a session bound as the directory's service account, closed afterwards. */
  withSession<T>(
    directory: ResolvedGatewayDirectory,
    signal: AbortSignal | undefined,
    action: (session: DirectorySession) => Promise<T>,
  ): Promise<T>;
}

/**
 * Directory access for a connection's settings. Each bind password is registered as a secret,
 * so that any error is scrubbed of it (directory errors scrub their own bind password anyway,
 * whatever the bounded registry still holds).
 */
export function gatewayDirectoriesFor(
  settings: Readonly<Record<string, ResolvedGatewayDirectory>>,
  secrets: { add(value: string): void } & Iterable<string>,
): GatewayDirectories {
  for (const directory of Object.values(settings)) secrets.add(directory.bindPassword);
  return {
    setting: (gatewayId) =>
      Object.hasOwn(settings, gatewayId.toLowerCase()) ? settings[gatewayId.toLowerCase()] : undefined,
    withSession: (directory, signal, action) => withDirectorySession(directory, { signal, secrets }, action),
  };
}

/**
 * For a dry run: the settings are known, but no directory is ever contacted (every directory
 * step depends on a PingOne response a dry run does not have, so it stops before one).
 */
export function dryRunGatewayDirectories(
  settings: Readonly<Record<string, ResolvedGatewayDirectory>>,
): GatewayDirectories {
  return {
    setting: (gatewayId) =>
      Object.hasOwn(settings, gatewayId.toLowerCase()) ? settings[gatewayId.toLowerCase()] : undefined,
    withSession: () => Promise.reject(new Error("A dry run never contacts a directory")),
  };
}

/** No directory is configured: every gateway capability fails with the missing setting named. */
export const NO_GATEWAY_DIRECTORIES = dryRunGatewayDirectories({});
