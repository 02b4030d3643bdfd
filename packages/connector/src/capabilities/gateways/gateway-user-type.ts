import { PingOneApiError } from "../../client/errors/api-error.js";
import { isSafePathSegment, pathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";

/** A user type's "migrate new users on first authentication" settings (pingone-api.md §9.1). */
export interface NewUserLookup {
  ldapFilterPattern: string;
  populationId: string;
  attributeMappings: readonly AttributeMapping[];
}

/** `{name: <PingOne attribute>, value: "${<LDAP attribute>}"}` */
export interface AttributeMapping {
  name: string;
  value: string;
}

/** One of an LDAP gateway's `userTypes[]`, with the fields the gateway capabilities use. */
export interface GatewayUserType {
  gatewayId: string;
  id: string;
  name: string;
  searchBaseDn: string;
  /** `LDAP`: the password stays in the directory; `PING_ONE`: it moves to PingOne at migration. */
  passwordAuthority: string;
  orderedCorrelationAttributes: readonly string[];
  /** Absent when migration is off for the user type. */
  newUserLookup: NewUserLookup | undefined;
  /** The gateway has Kerberos on (its `kerberos` object is set, not `null`). */
  gatewayKerberosEnabled: boolean;
}

/** `P/gateways/{gatewayId}` */
export function gatewayPath(ctx: CapabilityContext, gatewayId: string): string {
  return `/environments/${pathSegment(ctx.environmentId)}/gateways/${pathSegment(gatewayId)}`;
}

/**
 * Reads the gateway and picks the user type. No gateway (404, or PingOne's 400 for an id that is
 * not a UUID), a gateway that is not LDAP (it has no user types) and no such user type are all
 * `notFound`; a user type PingOne would not have accepted is `unexpectedError`.
 */
export async function readGatewayUserType(
  ctx: CapabilityContext,
  gatewayId: string,
  userTypeId: string,
): Promise<GatewayUserType> {
  return userTypeOf(gatewayId, await readGateway(ctx, gatewayId), userTypeId);
}

/** `GET P/gateways/{gatewayId}`: the gateway resource, or `notFound`. */
export async function readGateway(
  ctx: CapabilityContext,
  gatewayId: string,
): Promise<Record<string, unknown>> {
  if (!isSafePathSegment(gatewayId)) throw notFound(`No gateway has the id "${gatewayId}"`);
  try {
    const response = await ctx.client.request<Record<string, unknown>>({
      method: "GET",
      path: gatewayPath(ctx, gatewayId),
    });
    return response.body ?? {};
  } catch (error) {
    if (error instanceof PingOneApiError && (error.status === 404 || error.status === 400)) {
      throw new CapabilityError("notFound", `No gateway has the id "${gatewayId}"`, { apiError: error });
    }
    throw error;
  }
}

/** The user type of a gateway resource read with `readGateway`. */
export function userTypeOf(
  gatewayId: string,
  gateway: Record<string, unknown>,
  userTypeId: string,
): GatewayUserType {
  if (gateway.type !== "LDAP") {
    throw notFound(`Gateway ${gatewayId} is not an LDAP gateway (type ${String(gateway.type)})`);
  }
  const userTypes = Array.isArray(gateway.userTypes) ? (gateway.userTypes as unknown[]) : [];
  const found = userTypes.find((type) => isObject(type) && type.id === userTypeId);
  if (!isObject(found)) throw notFound(`Gateway ${gatewayId} has no user type "${userTypeId}"`);
  const kerberos = gateway.kerberos;
  return toUserType(gatewayId, found, isObject(kerberos));
}

function toUserType(
  gatewayId: string,
  raw: Record<string, unknown>,
  gatewayKerberosEnabled: boolean,
): GatewayUserType {
  const id = String(raw.id);
  const where = `user type ${id} of gateway ${gatewayId}`;
  const text = (value: unknown, field: string): string => {
    if (typeof value !== "string" || value.trim() === "") throw misconfigured(`${where} has no ${field}`);
    return value;
  };
  const correlation = raw.orderedCorrelationAttributes;
  const userType: GatewayUserType = {
    gatewayId,
    id,
    name: typeof raw.name === "string" ? raw.name : id,
    searchBaseDn: text(raw.searchBaseDn, "searchBaseDn"),
    passwordAuthority: text(raw.passwordAuthority, "passwordAuthority"),
    orderedCorrelationAttributes: Array.isArray(correlation)
      ? correlation.filter((name): name is string => typeof name === "string" && name !== "")
      : [],
    newUserLookup: undefined,
    gatewayKerberosEnabled,
  };
  const lookup = raw.newUserLookup;
  if (isObject(lookup)) {
    const population = isObject(lookup.population) ? lookup.population.id : undefined;
    const mappings = Array.isArray(lookup.attributeMappings) ? (lookup.attributeMappings as unknown[]) : [];
    userType.newUserLookup = {
      ldapFilterPattern: text(lookup.ldapFilterPattern, "newUserLookup.ldapFilterPattern"),
      populationId: text(population, "newUserLookup.population.id"),
      attributeMappings: mappings.map((mapping, index) => {
        if (!isObject(mapping) || typeof mapping.name !== "string" || typeof mapping.value !== "string") {
          throw misconfigured(`${where} has an attribute mapping (${index}) without a name and a value`);
        }
        return { name: mapping.name, value: mapping.value };
      }),
    };
  }
  return userType;
}

function notFound(message: string): CapabilityError {
  return new CapabilityError("notFound", message, { httpResponseCode: 404 });
}

/** A gateway configuration the capability cannot work with: PingOne's side must be fixed. */
export function misconfigured(message: string): CapabilityError {
  return new CapabilityError("unexpectedError", message, { httpResponseCode: 500 });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
