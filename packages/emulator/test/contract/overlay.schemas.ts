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
  agreements: community("Agreement"),
  languages: community("AgreementLanguage"),
  revisions: overlay("AgreementLanguageRevisionResponse"),
  agreementConsents: overlay("AgreementConsent"),
  themes: community("BrandingTheme"),
  forms: overlay("Form"),
  gateways: overlay("LdapGatewayResponse"),
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

/** Each form field type's community schema (the `FormField` discriminator mapping). */
const FORM_FIELD_SCHEMAS: Record<string, string> = {
  TEXT: "FormFieldText",
  PASSWORD: "FormFieldPassword",
  PASSWORD_VERIFY: "FormFieldPasswordVerify",
  PHONE_NUMBER: "FormFieldPhoneNumber",
  RADIO: "FormFieldRadio",
  CHECKBOX: "FormFieldCheckbox",
  DROPDOWN: "FormFieldDropdown",
  COMBOBOX: "FormFieldCombobox",
  DIVIDER: "FormFieldDivider",
  EMPTY_FIELD: "FormFieldEmptyField",
  SLATE_TEXTBLOB: "FormFieldSlateTextblob",
  SUBMIT_BUTTON: "FormFieldSubmitButton",
  ERROR_DISPLAY: "FormFieldErrorDisplay",
  FLOW_LINK: "FormFieldFlowLink",
  FLOW_BUTTON: "FormFieldFlowButton",
  RECAPTCHA_V2: "FormFieldRecaptchaV2",
  QR_CODE: "FormFieldQrCode",
  SOCIAL_LOGIN_BUTTON: "FormFieldSocialLoginButton",
  DEVICE_REGISTRATION: "FormFieldDeviceRegistration",
  DEVICE_AUTHENTICATION: "FormFieldDeviceAuthentication",
  POLLING: "FormFieldPolling",
  FIDO2: "FormFieldFIDO2",
  SINGLE_CHECKBOX: "FormFieldSingleCheckbox",
  AGREEMENT: "FormFieldFormAgreement",
};

/** The community `Form` attributes other than `components`, referenced one by one. */
const FORM_ATTRIBUTES = [
  "_links",
  "created",
  "category",
  "cols",
  "environment",
  "fieldTypes",
  "id",
  "languageBundle",
  "markOptional",
  "markRequired",
  "modified",
  "name",
  "passwordAutoCompleteEnabled",
  "textAutoCompleteEnabled",
  "translationMethod",
];

/** The attributes of the community `GatewayTypeLDAP` (its second `allOf` member), referenced one by one. */
const LDAP_GATEWAY_ATTRIBUTES = [
  "bindDN",
  "connectionSecurity",
  "serversHostAndPort",
  "validateTlsCertificates",
  "vendor",
  "followReferrals",
];

const CONSENT_STATUSES = ["ACCEPTED", "PENDING", "REVOKED", "EXPIRED", "AGREEMENT_DISABLED"];

const definitions = {
  ...collections,

  AgreementConsent: {
    "x-confidence":
      "documented (fields, ACCEPTED); unconfirmed (PENDING, REVOKED, EXPIRED, AGREEMENT_DISABLED; _embedded)",
    "x-source": "PingOne User Agreement Consents data model; docs/emulator-agreements.md",
    type: "object",
    required: [
      "id",
      "environment",
      "user",
      "agreement",
      "language",
      "revision",
      "status",
      "lastConsent",
      "_links",
    ],
    properties: {
      id: { type: "string", minLength: 1 },
      environment: idRef,
      user: idRef,
      agreement: idRef,
      language: idRef,
      revision: idRef,
      status: { type: "string", enum: CONSENT_STATUSES },
      lastConsent: {
        type: "object",
        required: ["at", "language", "revision"],
        properties: { at: dateTime, expiresAt: dateTime, language: idRef, revision: idRef },
      },
      _links: community("LinksHATEOAS"),
      _embedded: {
        type: "object",
        required: ["agreement"],
        properties: {
          agreement: community("Agreement"),
          language: community("AgreementLanguage"),
          revision: overlay("AgreementLanguageRevisionResponse"),
        },
      },
    },
  },

  /**
   * The community `AgreementLanguageRevision` doubles as the create body and requires `text`, which PingOne
   * never returns ("The response does not include the text property"): the same schema without that rule.
   */
  AgreementLanguageRevisionResponse: {
    "x-confidence": "from spec, documented",
    "x-source": "community AgreementLanguageRevision; PingOne Read One Revision",
    type: "object",
    required: ["id", "contentType", "effectiveAt", "requireReconsent", "_links"],
    not: { required: ["text"] },
    properties: Object.fromEntries(
      [
        "_links",
        "agreement",
        "contentType",
        "effectiveAt",
        "id",
        "language",
        "notValidAfter",
        "requireReconsent",
      ].map((name) => [
        name,
        { $ref: `community#/components/schemas/AgreementLanguageRevision/properties/${name}` },
      ]),
    ),
  },

  /**
   * The community `GatewayTypeLDAP` doubles as the create body and requires `bindPassword`, which is
   * write-only ("never returned"): the same attributes, with the password (and the Kerberos service
   * account password) forbidden instead.
   */
  LdapGatewayResponse: {
    "x-confidence": "from spec; documented (write-only passwords)",
    "x-source": "community Gateway, GatewayTypeLDAP; docs/emulator-gateways.md",
    allOf: [
      community("Gateway"),
      {
        type: "object",
        required: [
          "id",
          "environment",
          "type",
          "bindDN",
          "vendor",
          "serversHostAndPort",
          "userTypes",
          "_links",
        ],
        not: { anyOf: [{ required: ["bindPassword"] }, { required: ["credentials"] }] },
        properties: {
          type: { const: "LDAP" },
          ...Object.fromEntries(
            LDAP_GATEWAY_ATTRIBUTES.map((name) => [
              name,
              { $ref: `community#/components/schemas/GatewayTypeLDAP/allOf/1/properties/${name}` },
            ]),
          ),
          kerberos: {
            allOf: [
              { $ref: "community#/components/schemas/GatewayTypeLDAP/allOf/1/properties/kerberos" },
              { not: { required: ["serviceAccountPassword"] } },
            ],
          },
          userTypes: {
            type: "array",
            items: {
              allOf: [
                { $ref: "community#/components/schemas/GatewayTypeLDAP/allOf/1/properties/userTypes/items" },
                { type: "object", required: ["id"], properties: { id: { type: "string", format: "uuid" } } },
              ],
            },
          },
        },
      },
    ],
  },

  /**
   * The community `FormField` is a `oneOf` with a discriminator mapping Ajv does not apply, and its branches
   * overlap (a TEXT field also matches PASSWORD), so each field is checked against its own type's schema.
   */
  FormField: {
    "x-confidence": "from spec",
    "x-source": "community FormField discriminator mapping",
    type: "object",
    required: ["type"],
    properties: { type: community("EnumFormFieldType") },
    // "if type is T then T's schema", written as "not T, or T's schema".
    allOf: Object.entries(FORM_FIELD_SCHEMAS).map(([type, schema]) => ({
      anyOf: [{ not: { properties: { type: { const: type } } } }, community(schema)],
    })),
  },

  Form: {
    "x-confidence": "from spec",
    "x-source": "community Form, with components.fields checked per field type",
    type: "object",
    required: [
      "id",
      "environment",
      "name",
      "category",
      "components",
      "markOptional",
      "markRequired",
      "_links",
    ],
    properties: {
      ...Object.fromEntries(
        FORM_ATTRIBUTES.map((name) => [
          name,
          { $ref: `community#/components/schemas/Form/properties/${name}` },
        ]),
      ),
      components: {
        type: "object",
        required: ["fields"],
        properties: { fields: { type: "array", items: overlay("FormField") } },
      },
    },
  },

  "application/vnd.pingidentity.consent.accept": {
    "x-confidence": "documented",
    "x-source": "PingOne User Agreement Consents: accept",
    type: "object",
    required: ["language", "revision"],
    properties: { language: idRef, revision: idRef, consentedAt: dateTime },
  },

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
      external: {
        "x-confidence": "unconfirmed (PingOne documents the link on the user's write-only password)",
        type: "object",
        required: ["gateway"],
        properties: { gateway: overlay("GatewayLink") },
      },
      _links: community("LinksHATEOAS"),
      _embedded: { type: "object", properties: { passwordPolicy: community("PasswordPolicy") } },
    },
  },

  /** A user's `password.external.gateway`, the body of `password.setGateway+json` (documented examples). */
  GatewayLink: {
    "x-confidence": "documented (fields); from spec (User.password.external.gateway)",
    "x-source": "PingOne Update Password (LDAP Gateway); docs/emulator-gateways.md",
    type: "object",
    required: ["id", "userType", "correlationAttributes"],
    properties: {
      id: { type: "string", minLength: 1 },
      type: { type: "string", enum: ["LDAP"] },
      userType: idRef,
      correlationAttributes: {
        type: "object",
        minProperties: 1,
        additionalProperties: { type: "string", minLength: 1 },
      },
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
  "application/vnd.pingidentity.password.setGateway": overlay("GatewayLink"),
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
