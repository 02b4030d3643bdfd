import { swimlaneEnvelopeSchema } from "../envelopes/swimlane.js";
import type { ActionDefinition } from "./definition.js";
import { actionInput, pathParameters, requestHeaders } from "./input-groups.js";
import { UserResource } from "./response-schemas.js";

const ACCOUNT_UNLOCK = "application/vnd.pingidentity.account.unlock+json";

export const userAccountUnlock: ActionDefinition = {
  name: "user_account_unlock",
  title: "User Account Unlock",
  description: "Unlock an account for the user identified by the user ID and environment ID.",
  method: "POST",
  endpoint: "v1/environments/{{envID}}/users/{{userID}}",
  // PingOne's unlock action takes no body, so the action has no json_body group.
  inputSchema: actionInput({
    path_parameters: pathParameters(true),
    headers: requestHeaders(ACCOUNT_UNLOCK),
  }),
  outputSchema: swimlaneEnvelopeSchema(UserResource),
  defaultContentType: ACCOUNT_UNLOCK,
  idempotent: true,
};
