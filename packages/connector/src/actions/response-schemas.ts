import { type TObject, type TProperties, type TSchema, Type } from "@sinclair/typebox";

/**
 * The documented success bodies of the actions (PingOne resources in HAL form), used as the
 * `json_body` of each action's output schema. Every field is optional and unknown fields are
 * kept: PingOne adds attributes over time, and a 4xx/5xx puts its error body in the same place.
 */

const Href = Type.Object({ href: Type.Optional(Type.String()) });

function links(...names: string[]): TObject {
  const properties: TProperties = {};
  for (const name of names) properties[name] = Type.Optional(Href);
  return Type.Object(properties);
}

const Ref = Type.Object({ id: Type.Optional(Type.String()) });

function optional(properties: TProperties): TObject {
  const out: TProperties = {};
  for (const [name, schema] of Object.entries(properties)) out[name] = Type.Optional(schema);
  return Type.Object(out);
}

/** A HAL collection: `_links.self`, `_embedded.<key>[]`, `count`, `size`. */
function collection(key: string, item: TSchema, collectionLinks: string[] = ["self"]): TObject {
  return optional({
    _links: links(...collectionLinks, "next"),
    _embedded: optional({ [key]: Type.Array(item) }),
    count: Type.Number({ description: "Number of matching resources" }),
    size: Type.Number({ description: "Number of resources in this page" }),
  });
}

const USER_LINKS = [
  "self",
  "environment",
  "population",
  "devices",
  "roleAssignments",
  "password",
  "password.reset",
  "password.set",
  "password.check",
  "password.recover",
  "linkedAccounts",
  "account.sendVerificationCode",
  "account.unlock",
  "memberOfGroups",
];

export const UserResource = optional({
  _links: links(...USER_LINKS),
  _embedded: Type.Object({}),
  id: Type.String(),
  environment: Ref,
  population: Ref,
  username: Type.String(),
  email: Type.String(),
  enabled: Type.Boolean(),
  account: optional({
    canAuthenticate: Type.Boolean(),
    status: Type.String({ description: "OK or LOCKED" }),
    lockedAt: Type.String(),
    unlockAt: Type.String(),
  }),
  lifecycle: optional({ status: Type.String() }),
  memberOfGroupNames: Type.Array(Type.String(), { description: "With include=memberOfGroupNames" }),
  memberOfGroupIDs: Type.Array(Type.String(), { description: "With include=memberOfGroupIDs" }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const EnvironmentCollection = collection(
  "environments",
  optional({
    _links: links(
      "self",
      "license",
      "organization",
      "populations",
      "users",
      "applications",
      "activities",
      "branding",
      "features",
    ),
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    type: Type.String(),
    region: Type.String(),
    license: Ref,
    organization: Ref,
    createdAt: Type.String(),
    updatedAt: Type.String(),
  }),
);

export const GroupMembershipCollection = collection(
  "groupMemberships",
  optional({
    _links: links("self", "user", "environment", "group"),
    _embedded: optional({
      group: optional({
        _links: Type.Object({}),
        id: Type.String(),
        environment: Ref,
        name: Type.String(),
        description: Type.String(),
        customData: Type.Object({}),
        createdAt: Type.String(),
      }),
    }),
    id: Type.String(),
    name: Type.String(),
    type: Type.String({ description: "DIRECT or INDIRECT" }),
  }),
);

export const SessionCollection = collection(
  "sessions",
  optional({
    _links: links("self", "environment", "user"),
    id: Type.String(),
    environment: Ref,
    user: Ref,
    createdAt: Type.String(),
    activeAt: Type.String(),
    locations: Type.Array(
      optional({
        at: Type.String(),
        remoteIp: Type.String(),
        city: Type.String(),
        state: Type.String(),
        region: Type.String(),
        country: Type.String(),
      }),
    ),
  }),
);

export const LinkedAccountCollection = collection(
  "linkedAccounts",
  optional({
    _links: links("self", "environment", "user"),
    id: Type.String(),
    environment: Ref,
    user: Ref,
    identityProvider: Ref,
    externalId: Type.String(),
  }),
);

export const RoleAssignmentCollection = collection(
  "roleAssignments",
  optional({
    _links: links("self", "user", "environment"),
    id: Type.String(),
    scope: optional({
      id: Type.String(),
      type: Type.String({ description: "ORGANIZATION, ENVIRONMENT, POPULATION or APPLICATION" }),
    }),
    role: Ref,
    environment: Ref,
  }),
  ["self", "user", "environment"],
);

export const UserCollection = collection(
  "users",
  optional({
    _links: links(
      "self",
      "password",
      "password.set",
      "password.reset",
      "password.check",
      "password.recover",
      "account.sendVerificationCode",
      "linkedAccounts",
    ),
    _embedded: Type.Object({}),
    id: Type.String(),
    username: Type.String(),
    email: Type.String(),
  }),
);
