import { swimlaneEnvelopeSchema } from "../envelopes/swimlane.js";
import type { ActionDefinition } from "./definition.js";
import { actionInput, pathParameters } from "./input-groups.js";
import { SessionCollection } from "./response-schemas.js";

export const getAllSessions: ActionDefinition = {
  name: "get_all_sessions",
  title: "Get All Sessions",
  description:
    "Returns a list of all sessions for the specified user and environment, in descending order based on the session date.",
  method: "GET",
  endpoint: "v1/environments/{{envID}}/users/{{userID}}/sessions",
  inputSchema: actionInput({ path_parameters: pathParameters(true) }),
  outputSchema: swimlaneEnvelopeSchema(SessionCollection),
};
