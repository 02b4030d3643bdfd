import type { EmulatorContext } from "../context.js";
import { ownValue } from "../own-value.js";
import {
  deleteIdentityProvider,
  findIdentityProvider,
  findIdentityProviderIdByName,
  type IdentityProviderFields,
  type IdentityProviderRecord,
  insertIdentityProvider,
} from "../store/identity-providers.js";
import { findPopulation } from "../store/populations.js";
import { ErrorMessages } from "./error-messages.js";
import { invalidData, orNotFound, type PingOneErrorDetail, uniquenessViolation } from "./errors.js";
import { assertValid, type FieldSpec, type JsonObject, type ObjectSpec } from "./validation.js";

const text: FieldSpec = { kind: "string", minLength: 1, maxLength: 2048 };
const readOnly = { kind: "readOnly" } as const;
const idObject: FieldSpec = { kind: "object", fields: { id: text }, required: ["id"] };
const iconObject: FieldSpec = { kind: "object", fields: { id: text, href: text } };

/** Attributes every provider has (community `IdentityProviderCommon`). */
const COMMON_SPEC: ObjectSpec = {
  type: { kind: "string" },
  name: { kind: "string", minLength: 1, maxLength: 256 },
  description: { kind: "string", maxLength: 1024 },
  enabled: { kind: "boolean" },
  registration: { kind: "object", fields: { population: idObject } },
  icon: iconObject,
  loginButtonIcon: iconObject,
  id: readOnly,
  environment: readOnly,
  createdAt: readOnly,
  updatedAt: readOnly,
  _links: readOnly,
};

const CLIENT_ID_SECRET = { clientId: text, clientSecret: text };

/** Type-specific attributes and which of them are required, per the community spec's IdentityProvider* schemas. */
const TYPE_SPECS: Readonly<Record<string, { fields: ObjectSpec; required: readonly string[] }>> = {
  FACEBOOK: { fields: { appId: text, appSecret: text }, required: ["appId", "appSecret"] },
  GOOGLE: { fields: CLIENT_ID_SECRET, required: ["clientId", "clientSecret"] },
  LINKEDIN: { fields: CLIENT_ID_SECRET, required: ["clientId", "clientSecret"] },
  LINKEDIN_OIDC: { fields: CLIENT_ID_SECRET, required: ["clientId", "clientSecret"] },
  TWITTER: { fields: CLIENT_ID_SECRET, required: ["clientId", "clientSecret"] },
  AMAZON: { fields: CLIENT_ID_SECRET, required: ["clientId", "clientSecret"] },
  YAHOO: { fields: CLIENT_ID_SECRET, required: ["clientId", "clientSecret"] },
  GITHUB: { fields: CLIENT_ID_SECRET, required: ["clientId", "clientSecret"] },
  MICROSOFT: { fields: { ...CLIENT_ID_SECRET, tenantId: text }, required: ["clientId", "clientSecret"] },
  PAYPAL: {
    fields: { ...CLIENT_ID_SECRET, clientEnvironment: { kind: "string", allowed: ["sandbox", "live"] } },
    required: ["clientId", "clientSecret", "clientEnvironment"],
  },
  APPLE: {
    fields: { clientId: text, clientSecretSigningKey: text, keyId: text, teamId: text },
    required: ["clientId", "clientSecretSigningKey", "keyId", "teamId"],
  },
  OPENID_CONNECT: {
    fields: {
      ...CLIENT_ID_SECRET,
      authorizationEndpoint: text,
      tokenEndpoint: text,
      jwksEndpoint: text,
      userInfoEndpoint: text,
      discoveryEndpoint: text,
      issuer: text,
      scopes: { kind: "stringArray", maxItems: 100 },
      tokenEndpointAuthMethod: {
        kind: "string",
        allowed: ["CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST", "NONE"],
      },
      pkceMethod: { kind: "string", allowed: ["NONE", "S256"] },
    },
    required: [
      "authorizationEndpoint",
      "clientId",
      "clientSecret",
      "issuer",
      "jwksEndpoint",
      "scopes",
      "tokenEndpoint",
      "tokenEndpointAuthMethod",
    ],
  },
  SAML: {
    fields: {
      idpEntityId: text,
      spEntityId: text,
      idpVerification: { kind: "anyObject" },
      spSigning: { kind: "anyObject" },
      ssoBinding: { kind: "string", allowed: ["HTTP_POST", "HTTP_REDIRECT"] },
      ssoEndpoint: text,
      sloBinding: { kind: "string", allowed: ["HTTP_POST", "HTTP_REDIRECT"] },
      sloEndpoint: text,
      sloResponseEndpoint: text,
      sloWindow: { kind: "integer", min: 0, max: 24 },
      authnRequestSigned: { kind: "boolean" },
    },
    required: ["idpEntityId", "spEntityId", "idpVerification", "ssoBinding", "ssoEndpoint"],
  },
};

export const IDENTITY_PROVIDER_TYPES: readonly string[] = Object.keys(TYPE_SPECS);

/** The spec of the body's `type`; without a known type the other attributes cannot be judged. */
function typeSpecOf(body: JsonObject): { fields: ObjectSpec; required: readonly string[] } {
  const type = typeof body.type === "string" ? ownValue(TYPE_SPECS, body.type) : undefined;
  if (type !== undefined) return type;
  const problem: PingOneErrorDetail =
    body.type === undefined || body.type === null
      ? { code: "REQUIRED_VALUE", target: "type", message: ErrorMessages.requiredValue }
      : {
          code: "INVALID_VALUE",
          target: "type",
          message: ErrorMessages.notOneOf,
          innerError: { allowedValues: [...IDENTITY_PROVIDER_TYPES] },
        };
  throw invalidData([problem]);
}

/**
 * Validates a provider body for its `type` and returns the stored fields. Type-specific attributes are kept
 * as settings; secrets among them are stored but never returned.
 */
function identityProviderFieldsFrom(
  ctx: EmulatorContext,
  environmentId: string,
  body: JsonObject,
): IdentityProviderFields {
  const type = typeSpecOf(body);
  assertValid(
    body,
    { ...COMMON_SPEC, ...type.fields },
    { required: ["type", "name", "enabled", ...type.required] },
  );
  const registration = body.registration as { population?: { id: string } } | undefined;
  const populationId = registration?.population?.id ?? null;
  if (populationId !== null && findPopulation(ctx.db, environmentId, populationId) === undefined) {
    throw invalidData([
      {
        code: "INVALID_VALUE",
        target: "registration.population.id",
        message: ErrorMessages.unknownPopulation,
      },
    ]);
  }
  const settings: Record<string, unknown> = {};
  for (const key of [...Object.keys(type.fields), "icon", "loginButtonIcon"]) {
    if (body[key] !== undefined && body[key] !== null) settings[key] = body[key];
  }
  return {
    type: body.type as string,
    name: body.name as string,
    description: typeof body.description === "string" ? body.description : null,
    enabled: body.enabled as boolean,
    registrationPopulationId: populationId,
    settings,
  };
}

/** Validates and stores a provider as `POST P/identityProviders` does; call inside a write transaction. */
export function createIdentityProvider(
  ctx: EmulatorContext,
  environmentId: string,
  body: JsonObject,
  id: string = crypto.randomUUID(),
): IdentityProviderRecord {
  const fields = identityProviderFieldsFrom(ctx, environmentId, body);
  const clash = findIdentityProviderIdByName(ctx.db, environmentId, fields.name);
  if (clash !== undefined) throw uniquenessViolation("name", clash);
  return insertIdentityProvider(ctx.db, environmentId, fields, ctx.clock.now(), id);
}

/** The provider named in the path, or 404. */
export function requireIdentityProvider(
  ctx: EmulatorContext,
  environmentId: string,
  providerId: string,
): IdentityProviderRecord {
  return orNotFound(findIdentityProvider(ctx.db, environmentId, providerId));
}

/** `DELETE P/identityProviders/{id}`: accounts linked to it go with it. */
export function removeIdentityProvider(
  ctx: EmulatorContext,
  environmentId: string,
  providerId: string,
): void {
  ctx.db.transaction(() =>
    deleteIdentityProvider(ctx.db, requireIdentityProvider(ctx, environmentId, providerId).id),
  )();
}
