import { swimlaneEnvelopeSchema } from "../envelopes/swimlane.js";
import type { ActionDefinition } from "./definition.js";
import { actionInput, includeParameter, pathParameters, queryParameters } from "./input-groups.js";
import { UserResource } from "./response-schemas.js";

export const getAllGroupNamesForUser: ActionDefinition = {
  name: "get_all_group_names_for_user",
  title: "Get All Group Names for User",
  description: "Get all group names for user.",
  method: "GET",
  endpoint: "v1/environments/{{envID}}/users/{{userID}}",
  inputSchema: actionInput({
    path_parameters: pathParameters(true),
    parameters: queryParameters({
      include: includeParameter("memberOfGroupNames (group names) or memberOfGroupIDs (group IDs)"),
    }),
  }),
  outputSchema: swimlaneEnvelopeSchema(UserResource),
};
