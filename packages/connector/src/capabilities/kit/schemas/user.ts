import { type Static, Type } from "@sinclair/typebox";

const Str = Type.String();
const Id = Type.Object({ id: Str }, { additionalProperties: true });

/**
 * The PingOne user resource (docs/connector-capabilities.md#output-shapes). Every field is
 * optional because PingOne omits empty attributes; custom attributes pass through.
 */
export const UserSchema = Type.Object(
  {
    id: Type.Optional(Str),
    environment: Type.Optional(Id),
    username: Type.Optional(Str),
    email: Type.Optional(Str),
    emailVerified: Type.Optional(Type.Boolean()),
    name: Type.Optional(
      Type.Object(
        {
          formatted: Type.Optional(Str),
          given: Type.Optional(Str),
          middle: Type.Optional(Str),
          family: Type.Optional(Str),
          honorificPrefix: Type.Optional(Str),
          honorificSuffix: Type.Optional(Str),
        },
        { additionalProperties: true },
      ),
    ),
    nickname: Type.Optional(Str),
    title: Type.Optional(Str),
    type: Type.Optional(Str),
    locale: Type.Optional(Str),
    preferredLanguage: Type.Optional(Str),
    timezone: Type.Optional(Str),
    primaryPhone: Type.Optional(Str),
    mobilePhone: Type.Optional(Str),
    address: Type.Optional(
      Type.Object(
        {
          streetAddress: Type.Optional(Str),
          locality: Type.Optional(Str),
          region: Type.Optional(Str),
          postalCode: Type.Optional(Str),
          countryCode: Type.Optional(Str),
        },
        { additionalProperties: true },
      ),
    ),
    photo: Type.Optional(Type.Object({ href: Type.Optional(Str) }, { additionalProperties: true })),
    externalId: Type.Optional(Str),
    accountId: Type.Optional(Str),
    population: Type.Optional(Id),
    enabled: Type.Optional(Type.Boolean()),
    lifecycle: Type.Optional(Type.Object({ status: Type.Optional(Str) }, { additionalProperties: true })),
    account: Type.Optional(
      Type.Object(
        {
          canAuthenticate: Type.Optional(Type.Boolean()),
          status: Type.Optional(Str),
          lockedAt: Type.Optional(Str),
          unlockAt: Type.Optional(Str),
          // PingOne sends an integer where the product document says string: passed through.
          secondsUntilUnlock: Type.Optional(Type.Union([Type.Integer(), Str])),
        },
        { additionalProperties: true },
      ),
    ),
    identityProvider: Type.Optional(
      Type.Object({ id: Type.Optional(Str), type: Type.Optional(Str) }, { additionalProperties: true }),
    ),
    mfaEnabled: Type.Optional(Type.Boolean()),
    verifyStatus: Type.Optional(Str),
    lastSignOn: Type.Optional(
      Type.Object({ at: Type.Optional(Str), remoteIp: Type.Optional(Str) }, { additionalProperties: true }),
    ),
    createdAt: Type.Optional(Str),
    updatedAt: Type.Optional(Str),
  },
  { additionalProperties: true, description: "A PingOne user" },
);

export type PingOneUser = Static<typeof UserSchema>;

/** The normalized copy of a user resource: `_links` removed (rawResponse keeps them). */
export function normalizeUser(resource: unknown): PingOneUser {
  if (resource === null || typeof resource !== "object" || Array.isArray(resource)) return {};
  const { _links: _ignored, ...user } = resource as Record<string, unknown>;
  return user as PingOneUser;
}
