import type { Context } from "hono";
import type { LdapGateway } from "../domain/gateways.js";
import { links } from "../http/hal.js";
import { type Body, environmentPath } from "./paths.js";

export const gatewayPath = (environmentId: string, gatewayId: string) =>
  `${environmentPath(environmentId)}/gateways/${gatewayId}`;

/**
 * An LDAP gateway (community `GatewayTypeLDAP`). Built from the stored settings alone: the bind
 * password and the Kerberos service account password live in the gateway's secrets and are never
 * part of a response.
 */
export function toGatewayResource(c: Context, gateway: LdapGateway): Body {
  const { settings } = gateway;
  const body: Body = {
    _links: links(c, {
      self: gatewayPath(gateway.environmentId, gateway.id),
      environment: environmentPath(gateway.environmentId),
    }),
    id: gateway.id,
    environment: { id: gateway.environmentId },
    name: gateway.name,
  };
  if (gateway.description !== null) body.description = gateway.description;
  Object.assign(body, {
    type: gateway.type,
    enabled: gateway.enabled,
    vendor: settings.vendor,
    serversHostAndPort: settings.serversHostAndPort,
    bindDN: settings.bindDN,
    connectionSecurity: settings.connectionSecurity,
    validateTlsCertificates: settings.validateTlsCertificates,
    followReferrals: settings.followReferrals,
  });
  if (settings.kerberos !== undefined) body.kerberos = settings.kerberos;
  body.userTypes = settings.userTypes;
  return body;
}
