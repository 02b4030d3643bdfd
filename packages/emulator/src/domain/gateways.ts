import type { EmulatorContext } from "../context.js";
import { ATTRIBUTE_DESCRIPTION, isFilterPattern } from "../ldap/ldap-filters.js";
import { type ConnectionSecurity, parseHostAndPort } from "../ldap/ldap-servers.js";
import {
  deleteGateway,
  findGateway,
  findGatewayIdByName,
  type GatewayFields,
  type GatewayRecord,
  insertGateway,
  listGateways,
  updateGateway,
} from "../store/gateways.js";
import { findPopulation } from "../store/populations.js";
import { ErrorMessages } from "./error-messages.js";
import { invalidData, orNotFound, type PingOneErrorDetail, uniquenessViolation } from "./errors.js";
import { GatewayMessages } from "./gateway-messages.js";
import { assertValid, type FieldSpec, type JsonObject, type ObjectSpec } from "./validation.js";

/** Every gateway type PingOne knows (community `EnumGatewayType`); the emulator serves LDAP only. */
export const GATEWAY_TYPES = [
  "LDAP",
  "PING_FEDERATE",
  "PING_INTELLIGENCE",
  "API_GATEWAY_INTEGRATION",
  "RADIUS",
];

export const GATEWAY_VENDORS = [
  "PingDirectory",
  "Microsoft Active Directory",
  "Oracle Directory Server Enterprise Edition",
  "Oracle Unified Directory",
  "CA Directory",
  "OpenDJ Directory Server",
  "IBM (Tivoli) Security Directory Server",
  "LDAPv3-compliant Directory Server",
];

export const CONNECTION_SECURITIES: readonly ConnectionSecurity[] = ["None", "TLS", "StartTLS"];

export type PasswordAuthority = "LDAP" | "PING_ONE";

/** `newUserLookup` of a user type: present when new users are migrated at their first sign-on. */
export interface NewUserLookup {
  ldapFilterPattern: string;
  population: { id: string };
  attributeMappings: { name: string; value: string }[];
}

/** One entry of an LDAP gateway's `userTypes[]`, as stored and returned. */
export interface GatewayUserType {
  id: string;
  name: string;
  searchBaseDn: string;
  passwordAuthority: PasswordAuthority;
  orderedCorrelationAttributes: string[];
  allowPasswordChanges: boolean;
  updateUserOnSuccessfulAuthentication: boolean;
  newUserLookup?: NewUserLookup;
}

/** The LDAP attributes PingOne returns (everything but the write-only passwords). */
export interface LdapGatewaySettings {
  vendor: string;
  serversHostAndPort: string[];
  bindDN: string;
  connectionSecurity: ConnectionSecurity;
  validateTlsCertificates: boolean;
  followReferrals: boolean;
  kerberos?: { serviceAccountUserPrincipalName: string; minutesToRetainPreviousCredentials?: number };
  userTypes: GatewayUserType[];
}

/** The write-only attributes, kept apart from the settings (docs/emulator-gateways.md#secrets). */
export interface LdapGatewaySecrets {
  bindPassword: string;
  kerberosServiceAccountPassword?: string;
}

/** A stored LDAP gateway with its settings typed. */
export interface LdapGateway extends GatewayRecord {
  settings: LdapGatewaySettings & Record<string, unknown>;
  secrets: LdapGatewaySecrets & Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Community Gateway.name: "any Unicode letter, mark, numeric character, forward slash, dot, apostrophe,
// underscore, space, or hyphen".
const GATEWAY_NAME = /^[\p{L}\p{M}\p{N}/.'_ -]+$/u;
// One or more RDNs `type=value`, types being attribute descriptions; values may hold escaped commas.
const DISTINGUISHED_NAME = /^\s*[A-Za-z0-9.;-]+\s*=.+$/;
const PINGONE_ATTRIBUTE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;
// `${ldapAttribute}` placeholders, with literal text between them but no other `$`.
const MAPPING_TEMPLATE = /^(?:[^$]|\$\{[A-Za-z][A-Za-z0-9-]*(;[A-Za-z0-9-]+)*\})*$/;
const PLACEHOLDER = /\$\{[^}]+\}/;

const text = (maxLength: number): FieldSpec => ({ kind: "string", minLength: 1, maxLength });
const readOnly = { kind: "readOnly" } as const;

const NEW_USER_LOOKUP: FieldSpec = {
  kind: "object",
  fields: {
    ldapFilterPattern: text(2048),
    population: { kind: "object", fields: { id: text(64) }, required: ["id"] },
    attributeMappings: {
      kind: "objectArray",
      minItems: 1,
      maxItems: 200,
      items: { fields: { name: text(256), value: text(1024) }, required: ["name", "value"] },
    },
  },
  required: ["ldapFilterPattern", "population", "attributeMappings"],
};

const USER_TYPE: { fields: ObjectSpec; required: readonly string[] } = {
  fields: {
    id: { kind: "string" },
    name: text(256),
    searchBaseDn: text(1024),
    passwordAuthority: { kind: "string", allowed: ["LDAP", "PING_ONE"] },
    orderedCorrelationAttributes: {
      kind: "stringArray",
      minItems: 1,
      maxItems: 50,
      itemPattern: ATTRIBUTE_DESCRIPTION,
    },
    allowPasswordChanges: { kind: "boolean" },
    updateUserOnSuccessfulAuthentication: { kind: "boolean" },
    newUserLookup: NEW_USER_LOOKUP,
  },
  required: ["name", "searchBaseDn", "passwordAuthority", "orderedCorrelationAttributes"],
};

/** Community `Gateway` + `GatewayTypeLDAP`; `followReferrals` is accepted (docs/emulator-gateways.md). */
const LDAP_GATEWAY_SPEC: ObjectSpec = {
  name: { kind: "string", minLength: 1, maxLength: 256, pattern: GATEWAY_NAME },
  description: { kind: "string", maxLength: 1024 },
  type: { kind: "string" },
  enabled: { kind: "boolean" },
  vendor: { kind: "string", allowed: GATEWAY_VENDORS },
  serversHostAndPort: { kind: "stringArray", minItems: 1, maxItems: 20 },
  bindDN: text(1024),
  bindPassword: text(1024),
  connectionSecurity: { kind: "string", allowed: CONNECTION_SECURITIES },
  validateTlsCertificates: { kind: "boolean" },
  followReferrals: { kind: "boolean" },
  kerberos: {
    kind: "object",
    fields: {
      serviceAccountUserPrincipalName: text(256),
      serviceAccountPassword: text(1024),
      minutesToRetainPreviousCredentials: { kind: "integer", min: 0, max: 525_600 },
    },
    required: ["serviceAccountUserPrincipalName"],
  },
  userTypes: { kind: "objectArray", maxItems: 100, items: USER_TYPE },
  id: readOnly,
  environment: readOnly,
  credentials: readOnly,
  supportedVersions: readOnly,
  currentAlerts: readOnly,
  _links: readOnly,
};

const LDAP_REQUIRED = ["name", "type", "enabled", "vendor", "serversHostAndPort", "bindDN", "bindPassword"];

function invalidValue(
  target: string,
  message: string,
  innerError?: Record<string, unknown>,
): PingOneErrorDetail {
  return innerError === undefined
    ? { code: "INVALID_VALUE", target, message }
    : { code: "INVALID_VALUE", target, message, innerError };
}

/** Only LDAP gateways are emulated: another known type is refused by name, an unknown one as any enum. */
function assertLdapType(body: JsonObject): void {
  const type = body.type;
  if (type === "LDAP") return;
  if (type === undefined || type === null) {
    throw invalidData([{ code: "REQUIRED_VALUE", target: "type", message: ErrorMessages.requiredValue }]);
  }
  const known = typeof type === "string" && GATEWAY_TYPES.includes(type);
  throw invalidData([
    known
      ? invalidValue("type", GatewayMessages.typeNotEmulated, { allowedValues: ["LDAP"] })
      : invalidValue("type", ErrorMessages.notOneOf, { allowedValues: [...GATEWAY_TYPES] }),
  ]);
}

/** Checks what the declarative spec cannot: servers, DNs, filter, mappings, ids, populations. */
function userTypeProblems(
  ctx: EmulatorContext,
  environmentId: string,
  raw: JsonObject,
  at: string,
): PingOneErrorDetail[] {
  const problems: PingOneErrorDetail[] = [];
  if (typeof raw.id === "string" && !UUID.test(raw.id))
    problems.push(invalidValue(`${at}.id`, GatewayMessages.userTypeId));
  if (!DISTINGUISHED_NAME.test(raw.searchBaseDn as string)) {
    problems.push(invalidValue(`${at}.searchBaseDn`, GatewayMessages.distinguishedName));
  }
  const lookup = raw.newUserLookup as NewUserLookup | undefined | null;
  if (lookup === undefined || lookup === null) return problems;
  if (!isFilterPattern(lookup.ldapFilterPattern, `\${identifier}`)) {
    problems.push(invalidValue(`${at}.newUserLookup.ldapFilterPattern`, GatewayMessages.filterPattern));
  }
  if (findPopulation(ctx.db, environmentId, lookup.population.id) === undefined) {
    problems.push(invalidValue(`${at}.newUserLookup.population.id`, ErrorMessages.unknownPopulation));
  }
  const mapped = new Set<string>();
  lookup.attributeMappings.forEach((mapping, index) => {
    const target = `${at}.newUserLookup.attributeMappings[${index}]`;
    if (!PINGONE_ATTRIBUTE.test(mapping.name))
      problems.push(invalidValue(`${target}.name`, GatewayMessages.attributeName));
    else if (mapped.has(mapping.name))
      problems.push(invalidValue(`${target}.name`, GatewayMessages.duplicateMapping));
    mapped.add(mapping.name);
    if (!MAPPING_TEMPLATE.test(mapping.value) || !PLACEHOLDER.test(mapping.value)) {
      problems.push(invalidValue(`${target}.value`, GatewayMessages.attributeMapping));
    }
  });
  if (!mapped.has("username")) {
    problems.push({
      code: "REQUIRED_VALUE",
      target: `${at}.newUserLookup.attributeMappings`,
      message: GatewayMessages.usernameMapping,
    });
  }
  return problems;
}

function userTypeOf(raw: JsonObject): GatewayUserType {
  const lookup = raw.newUserLookup as NewUserLookup | undefined | null;
  const userType: GatewayUserType = {
    id: typeof raw.id === "string" ? raw.id.toLowerCase() : crypto.randomUUID(),
    name: raw.name as string,
    searchBaseDn: raw.searchBaseDn as string,
    passwordAuthority: raw.passwordAuthority as PasswordAuthority,
    orderedCorrelationAttributes: [...(raw.orderedCorrelationAttributes as string[])],
    allowPasswordChanges: raw.allowPasswordChanges === true,
    updateUserOnSuccessfulAuthentication: raw.updateUserOnSuccessfulAuthentication === true,
  };
  if (lookup !== undefined && lookup !== null) {
    userType.newUserLookup = {
      ldapFilterPattern: lookup.ldapFilterPattern,
      population: { id: lookup.population.id },
      attributeMappings: lookup.attributeMappings.map(({ name, value }) => ({ name, value })),
    };
  }
  return userType;
}

/** Validates an LDAP gateway body (create or replace) and returns what to store. */
function ldapGatewayFieldsFrom(ctx: EmulatorContext, environmentId: string, body: JsonObject): GatewayFields {
  assertLdapType(body);
  assertValid(body, LDAP_GATEWAY_SPEC, { required: LDAP_REQUIRED });
  const problems: PingOneErrorDetail[] = [];
  (body.serversHostAndPort as string[]).forEach((server, index) => {
    if (parseHostAndPort(server) === undefined) {
      problems.push(invalidValue(`serversHostAndPort[${index}]`, GatewayMessages.hostAndPort));
    }
  });
  if (!DISTINGUISHED_NAME.test(body.bindDN as string))
    problems.push(invalidValue("bindDN", GatewayMessages.distinguishedName));
  const rawUserTypes = (body.userTypes as JsonObject[] | undefined | null) ?? [];
  const ids = new Set<string>();
  rawUserTypes.forEach((raw, index) => {
    const at = `userTypes[${index}]`;
    problems.push(...userTypeProblems(ctx, environmentId, raw, at));
    if (typeof raw.id !== "string") return;
    if (ids.has(raw.id.toLowerCase()))
      problems.push(invalidValue(`${at}.id`, GatewayMessages.duplicateUserTypeId));
    ids.add(raw.id.toLowerCase());
  });
  if (problems.length > 0) throw invalidData(problems);

  const kerberos = body.kerberos as
    | {
        serviceAccountUserPrincipalName: string;
        serviceAccountPassword?: string;
        minutesToRetainPreviousCredentials?: number;
      }
    | undefined
    | null;
  const settings: LdapGatewaySettings = {
    vendor: body.vendor as string,
    serversHostAndPort: [...(body.serversHostAndPort as string[])],
    bindDN: body.bindDN as string,
    connectionSecurity: (body.connectionSecurity as ConnectionSecurity | undefined | null) ?? "None",
    validateTlsCertificates: body.validateTlsCertificates !== false,
    followReferrals: body.followReferrals === true,
    userTypes: rawUserTypes.map(userTypeOf),
  };
  const secrets: LdapGatewaySecrets = { bindPassword: body.bindPassword as string };
  if (kerberos !== undefined && kerberos !== null) {
    settings.kerberos = { serviceAccountUserPrincipalName: kerberos.serviceAccountUserPrincipalName };
    if (
      kerberos.minutesToRetainPreviousCredentials !== undefined &&
      kerberos.minutesToRetainPreviousCredentials !== null
    ) {
      settings.kerberos.minutesToRetainPreviousCredentials = kerberos.minutesToRetainPreviousCredentials;
    }
    if (typeof kerberos.serviceAccountPassword === "string") {
      secrets.kerberosServiceAccountPassword = kerberos.serviceAccountPassword;
    }
  }
  return {
    type: "LDAP",
    name: body.name as string,
    description: typeof body.description === "string" ? body.description : null,
    enabled: body.enabled as boolean,
    settings: { ...settings },
    secrets: { ...secrets },
  };
}

function assertNameFree(ctx: EmulatorContext, environmentId: string, name: string, selfId?: string): void {
  const holder = findGatewayIdByName(ctx.db, environmentId, name);
  if (holder !== undefined && holder !== selfId) throw uniquenessViolation("name", holder);
}

/** The gateway named in the path, or 404 NOT_FOUND. */
export function requireGateway(ctx: EmulatorContext, environmentId: string, gatewayId: string): LdapGateway {
  return orNotFound(findGateway(ctx.db, environmentId, gatewayId)) as LdapGateway;
}

/** Every gateway of the environment, in creation order (the emulator stores LDAP gateways only). */
export function listLdapGateways(ctx: EmulatorContext, environmentId: string): LdapGateway[] {
  return listGateways(ctx.db, environmentId) as LdapGateway[];
}

/** The environment's gateway, when it exists and is an LDAP gateway. */
export function findLdapGateway(
  ctx: EmulatorContext,
  environmentId: string,
  gatewayId: string,
): LdapGateway | undefined {
  const gateway = findGateway(ctx.db, environmentId, gatewayId);
  return gateway?.type === "LDAP" ? (gateway as LdapGateway) : undefined;
}

/** A user type of the gateway by id (ids compare ignoring case, as UUIDs do). */
export function findUserType(gateway: LdapGateway, userTypeId: string): GatewayUserType | undefined {
  const wanted = userTypeId.toLowerCase();
  return gateway.settings.userTypes.find((userType) => userType.id === wanted);
}

/** Validates and stores an LDAP gateway, as `POST P/gateways` does. Call inside a write transaction. */
export function createGateway(
  ctx: EmulatorContext,
  environmentId: string,
  body: JsonObject,
  id: string = crypto.randomUUID(),
): LdapGateway {
  const fields = ldapGatewayFieldsFrom(ctx, environmentId, body);
  assertNameFree(ctx, environmentId, fields.name);
  insertGateway(ctx.db, environmentId, fields, ctx.clock.now(), id);
  return requireGateway(ctx, environmentId, id);
}

/**
 * Replaces a gateway, as `PUT P/gateways/{id}` does: every attribute not sent is reset, `bindPassword`
 * must be sent again, and user types sent without an id get a new one. Call inside a write transaction.
 */
export function replaceGateway(
  ctx: EmulatorContext,
  environmentId: string,
  gatewayId: string,
  body: JsonObject,
): LdapGateway {
  const existing = requireGateway(ctx, environmentId, gatewayId);
  const fields = ldapGatewayFieldsFrom(ctx, environmentId, body);
  assertNameFree(ctx, environmentId, fields.name, existing.id);
  updateGateway(ctx.db, existing.id, fields, ctx.clock.now());
  return requireGateway(ctx, environmentId, existing.id);
}

/** `DELETE P/gateways/{id}`; users linked to it keep a link that no longer resolves. Call inside a transaction. */
export function removeGateway(ctx: EmulatorContext, environmentId: string, gatewayId: string): void {
  deleteGateway(ctx.db, requireGateway(ctx, environmentId, gatewayId).id);
}
