import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PopulationSchema } from "../../src/capabilities/kit/schemas/population.js";
import { invokeError, invokeOk } from "../support/capability-harness.js";
import { createPopulationViaApi, uniqueName } from "../support/directory-setup.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { compileSchema } from "../support/schema-validator.js";

const fixture = useEmulatorConnector({ client: { retry: { maxAttempts: 1 } } });

describe("readPopulation", () => {
  it("reads a population by id", async () => {
    const created = await createPopulationViaApi(fixture.env.client, { description: "Staff" });
    const output = await invokeOk(fixture.connector, "readPopulation", {
      properties: { population: "usePopulationId", populationId: created.id },
    });
    expect(output.statusCode).toBe(200);
    expect(output.population).toMatchObject({ id: created.id, name: created.name, description: "Staff" });
    expect(output.population).not.toHaveProperty("_links");
    expect(output.populations).toEqual([output.population]);
    expect(output.rawResponse).toMatchObject({ id: created.id, _links: expect.any(Object) });
  });

  it("finds populations by alternative identifier, ignoring case, oldest first", async () => {
    const shared = `${uniqueName("corp")}.example`;
    const older = await createPopulationViaApi(fixture.env.client, {
      alternativeIdentifiers: [shared, "other"],
    });
    const newer = await createPopulationViaApi(fixture.env.client, {
      alternativeIdentifiers: [shared.toUpperCase()],
    });
    await createPopulationViaApi(fixture.env.client, { alternativeIdentifiers: ["unrelated.example"] });
    const output = await invokeOk(fixture.connector, "readPopulation", {
      population: "useAlternativeId",
      alternativeIdentifier: shared,
    });
    expect((output.population as { id: string }).id).toBe(older.id);
    expect((output.populations as { id: string }[]).map((p) => p.id)).toEqual([older.id, newer.id]);
    expect((output.rawResponse as { id: string }).id).toBe(older.id);
  });

  it("reads the default population, and a population id stored in the dropDown", async () => {
    const byDefault = await invokeOk(fixture.connector, "readPopulation", {
      population: "useDefaultPopulation",
    });
    expect(byDefault.population).toMatchObject({ default: true });
    const id = (byDefault.population as { id: string }).id;
    const literal = await invokeOk(fixture.connector, "readPopulation", { population: id });
    expect((literal.population as { id: string }).id).toBe(id);
  });

  it("fails with notFound for an unknown id or alternative identifier", async () => {
    const unknownId = await invokeError(fixture.connector, "readPopulation", {
      population: "usePopulationId",
      populationId: randomUUID(),
    });
    expect(unknownId.code).toBe("notFound");
    expect(unknownId.httpResponseCode).toBe(404);
    const unknownAlternative = await invokeError(fixture.connector, "readPopulation", {
      population: "useAlternativeId",
      alternativeIdentifier: "nobody.example",
    });
    expect(unknownAlternative.code).toBe("notFound");
    expect(unknownAlternative.details).toEqual([]);
  });

  it("fails with invalidInput when the id or alternative identifier the choice needs is missing", async () => {
    expect(
      (await invokeError(fixture.connector, "readPopulation", { population: "usePopulationId" })).code,
    ).toBe("invalidInput");
    expect(
      (await invokeError(fixture.connector, "readPopulation", { population: "useAlternativeId" })).code,
    ).toBe("invalidInput");
    expect(
      (await invokeError(fixture.connector, "readPopulation", { population: "useSomethingElse" })).code,
    ).toBe("invalidInput");
  });

  it("refuses values longer than the product's limits", async () => {
    const error = await invokeError(fixture.connector, "readPopulation", {
      population: "p".repeat(101),
      populationId: "i".repeat(101),
      alternativeIdentifier: "a".repeat(256),
    });
    expect(error.code).toBe("invalidInput");
    expect(error.problems?.map((p) => p.path).sort()).toEqual([
      "/alternativeIdentifier",
      "/population",
      "/populationId",
    ]);
  });

  it("describes the product document's population example", () => {
    const example = {
      id: "42fc7d8f-db37-4a42-8eb8-6664e7f62f79",
      environment: { id: "<env_id>" },
      name: "Sample Population with an Alternative Identifier",
      userCount: 256,
      createdAt: "2024-10-17T19:16:09.272Z",
      updatedAt: "2024-11-17T15:23:33.272Z",
      alternativeIdentifiers: ["pingidentity.com", "another_alt_identifier"],
      default: false,
    };
    expect(compileSchema(PopulationSchema)(example)).toBe(true);
  });
});
