import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usernamePasswordForm } from "../../src/cli/demo-experience.js";
import { expectCollection, expectMatchesSchema, expectPingOneError } from "../contract/schema-validators.js";
import {
  type EmulatorFixture,
  fetchToken,
  provisionEnvironment,
  send,
  startEmulatorFixture,
} from "../support/emulator-harness.js";

let fixture: EmulatorFixture;

beforeAll(async () => {
  fixture = await startEmulatorFixture();
});

afterAll(async () => {
  await fixture.stop();
});

describe("forms", () => {
  it("creates, reads, lists, replaces and deletes a username/password sign-on form", async () => {
    const created = await fixture.api("POST", "/forms", { body: usernamePasswordForm("Sign On") });
    expect(created.status, created.text).toBe(201);
    expectMatchesSchema(created.body, "Form");
    expect(created.body).toMatchObject({
      name: "Sign On",
      category: "CUSTOM",
      environment: { id: fixture.environment.environmentId },
      fieldTypes: ["TEXT", "PASSWORD", "SUBMIT_BUTTON", "FLOW_LINK", "ERROR_DISPLAY"],
    });
    expect(created.body.components.fields[1]).toMatchObject({ type: "PASSWORD", key: "user.password" });
    const id = created.body.id;

    const read = await fixture.api("GET", `/forms/${id}?include=components`);
    expect(read.status).toBe(200);
    expectMatchesSchema(read.body, "Form");
    expect(read.body.components.fields).toHaveLength(5);
    const badInclude = await fixture.api("GET", `/forms/${id}?include=everything`);
    expect(badInclude.status).toBe(400);
    expectPingOneError(400, badInclude.body);
    expect(badInclude.body.details[0].code).toBe("INVALID_PARAMETER");

    const listed = await fixture.api("GET", "/forms");
    expect(listed.status).toBe(200);
    expectCollection(listed.body, "forms");
    expect(listed.body._embedded.forms.map((f: { id: string }) => f.id)).toContain(id);

    const shorter = usernamePasswordForm("Sign On (short)");
    shorter.components.fields = shorter.components.fields.slice(0, 3);
    const replaced = await fixture.api("PUT", `/forms/${id}`, { body: shorter });
    expect(replaced.status).toBe(200);
    expectMatchesSchema(replaced.body, "Form");
    expect(replaced.body).toMatchObject({
      name: "Sign On (short)",
      fieldTypes: ["TEXT", "PASSWORD", "SUBMIT_BUTTON"],
    });

    expect((await fixture.api("DELETE", `/forms/${id}`)).status).toBe(204);
    const gone = await fixture.api("GET", `/forms/${id}`);
    expect(gone.status).toBe(404);
    expectPingOneError(404, gone.body);
    expect((await fixture.api("PUT", `/forms/${id}`, { body: shorter })).status).toBe(404);
  });

  it("validates forms and their fields with PingOne's error body, writing nothing", async () => {
    const count = (await fixture.api("GET", "/forms")).body.count;
    const withField = (field: Record<string, unknown>) => ({
      ...usernamePasswordForm("Bad"),
      components: { fields: [field] },
    });
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ["category", "components", "markOptional", "markRequired", "name"]],
      [{ ...usernamePasswordForm("Bad"), category: "SIGN_ON", cols: 9 }, ["category", "cols"]],
      [{ ...usernamePasswordForm("Bad"), components: {} }, ["components.fields"]],
      [withField({ type: "HOLOGRAM", position: { row: 0, col: 0 } }), ["components.fields[0].type"]],
      [
        withField({ type: "TEXT", position: { row: 0, col: 0 }, label: "Username" }),
        ["components.fields[0].key", "components.fields[0].validation"],
      ],
      [
        withField({ type: "PASSWORD", key: "user.password", label: "Password" }),
        ["components.fields[0].position"],
      ],
      [
        withField({ type: "SUBMIT_BUTTON", position: { row: 0, col: 7 } }),
        ["components.fields[0].label", "components.fields[0].position"],
      ],
      [{ ...usernamePasswordForm("Bad"), fieldTypes: ["TEXT"] }, ["fieldTypes"]],
    ];
    for (const [body, targets] of cases) {
      const refused = await fixture.api("POST", "/forms", { body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expectPingOneError(400, refused.body);
      expect(refused.body.details.map((d: { target: string }) => d.target).sort()).toEqual(targets);
    }
    expect((await fixture.api("GET", "/forms")).body.count).toBe(count);
  });

  it("needs the Environment Admin role", async () => {
    const other = await provisionEnvironment(fixture.url, { roles: ["Identity Data Admin"] });
    const forbidden = await send("GET", `${fixture.url}/v1/environments/${other.environmentId}/forms`, {
      token: await fetchToken(other),
    });
    expect(forbidden.status).toBe(403);
    expectPingOneError(403, forbidden.body);
  });
});
