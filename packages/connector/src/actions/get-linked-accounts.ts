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
    // Required by the product page, although PingOne answers without it.
    parameters: queryParameters({ expand: expandParameter("identityProviders") }),
  }),
  outputSchema: swimlaneEnvelopeSchema(LinkedAccountCollection),
};
