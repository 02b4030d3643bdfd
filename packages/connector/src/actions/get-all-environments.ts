import { Type } from "@sinclair/typebox";
import { swimlaneEnvelopeSchema } from "../envelopes/swimlane.js";
import type { ActionDefinition } from "./definition.js";
import {
  actionInput,
  expandParameter,
  filterParameter,
  limitParameter,
  queryParameters,
} from "./input-groups.js";
import { EnvironmentCollection } from "./response-schemas.js";

export const getAllEnvironments: ActionDefinition = {
  name: "get_all_environments",
  title: "Get All Environments",
  description:
    "Get all environment resources for an organization, a selected set of environments (using a filter), or a specific environment.",
  method: "GET",
  endpoint: "v1/environments",
  inputSchema: actionInput({
    parameters: queryParameters({
      expand: Type.Optional(expandParameter("billOfMaterials")),
      limit: Type.Optional(limitParameter),
      filter: Type.Optional(filterParameter('name sw "Prod"')),
    }),
  }),
  outputSchema: swimlaneEnvelopeSchema(EnvironmentCollection),
};
