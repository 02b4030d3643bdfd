import { Type } from "@sinclair/typebox";
import { swimlaneEnvelopeSchema } from "../envelopes/swimlane.js";
import type { ActionDefinition } from "./definition.js";
import { actionInput, pathParameters, requestHeaders } from "./input-groups.js";
import { UserResource } from "./response-schemas.js";

const ACCOUNT_LOCK = "application/vnd.pingidentity.account.lock+json";

export const userAccountLock: ActionDefinition = {
  name: "user_account_lock",
  title: "User Account Lock",
  description: "User account lock.",
  method: "POST",
  endpoint: "v1/environments/{{envID}}/users/{{userID}}",
  inputSchema: actionInput({
    path_parameters: pathParameters(true),
    headers: requestHeaders(ACCOUNT_LOCK),
    json_body: Type.Object(
      {
        unlockAt: Type.Optional(
          Type.String({
            format: "date-time",
            description:
              "When PingOne unlocks the account by itself (ISO 8601); locked until unlocked when absent",
          }),
        ),
      },
      { description: "The JSON request body" },
    ),
  }),
  outputSchema: swimlaneEnvelopeSchema(UserResource),
  defaultContentType: ACCOUNT_LOCK,
  idempotent: true,
};
