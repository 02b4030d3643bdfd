import { Type } from "@sinclair/typebox";
import { swimlaneEnvelopeSchema } from "../envelopes/swimlane.js";
import type { ActionDefinition } from "./definition.js";
import {
  actionInput,
  expandParameter,
  filterParameter,
  limitParameter,
  pathParameters,
  queryParameters,
} from "./input-groups.js";
import { GroupMembershipCollection } from "./response-schemas.js";

export const getAllGroupMembershipsForUser: ActionDefinition = {
  name: "get_all_group_memberships_for_user",
  title: "Get All Group Memberships for User",
  description: "Returns all groups that the specified user is a member of.",
  method: "GET",
  endpoint: "v1/environments/{{envID}}/users/{{userID}}/memberOfGroups",
  inputSchema: actionInput({
    path_parameters: pathParameters(true),
    parameters: queryParameters({
      expand: Type.Optional(expandParameter("group")),
      limit: Type.Optional(limitParameter),
      filter: Type.Optional(filterParameter('type eq "DIRECT"')),
    }),
  }),
  outputSchema: swimlaneEnvelopeSchema(GroupMembershipCollection),
};
