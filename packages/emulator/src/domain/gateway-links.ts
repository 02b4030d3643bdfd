import type { EmulatorContext } from "../context.js";
import { isAttributeDescription } from "../ldap/ldap-filters.js";
import { ErrorMessages } from "./error-messages.js";
import { invalidData, type PingOneErrorDetail } from "./errors.js";
import { GatewayMessages } from "./gateway-messages.js";
import {
  findLdapGateway,
  findUserType,
  type GatewayUserType,
  type LdapGateway,
  type PasswordAuthority,
} from "./gateways.js";
import { type JsonObject, type ObjectSpec, validationProblems } from "./validation.js";

/**
 * A user's link to an LDAP gateway (`password.external.gateway`), as stored and as the password state
 * returns it (docs/emulator-gateways.md#linked-users): the gateway, its user type, and the directory
 * attributes that find the user's entry again.
 */
export interface GatewayLink {
  id: string;
  type: "LDAP";
  userType: { id: string };
  correlationAttributes: Record<string, string>;
}

const text = { kind: "string", minLength: 1, maxLength: 256 } as const;

/** `password.external.gateway` of an import, and the body of `password.setGateway+json`. */
const GATEWAY_LINK_SPEC: ObjectSpec = {
  id: text,
  type: { kind: "string", allowed: ["LDAP"] },
  userType: { kind: "object", fields: { id: text }, required: ["id"] },
  correlationAttributes: { kind: "anyObject" },
};

const MAX_CORRELATION_ATTRIBUTES = 20;

/** Correlation attributes become an LDAP filter: names must be attribute descriptions, values text. */
function correlationProblems(raw: unknown, at: string): PingOneErrorDetail[] {
  const target = at === "" ? "correlationAttributes" : `${at}.correlationAttributes`;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return [];
  const entries = Object.entries(raw as JsonObject);
  if (entries.length === 0 || entries.length > MAX_CORRELATION_ATTRIBUTES) {
    return [{ code: "INVALID_VALUE", target, message: GatewayMessages.correlationAttributes }];
  }
  const problems: PingOneErrorDetail[] = [];
  for (const [name, value] of entries) {
    if (!isAttributeDescription(name)) {
      problems.push({
        code: "INVALID_VALUE",
        target: `${target}.${name}`,
        message: GatewayMessages.correlationAttributeName,
      });
    } else if (typeof value !== "string" || value === "" || value.length > 1024) {
      problems.push({
        code: "INVALID_VALUE",
        target: `${target}.${name}`,
        message: GatewayMessages.correlationAttributes,
      });
    }
  }
  return problems;
}

/**
 * The problems of a link body at `at` (`password.external.gateway`, or "" for a setGateway body).
 * `correlationAttributes` is required: it is how the directory entry is found again.
 */
export function gatewayLinkProblems(raw: unknown, at: string): PingOneErrorDetail[] {
  if (raw === undefined || raw === null) {
    return [{ code: "REQUIRED_VALUE", target: at, message: ErrorMessages.requiredValue }];
  }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return [{ code: "INVALID_VALUE", target: at, message: ErrorMessages.wrongType("an object") }];
  }
  const body = raw as JsonObject;
  return [
    ...validationProblems(body, GATEWAY_LINK_SPEC, {
      required: ["id", "userType", "correlationAttributes"],
      ...(at === "" ? {} : { at }),
    }),
    ...correlationProblems(body.correlationAttributes, at),
  ];
}

/** A link body without problems, in its stored form. */
export function toGatewayLink(raw: JsonObject): GatewayLink {
  return {
    id: raw.id as string,
    type: "LDAP",
    userType: { id: (raw.userType as { id: string }).id },
    correlationAttributes: { ...(raw.correlationAttributes as Record<string, string>) },
  };
}

/** A validated link, or INVALID_DATA naming every problem. */
export function parseGatewayLink(raw: unknown, at: string): GatewayLink {
  const problems = gatewayLinkProblems(raw, at);
  if (problems.length > 0) throw invalidData(problems);
  return toGatewayLink(raw as JsonObject);
}

export interface ResolvedGatewayLink {
  link: GatewayLink;
  gateway: LdapGateway;
  userType: GatewayUserType;
}

/**
 * The gateway and user type a new link names; INVALID_VALUE on `at.id` or `at.userType.id` when they
 * are not this environment's. The stored link spells both ids as the gateway does.
 */
export function resolveNewGatewayLink(
  ctx: EmulatorContext,
  environmentId: string,
  link: GatewayLink,
  at: string,
): ResolvedGatewayLink {
  const prefix = at === "" ? "" : `${at}.`;
  const gateway = findLdapGateway(ctx, environmentId, link.id);
  if (gateway === undefined) {
    throw invalidData([
      { code: "INVALID_VALUE", target: `${prefix}id`, message: GatewayMessages.unknownGateway },
    ]);
  }
  const userType = findUserType(gateway, link.userType.id);
  if (userType === undefined) {
    throw invalidData([
      { code: "INVALID_VALUE", target: `${prefix}userType.id`, message: GatewayMessages.unknownUserType },
    ]);
  }
  return { link: { ...link, id: gateway.id, userType: { id: userType.id } }, gateway, userType };
}

/**
 * What a stored link points at now, or undefined when the gateway or its user type was deleted or
 * changed since (the link dangles, as it does in PingOne).
 */
export function resolveStoredGatewayLink(
  ctx: EmulatorContext,
  environmentId: string,
  stored: unknown,
): ResolvedGatewayLink | undefined {
  const link = asGatewayLink(stored);
  if (link === undefined) return undefined;
  const gateway = findLdapGateway(ctx, environmentId, link.id);
  const userType = gateway === undefined ? undefined : findUserType(gateway, link.userType.id);
  return gateway === undefined || userType === undefined ? undefined : { link, gateway, userType };
}

/** The password authority of a stored link's user type, or undefined when the link dangles. */
export function linkedPasswordAuthority(
  ctx: EmulatorContext,
  environmentId: string,
  stored: unknown,
): PasswordAuthority | undefined {
  return resolveStoredGatewayLink(ctx, environmentId, stored)?.userType.passwordAuthority;
}

/** A stored link read back (rows written before links were validated may hold anything). */
export function asGatewayLink(stored: unknown): GatewayLink | undefined {
  if (typeof stored !== "object" || stored === null) return undefined;
  const { id, userType, correlationAttributes } = stored as Partial<GatewayLink>;
  if (typeof id !== "string" || typeof userType?.id !== "string") return undefined;
  return {
    id,
    type: "LDAP",
    userType: { id: userType.id },
    correlationAttributes:
      typeof correlationAttributes === "object" && correlationAttributes !== null
        ? correlationAttributes
        : {},
  };
}
