import { swimlaneEnvelopeSchema } from "../envelopes/swimlane.js";
import type { ActionDefinition } from "./definition.js";
import { actionInput, pathParameters } from "./input-groups.js";
import { RoleAssignmentCollection } from "./response-schemas.js";

export const getRoleAssignments: ActionDefinition = {
  name: "get_role_assignments",
  title: "Get Role Assignments",
  description: "Returns the list of roles assigned to the user identified by the user's ID.",
  method: "GET",
  endpoint: "v1/environments/{{envID}}/users/{{userID}}/roleAssignments",
  inputSchema: actionInput({ path_parameters: pathParameters(true) }),
  outputSchema: swimlaneEnvelopeSchema(RoleAssignmentCollection),
};
