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
import { UserCollection } from "./response-schemas.js";

export const getUsers: ActionDefinition = {
  name: "get_users",
  title: "Get Users",
  description: "Returns a list of all user resources for the specified environment.",
  method: "GET",
  endpoint: "v1/environments/{{envID}}/users",
  inputSchema: actionInput({
    path_parameters: pathParameters(false),
    parameters: queryParameters({
      expand: Type.Optional(expandParameter("population")),
      limit: Type.Optional(limitParameter),
      filter: Type.Optional(filterParameter('username eq "jdoe"')),
    }),
  }),
  outputSchema: swimlaneEnvelopeSchema(UserCollection),
};
