import { Type } from "@sinclair/typebox";
import { pathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "./capability-error.js";
import type { CapabilityContext } from "./context.js";
import type { PropertyUi } from "./definition.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Flow exports also store a population's id directly in `population`. */
export function isPopulationId(choice: string): boolean {
  return UUID.test(choice);
}

export function populationsPath(ctx: CapabilityContext): string {
  return `/environments/${pathSegment(ctx.environmentId)}/populations`;
}

/** Whether the population lists the alternative identifier, compared ignoring case. */
export function hasAlternativeIdentifier(
  population: { alternativeIdentifiers?: unknown },
  wanted: string,
): boolean {
  const ids = Array.isArray(population.alternativeIdentifiers) ? population.alternativeIdentifiers : [];
  return ids.some((id) => typeof id === "string" && id.toLowerCase() === wanted.toLowerCase());
}

/** A `population` value that is none of the choices. */
export function unknownPopulationChoice(): CapabilityError {
  return new CapabilityError(
    "invalidInput",
    "population must be usePopulationId, useAlternativeId, useDefaultPopulation or a population id",
  );
}

/** "Population" + "Population ID" / "Alternative Identifier" (docs/connector-capabilities.md#population-choice). */
export const POPULATION_INPUT = {
  population: Type.String({
    minLength: 0,
    maxLength: 100,
    default: "usePopulationId",
    description: "The name of the population.",
  }),
  populationId: Type.Optional(
    Type.String({ maxLength: 100, description: "The unique identifier for the population." }),
  ),
  alternativeIdentifier: Type.Optional(
    Type.String({ maxLength: 255, description: "An alternative identifier of the population." }),
  ),
};

export const POPULATION_UI: Record<string, PropertyUi> = {
  population: {
    displayName: "Population",
    control: "dropDown",
    info: "The name of the population.",
    options: [
      { name: "Use Population ID", value: "usePopulationId" },
      { name: "Use Alternative ID", value: "useAlternativeId" },
    ],
  },
  populationId: {
    displayName: "Population ID",
    control: "textField",
    info: "The unique identifier for the population.",
  },
  alternativeIdentifier: {
    displayName: "Alternative Identifier",
    control: "textField",
    info: "An alternative identifier of the population, shown when Use Alternative ID is selected.",
  },
};

/**
 * The population id to create a resource in, or undefined to let PingOne use its default.
 * Alternative identifiers are matched on the client (PingOne documents no filter for them),
 * ignoring case; none → `notFound`, several → `invalidValue`.
 */
export async function choosePopulation(
  ctx: CapabilityContext,
  input: { population?: string; populationId?: string; alternativeIdentifier?: string },
): Promise<string | undefined> {
  const choice = input.population ?? "usePopulationId";
  if (choice === "" || choice === "useDefaultPopulation") return undefined;
  if (choice === "usePopulationId") return input.populationId ? input.populationId : undefined;
  if (isPopulationId(choice)) return choice;
  if (choice !== "useAlternativeId") throw unknownPopulationChoice();
  const wanted = input.alternativeIdentifier ?? "";
  if (wanted === "") {
    throw new CapabilityError("invalidInput", "alternativeIdentifier is required with useAlternativeId");
  }
  const matches: string[] = [];
  const populations = ctx.client.paginate<{ id?: string; alternativeIdentifiers?: unknown }>(
    populationsPath(ctx),
    { embedded: "populations" },
  );
  for await (const population of populations) {
    if (hasAlternativeIdentifier(population, wanted) && population.id) matches.push(population.id);
  }
  if (matches.length === 0) {
    throw new CapabilityError("notFound", "No population has this alternative identifier", {
      httpResponseCode: 404,
    });
  }
  if (matches.length > 1) {
    throw new CapabilityError("invalidValue", "Several populations have this alternative identifier");
  }
  return matches[0];
}
