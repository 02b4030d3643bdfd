import { type Static, Type } from "@sinclair/typebox";

const Str = Type.String();
const Id = Type.Object({ id: Type.Optional(Str) }, { additionalProperties: true });

/** A link between a PingOne user and an account at an external identity provider. */
export const LinkedAccountSchema = Type.Object(
  {
    id: Type.Optional(Str),
    environment: Type.Optional(Id),
    identityProvider: Type.Optional(Id),
    user: Type.Optional(Id),
    externalId: Type.Optional(Str),
  },
  { additionalProperties: true, description: "A PingOne account link" },
);

export type PingOneLinkedAccount = Static<typeof LinkedAccountSchema>;
