import { type Static, Type } from "@sinclair/typebox";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { choosePopulation, POPULATION_INPUT, POPULATION_UI } from "../kit/population-target.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { GroupSchema, type PingOneGroup } from "../kit/schemas/group.js";
import { withoutLinks } from "../kit/schemas/without-links.js";
import {
  GROUP_FIELDS_INPUT,
  GROUP_FIELDS_UI,
  given,
  groupsPath,
  METADATA_INPUT,
  metadataFrom,
} from "./group-properties.js";

/** A28 Create Group: `POST P/groups`, optionally in a population and with metadata. */
export const createGroup = defineCapability({
  id: "createGroup",
  title: "Create Group",
  description: "Create a user group.",
  input: {
    groupId: Type.Optional(Type.String({ description: "Ignored when creating: PingOne assigns the id." })),
    ...GROUP_FIELDS_INPUT,
    groupName: Type.String({ description: "The name of the group." }),
    // The population properties are UI-only here: without them the group is environment-wide.
    population: Type.Optional(POPULATION_INPUT.population),
    populationId: POPULATION_INPUT.populationId,
    alternativeIdentifier: POPULATION_INPUT.alternativeIdentifier,
    ...METADATA_INPUT,
  },
  output: outputSchema({ group: GroupSchema }),
  properties: {
    groupName: GROUP_FIELDS_UI.groupName!,
    description: GROUP_FIELDS_UI.description!,
    userFilter: GROUP_FIELDS_UI.userFilter!,
    population: { ...POPULATION_UI.population!, uiOnly: true },
    populationId: { ...POPULATION_UI.populationId!, uiOnly: true },
    alternativeIdentifier: { ...POPULATION_UI.alternativeIdentifier!, uiOnly: true },
    useCustomDataText: GROUP_FIELDS_UI.useCustomDataText!,
    customDataArray: GROUP_FIELDS_UI.customDataArray!,
    customDataText: GROUP_FIELDS_UI.customDataText!,
  },
  errors: {
    uniquenessViolation: "A group with this name already exists in the same scope.",
    invalidValue: "PingOne refused a value (the dynamic user filter, the metadata, the population).",
    invalidFilter: "PingOne refused the dynamic user filter as a filter.",
    invalidInput: "The group name is empty, or the metadata text is not a JSON object.",
    notFound: "No population has the given alternative identifier.",
  },
  examples: [
    { groupName: "Managers" },
    {
      groupName: "Training",
      description: "People in training",
      population: "usePopulationId",
      populationId: "42fc7d8f-db37-4a42-8eb8-6664e7f62f79",
      useCustomDataText: false,
      customDataArray: [{ key: "costCenter", value: "1234" }],
    },
    {
      groupName: "Partners",
      userFilter: 'email ew "@partner.example"',
      population: "useAlternativeId",
      alternativeIdentifier: "pingidentity.com",
      useCustomDataText: true,
      customDataText: '{"tier": "gold"}',
    },
  ],
  async handler(input, ctx) {
    const name = given(input.groupName);
    if (name === undefined) {
      throw new CapabilityError("invalidInput", "groupName must not be empty");
    }
    const customData = metadataFrom(input);
    const populationId = await choosePopulation(ctx, input);
    const body = withoutUndefined({
      name,
      description: given(input.description),
      population: populationId === undefined ? undefined : { id: populationId },
      userFilter: given(input.userFilter),
      externalId: given(input.externalId),
      customData,
    });
    const response = await ctx.client.request<Record<string, unknown>>({
      method: "POST",
      path: groupsPath(ctx),
      body,
      final: true,
    });
    return succeed({ group: withoutLinks<PingOneGroup>(response.body) }, response);
  },
});

export type CreateGroupInput = InputOf<typeof createGroup>;
export type CreateGroupOutput = Static<typeof createGroup.output>;

/** The attributes that have a value, in order: PingOne is sent only what the node set. */
function withoutUndefined(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined));
}
