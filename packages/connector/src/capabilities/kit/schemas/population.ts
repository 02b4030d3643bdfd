import { type Static, Type } from "@sinclair/typebox";

const Str = Type.String();
const Id = Type.Object({ id: Type.Optional(Str) }, { additionalProperties: true });

/** The PingOne population, as Read Population outputs it. */
export const PopulationSchema = Type.Object(
  {
    id: Type.Optional(Str),
    environment: Type.Optional(Id),
    name: Type.Optional(Str),
    description: Type.Optional(Str),
    userCount: Type.Optional(Type.Number()),
    createdAt: Type.Optional(Str),
    updatedAt: Type.Optional(Str),
    passwordPolicy: Type.Optional(Id),
    preferredLanguage: Type.Optional(Str),
    defaultIdentityProvider: Type.Optional(
      Type.Object({ id: Type.Optional(Str), type: Type.Optional(Str) }, { additionalProperties: true }),
    ),
    alternativeIdentifiers: Type.Optional(Type.Array(Str)),
    theme: Type.Optional(
      Type.Object(
        { id: Type.Optional(Str) },
        {
          additionalProperties: true,
          description: "The population's assigned theme or the environment's default.",
        },
      ),
    ),
    default: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: true, description: "A PingOne population" },
);

export type PingOnePopulation = Static<typeof PopulationSchema>;
