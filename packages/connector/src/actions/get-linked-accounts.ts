import { Type } from "@sinclair/typebox";
import { swimlaneEnvelopeSchema } from "../envelopes/swimlane.js";
import type { ActionDefinition } from "./definition.js";
import { actionInput, expandParameter, pathParameters, queryParameters } from "./input-groups.js";
import { LinkedAccountCollection } from "./response-schemas.js";

export const getLinkedAccounts: ActionDefinition = {
  name: "get_linked_accounts",
  title: "Get Linked Accounts",
  description: "Returns the linked accounts for the user resource with the ID specified in the request URL.",
  method: "GET",
  endpoint: "v1/environments/{{envID}}/users/{{userID}}/linkedAccounts",
  inputSchema: actionInput({
    path_parameters: pathParameters(true),
    // The product page marks it required; PingOne answers without it, so its absence is accepted.
    parameters: queryParameters({ expand: Type.Optional(expandParameter("identityProviders")) }),
  }),
  outputSchema: swimlaneEnvelopeSchema(LinkedAccountCollection),
};
