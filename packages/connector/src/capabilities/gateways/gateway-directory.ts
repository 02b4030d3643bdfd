import type { ResolvedGatewayDirectory } from "../../config/gateway-directories.js";
import { GATEWAY_DIRECTORIES_ENV, GATEWAY_DIRECTORIES_SETTING } from "../../config/gateway-directories.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";

/**
 * The connection's directory for a gateway. Without one the capability cannot validate
 * credentials or read entries (PingOne offers no API for it), and says which setting is missing
 * (capabilities.md A27: "gateway validation not available").
 */
export function directoryFor(ctx: CapabilityContext, gatewayId: string): ResolvedGatewayDirectory {
  const directory = ctx.directories.setting(gatewayId);
  if (directory) return directory;
  throw new CapabilityError(
    "unexpectedError",
    `Gateway validation not available: the connection has no directory for gateway ${gatewayId}. ` +
      `Set ${GATEWAY_DIRECTORIES_SETTING}["${gatewayId}"] (url, bindDn, bindPassword) in the connection settings, or in ${GATEWAY_DIRECTORIES_ENV}.`,
    { httpResponseCode: 500 },
  );
}
