import { type Static, Type } from "@sinclair/typebox";
import { GroupSchema } from "./group.js";

const Str = Type.String();

/** A user's membership of a group (`memberOfGroups`): `id` is the group's id. */
export const GroupMembershipSchema = Type.Object(
  {
    id: Type.Optional(Str),
    name: Type.Optional(Str),
    type: Type.Optional(Type.String({ description: "DIRECT or INDIRECT" })),
    environment: Type.Optional(Type.Object({ id: Type.Optional(Str) }, { additionalProperties: true })),
    population: Type.Optional(Type.Object({ id: Type.Optional(Str) }, { additionalProperties: true })),
    _embedded: Type.Optional(
      Type.Object({ group: Type.Optional(GroupSchema) }, { additionalProperties: true }),
    ),
  },
  { additionalProperties: true, description: "A PingOne group membership" },
);

export type PingOneGroupMembership = Static<typeof GroupMembershipSchema>;
