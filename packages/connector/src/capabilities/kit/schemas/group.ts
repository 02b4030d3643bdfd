import { type Static, Type } from "@sinclair/typebox";

const Str = Type.String();
const Id = Type.Object({ id: Type.Optional(Str) }, { additionalProperties: true });

/**
 * The PingOne group (docs/connector-capabilities.md#output-shapes). `isExternal` is in the
 * product document's schema but not in PingOne's: it is passed through when present, never
 * invented. Counts and source fields PingOne adds are kept.
 */
export const GroupSchema = Type.Object(
  {
    id: Type.Optional(Str),
    environment: Type.Optional(Id),
    customData: Type.Optional(
      Type.Object({}, { additionalProperties: true, description: "Free JSON metadata" }),
    ),
    population: Type.Optional(Id),
    name: Type.Optional(Str),
    description: Type.Optional(Str),
    isExternal: Type.Optional(Type.Unknown()),
    externalId: Type.Optional(Str),
    userFilter: Type.Optional(Str),
    directMemberCounts: Type.Optional(Type.Object({}, { additionalProperties: true })),
    totalMemberCounts: Type.Optional(Type.Object({}, { additionalProperties: true })),
    sourceType: Type.Optional(Str),
    sourceId: Type.Optional(Str),
    createdAt: Type.Optional(Str),
    updatedAt: Type.Optional(Str),
  },
  { additionalProperties: true, description: "A PingOne group" },
);

export type PingOneGroup = Static<typeof GroupSchema>;
