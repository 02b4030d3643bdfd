/**
 * What the community spec (pingone-management.openapi.yml) lacks, as JSON Schemas. Every schema carries
 * `x-confidence` with the mark of docs/emulator.md#unconfirmed-behaviour for the facts it encodes, and
 * `x-source` naming the section. References into the community document use the
 * `community#/components/schemas/...` base registered by schema-validators.ts; references between overlay
 * schemas use `overlay#/definitions/...`.
 */

const community = (name: string) => ({ $ref: `community#/components/schemas/${name}` });
const overlay = (name: string) => ({ $ref: `overlay#/definitions/${name}` });

const href = {
  type: "object",
  required: ["href"],
  properties: { href: { type: "string", format: "uri" } },
};
const idRef = { type: "object", required: ["id"], properties: { id: { type: "string", minLength: 1 } } };
const dateTime = { type: "string", format: "date-time" };

/** `_embedded` key of each collection and the schema of its items (docs/emulator.md#hal). */
export const COLLECTION_ITEMS = {
  environments: community("Environment"),
  users: community("User"),
  populations: community("Population"),
  groups: community("Group"),
  groupMemberships: community("GroupMembership"),
  roleAssignments: community("RoleAssignment"),
  roles: community("Role"),
  passwordPolicies: community("PasswordPolicy"),
  identityProviders: overlay("IdentityProvider"),
  linkedAccounts: overlay("LinkedAccount"),
  sessions: overlay("Session"),
} as const;

export type CollectionKey = keyof typeof COLLECTION_ITEMS;

/**
 * The community spec models every collection as one loose `EntityArray`; this is the per-collection shape
 * (docs/emulator.md#hal, #paging): absolute `self`/`next`/`prev` links, `_embedded.<key>`, `count` (total)
 * and `size` (this page).
 */
function collectionSchema(key: CollectionKey) {
  return {
    "x-confidence": "from spec, documented",
    "x-source": "docs/emulator.md#hal, docs/emulator.md#paging",
    type: "object",
    required: ["_links", "_embedded", "count", "size"],
    properties: {
      _links: {
        type: "object",
        required: ["self"],
        properties: { self: href, next: href, prev: href },
      },
      _embedded: {
        type: "object",
        required: [key],
        properties: { [key]: { type: "array", items: COLLECTION_ITEMS[key] } },
      },
      count: { type: "integer", minimum: 0 },
      size: { type: "integer", minimum: 0 },
    },
  };
}

const collections = Object.fromEntries(
  (Object.keys(COLLECTION_ITEMS) as CollectionKey[]).map((key) => [
    `Collection.${key}`,
    collectionSchema(key),
  ]),
);

const PASSWORD_STATUSES = [
  "OK",
  "NO_PASSWORD",
  "PASSWORD_EXPIRED",
  "PASSWORD_LOCKED_OUT",
  "MUST_CHANGE_PASSWORD",
  "EXTERNAL",
];

const IDENTITY_PROVIDER_TYPES = [
  "FACEBOOK",
  "GOOGLE",
  "LINKEDIN",
  "LINKEDIN_OIDC",
  "APPLE",
  "TWITTER",
  "AMAZON",
  "YAHOO",
  "MICROSOFT",
  "PAYPAL",
  "GITHUB",
  "OPENID_CONNECT",
  "SAML",
];

const definitions = {
  ...collections,

  PasswordState: {
    "x-confidence":
      "documented (fields); unconfirmed (secondsUntilUnlock, failuresRemaining, warnings names)",
    "x-source": "docs/emulator.md#password-state",
    type: "object",
    required: ["environment", "user", "status", "_links"],
    properties: {
      environment: idRef,
      user: idRef,
      passwordPolicy: idRef,
      status: { type: "string", enum: PASSWORD_STATUSES },
      lastChangedAt: dateTime,
      secondsUntilUnlock: { type: "integer", minimum: 0 },
      failuresRemaining: { type: "integer", minimum: 0 },
      warnings: {
        type: "object",
        properties: {
          expires: dateTime,
          noChangeUntil: dateTime,
          failuresRemaining: { type: "integer", minimum: 0 },
        },
      },
      _links: community("LinksHATEOAS"),
      _embedded: { type: "object", properties: { passwordPolicy: community("PasswordPolicy") } },
    },
  },

  Session: {
    "x-confidence": "documented (examples)",
    "x-source": "docs/emulator.md#sessions",
    type: "object",
    required: ["id", "environment", "user", "createdAt", "_links"],
    properties: {
      id: { type: "string", minLength: 1 },
      environment: idRef,
      user: idRef,
      createdAt: dateTime,
      activeAt: dateTime,
      lastSignOn: {
        type: "object",
        properties: { at: dateTime, remoteIp: { type: "string" } },
      },
      locations: {
        type: "array",
        maxItems: 5,
        items: {
          type: "object",
          properties: {
            at: dateTime,
            remoteIp: { type: "string" },
            city: { type: "string" },
            state: { type: "string" },
            region: { type: "string" },
            country: { type: "string" },
          },
        },
      },
      browser: { type: "object", properties: { name: { type: "string" }, version: { type: "string" } } },
      operatingSystem: {
        type: "object",
        properties: { name: { type: "string" }, version: { type: "string" } },
      },
      device: { type: "object", properties: { type: { type: "string" } } },
      userAgent: { type: "string" },
      _links: community("LinksHATEOAS"),
    },
  },

  LinkedAccount: {
    "x-confidence": "documented (fields); unconfirmed (timestamps, _embedded.identityProvider key)",
    "x-source": "docs/emulator.md#linked-accounts",
    type: "object",
    required: ["id", "environment", "user", "identityProvider", "externalId", "_links"],
    properties: {
      id: { type: "string", minLength: 1 },
      environment: idRef,
      user: idRef,
      identityProvider: idRef,
      externalId: { type: "string", minLength: 1 },
      createdAt: dateTime,
      updatedAt: dateTime,
      _links: community("LinksHATEOAS"),
      _embedded: { type: "object", properties: { identityProvider: overlay("IdentityProvider") } },
    },
  },

  /**
   * The community `IdentityProvider` is a `oneOf` over seven type-specific schemas that overlap (a GOOGLE
   * provider matches more than one branch), so responses are checked against the common part instead.
   */
  IdentityProvider: {
    "x-confidence": "from spec",
    "x-source": "community IdentityProviderCommon; docs/emulator.md#linked-accounts",
    allOf: [
      community("IdentityProviderCommon"),
      {
        type: "object",
        required: ["id", "environment", "_links"],
        properties: { type: { type: "string", enum: IDENTITY_PROVIDER_TYPES } },
      },
    ],
  },

  // Request bodies of the action media types (docs/emulator.md#action-media-types), keyed by the media type
  // without "+json".
  "application/vnd.pingidentity.account.link": {
    "x-confidence": "documented",
    "x-source": "docs/emulator.md#action-media-types, docs/emulator.md#linked-accounts",
    type: "object",
    required: ["identityProvider", "externalId"],
    properties: {
      identityProvider: idRef,
      externalId: { type: "string", minLength: 1 },
      attributes: {
        type: "object",
        additionalProperties: {
          type: "object",
          required: ["value"],
          properties: { update: { type: "string", enum: ["EMPTY_ONLY", "ALWAYS"] } },
        },
      },
    },
  },
  "application/vnd.pingidentity.account.lock": {
    "x-confidence": "documented",
    "x-source": "docs/emulator.md#action-media-types, docs/emulator.md#account-lock",
    type: "object",
    properties: { unlockAt: dateTime },
  },
  "application/vnd.pingidentity.user.verify": {
    "x-confidence": "documented",
    "x-source": "docs/emulator.md#action-media-types, docs/emulator.md#email-verification",
    type: "object",
    required: ["verificationCode"],
    properties: { verificationCode: { type: "string", minLength: 1 } },
  },
  "application/vnd.pingidentity.password.check": {
    "x-confidence": "documented",
    "x-source": "docs/emulator.md#action-media-types",
    type: "object",
    required: ["password"],
    properties: { password: { type: "string" } },
  },
  "application/vnd.pingidentity.password.recover": {
    "x-confidence": "documented",
    "x-source": "docs/emulator.md#action-media-types",
    type: "object",
    required: ["recoveryCode", "newPassword"],
    properties: { recoveryCode: { type: "string" }, newPassword: { type: "string" } },
  },
  "application/vnd.pingidentity.password.reset": {
    "x-confidence": "documented",
    "x-source": "docs/emulator.md#action-media-types",
    type: "object",
    required: ["currentPassword", "newPassword"],
    properties: { currentPassword: { type: "string" }, newPassword: { type: "string" } },
  },
  "application/vnd.pingidentity.password.set": {
    "x-confidence": "documented",
    "x-source": "docs/emulator.md#action-media-types",
    type: "object",
    required: ["value"],
    properties: {
      value: { type: "string" },
      forceChange: { type: "boolean" },
      bypassPolicy: { type: "boolean" },
      "password.external.gateway": { type: "object" },
    },
  },
  "application/vnd.pingidentity.password.setValue": {
    "x-confidence": "documented",
    "x-source": "docs/emulator.md#action-media-types",
    type: "object",
    properties: {
      value: { type: "string" },
      forceChange: { type: "boolean" },
      bypassPolicy: { type: "boolean" },
    },
  },
} as const;

/** The overlay as one schema resource; each definition is addressed as `overlay#/definitions/<name>`. */
export const OVERLAY_SCHEMA = { $id: "overlay", definitions } as const;

export type OverlaySchemaName = keyof typeof definitions | `Collection.${CollectionKey}`;
