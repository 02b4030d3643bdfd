import { Type } from "@sinclair/typebox";
import { swimlaneEnvelopeSchema } from "../envelopes/swimlane.js";
import type { ActionDefinition } from "./definition.js";
import {
  actionInput,
  expandParameter,
  includeParameter,
  pathParameters,
  queryParameters,
} from "./input-groups.js";
import { UserResource } from "./response-schemas.js";

export const getUserById: ActionDefinition = {
  name: "get_user_by_id",
  title: "Get User by ID",
  description: "Get data for a single user resource.",
  method: "GET",
  endpoint: "v1/environments/{{envID}}/users/{{userID}}",
  inputSchema: actionInput({
    path_parameters: pathParameters(true),
    parameters: queryParameters({
      include: Type.Optional(includeParameter("memberOfGroupNames or memberOfGroupIDs")),
      // The product page marks it required; PingOne answers without it, so its absence is accepted.
      expand: Type.Optional(expandParameter("population")),
    }),
  }),
  outputSchema: swimlaneEnvelopeSchema(UserResource),
};
