import { type Static, Type } from "@sinclair/typebox";
import { isSafePathSegment, pathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import {
  hasAlternativeIdentifier,
  isPopulationId,
  POPULATION_INPUT,
  POPULATION_UI,
  populationsPath,
  unknownPopulationChoice,
} from "../kit/population-target.js";
import { readCollection } from "../kit/read-collection.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { type PingOnePopulation, PopulationSchema } from "../kit/schemas/population.js";
import { withoutLinks } from "../kit/schemas/without-links.js";

type PopulationResource = Record<string, unknown> & { createdAt?: string; alternativeIdentifiers?: unknown };

/**
 * A23 Read Population: by id (`GET P/populations/{id}`), or by alternative identifier (all
 * populations listed, matched on the client, ignoring case: PingOne documents no filter for it).
 */
export const readPopulation = defineCapability({
  id: "readPopulation",
  title: "Read Population",
  description: "Find population information.",
  input: {
    population: POPULATION_INPUT.population,
    alternativeIdentifier: Type.Optional(
      Type.String({ minLength: 0, maxLength: 255, description: "Alternative Identifier" }),
    ),
    populationId: POPULATION_INPUT.populationId,
  },
  output: outputSchema({
    population: PopulationSchema,
    populations: Type.Array(PopulationSchema, { description: "Every population that matched" }),
  }),
  properties: {
    population: POPULATION_UI.population!,
    alternativeIdentifier: {
      displayName: "Alternative Identifier",
      control: "textField",
      info: "Enter an Alternative Identifier to look for populations.",
    },
    populationId: POPULATION_UI.populationId!,
  },
  errors: {
    notFound: "No population has this id or alternative identifier.",
    invalidInput: "The population id or alternative identifier the choice needs is empty.",
  },
  examples: [
    { population: "usePopulationId", populationId: "42fc7d8f-db37-4a42-8eb8-6664e7f62f79" },
    { population: "useAlternativeId", alternativeIdentifier: "pingidentity.com" },
  ],
  async handler(input, ctx) {
    const choice = input.population.trim() === "" ? "usePopulationId" : input.population.trim();
    if (choice === "useAlternativeId") return byAlternativeId(ctx, input.alternativeIdentifier?.trim() ?? "");
    if (choice === "useDefaultPopulation") return defaultPopulation(ctx);
    if (choice === "usePopulationId") return byId(ctx, input.populationId?.trim() ?? "");
    if (isPopulationId(choice)) return byId(ctx, choice);
    throw unknownPopulationChoice();
  },
});

export type ReadPopulationInput = InputOf<typeof readPopulation>;
export type ReadPopulationOutput = Static<typeof readPopulation.output>;

async function byId(ctx: CapabilityContext, populationId: string) {
  if (populationId === "") {
    throw new CapabilityError("invalidInput", "populationId is required with usePopulationId");
  }
  if (!isSafePathSegment(populationId)) {
    throw new CapabilityError("notFound", "No population has this id", { httpResponseCode: 404 });
  }
  const response = await ctx.client.request<PopulationResource>({
    method: "GET",
    path: `${populationsPath(ctx)}/${pathSegment(populationId)}`,
    final: true,
  });
  const population = withoutLinks<PingOnePopulation>(response.body);
  return succeed({ population, populations: [population] }, response);
}

async function byAlternativeId(ctx: CapabilityContext, alternativeIdentifier: string) {
  if (alternativeIdentifier === "") {
    throw new CapabilityError("invalidInput", "alternativeIdentifier is required with useAlternativeId");
  }
  return selectFromAll(
    ctx,
    (population) => hasAlternativeIdentifier(population, alternativeIdentifier),
    "No population has this alternative identifier",
  );
}

async function defaultPopulation(ctx: CapabilityContext) {
  return selectFromAll(
    ctx,
    (population) => population.default === true,
    "The environment has no default population",
  );
}

/**
 * Lists every population and keeps the matching ones, oldest first: `population` is the first,
 * `populations` all of them, and `rawResponse` the population chosen.
 */
async function selectFromAll(
  ctx: CapabilityContext,
  matches: (population: PopulationResource) => boolean,
  notFoundMessage: string,
) {
  const { items, response } = await readCollection<PopulationResource>(ctx, populationsPath(ctx), {
    embedded: "populations",
  });
  const found = items
    .filter(matches)
    .sort((a, b) => String(a.createdAt ?? "").localeCompare(String(b.createdAt ?? "")));
  const chosen = found[0];
  if (chosen === undefined) throw new CapabilityError("notFound", notFoundMessage, { httpResponseCode: 404 });
  const populations = found.map((population) => withoutLinks<PingOnePopulation>(population));
  return succeed({ population: populations[0]!, populations }, response, { rawResponse: chosen });
}
