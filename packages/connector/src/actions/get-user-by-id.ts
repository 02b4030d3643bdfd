import { Type } from "@sinclair/typebox";
import { swimlaneEnvelopeSchema } from "../envelopes/swimlane.js";
import type { ActionDefinition } from "./definition.js";
import { actionInput, expandParameter, pathParameters, queryParameters } from "./input-groups.js";
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
      include: Type.Optional(Type.String({ description: "memberOfGroupNames or memberOfGroupIDs" })),
      // Required by the product page, although PingOne answers without it.
      expand: expandParameter("population"),
    }),
  }),
  outputSchema: swimlaneEnvelopeSchema(UserResource),
};
