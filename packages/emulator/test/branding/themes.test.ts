import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const slate = (name: string, extra: Record<string, unknown> = {}) => ({
  template: "slate",
  default: false,
  configuration: { logoType: "NONE", backgroundType: "DEFAULT", name, ...extra },
});

async function defaults(): Promise<string[]> {
  const listed = await fixture.api("GET", "/themes");
  expect(listed.status).toBe(200);
  expectCollection(listed.body, "themes");
  return listed.body._embedded.themes
    .filter((t: { default: boolean }) => t.default)
    .map((t: { id: string }) => t.id);
}

describe("branding themes", () => {
  it("keeps exactly one default theme as themes are created, switched and deleted", async () => {
    expect(await defaults()).toEqual([]);
    const first = await fixture.api("POST", "/themes", { body: slate("First") });
    expect(first.status).toBe(201);
    expectMatchesSchema(first.body, "BrandingTheme");
    // The environment's first theme becomes the default even when created with default: false.
    expect(first.body.default).toBe(true);
    // Colours not sent come from the template.
    expect(first.body.configuration).toMatchObject({
      name: "First",
      buttonColor: "#fcfcfc",
      bodyTextColor: "#4a4a4a",
    });

    const second = await fixture.api("POST", "/themes", {
      body: {
        template: "focus",
        default: true,
        configuration: {
          logoType: "IMAGE",
          logo: { href: "https://example.com/logo.png", id: crypto.randomUUID() },
          backgroundType: "COLOR",
          backgroundColor: "#102030",
          buttonColor: "#abcdef",
          name: "Second",
          footer: "<p>Example Corp</p>",
        },
      },
    });
    expect(second.status).toBe(201);
    expectMatchesSchema(second.body, "BrandingTheme");
    expect(second.body).toMatchObject({
      default: true,
      template: "focus",
      configuration: { buttonColor: "#abcdef", headingTextColor: "#cb0020" },
    });
    expect(await defaults()).toEqual([second.body.id]);

    const third = await fixture.api("POST", "/themes", { body: slate("Third") });
    expect(third.body.default).toBe(false);

    const firstDefault = `/themes/${first.body.id}/default`;
    const before = await fixture.api("GET", firstDefault);
    expect(before.status).toBe(200);
    expectMatchesSchema(before.body, "BrandingThemeDefault");
    expect(before.body.default).toBe(false);

    const switched = await fixture.api("PUT", firstDefault, { body: { default: true } });
    expect(switched.status).toBe(200);
    expectMatchesSchema(switched.body, "BrandingThemeDefault");
    expect(switched.body.default).toBe(true);
    expect(await defaults()).toEqual([first.body.id]);
    expect((await fixture.api("GET", `/themes/${second.body.id}`)).body.default).toBe(false);

    const unset = await fixture.api("PUT", firstDefault, { body: { default: false } });
    expect(unset.status).toBe(400);
    expectPingOneError(400, unset.body);
    expect(unset.body.details[0]).toMatchObject({ code: "CONSTRAINT_VIOLATION", target: "default" });
    const viaPut = await fixture.api("PUT", `/themes/${first.body.id}`, { body: slate("First") });
    expect(viaPut.status).toBe(400);
    expect(await defaults()).toEqual([first.body.id]);

    const deleteDefault = await fixture.api("DELETE", `/themes/${first.body.id}`);
    expect(deleteDefault.status).toBe(400);
    expectPingOneError(400, deleteDefault.body);
    expect((await fixture.api("DELETE", `/themes/${third.body.id}`)).status).toBe(204);
    expect((await fixture.api("GET", `/themes/${third.body.id}`)).status).toBe(404);

    // Making another theme the default through a full PUT moves it too.
    const moved = await fixture.api("PUT", `/themes/${second.body.id}`, {
      body: { ...slate("Second, now slate"), default: true },
    });
    expect(moved.status).toBe(200);
    expectMatchesSchema(moved.body, "BrandingTheme");
    expect(moved.body).toMatchObject({
      template: "slate",
      default: true,
      configuration: { name: "Second, now slate" },
    });
    expect(moved.body.configuration).not.toHaveProperty("footer");
    expect(await defaults()).toEqual([second.body.id]);
  });

  it("validates theme bodies with PingOne's error body and writes nothing", async () => {
    const count = (await fixture.api("GET", "/themes")).body.count;
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ["configuration", "default", "template"]],
      [{ ...slate("x"), template: "neon" }, ["template"]],
      [slate("x", { buttonColor: "blue" }), ["configuration.buttonColor"]],
      [slate("x", { logoType: "IMAGE" }), ["configuration.logo"]],
      [slate("x", { backgroundType: "IMAGE" }), ["configuration.backgroundImage"]],
      [slate("x", { backgroundType: "COLOR" }), ["configuration.backgroundColor"]],
      [slate("x", { sparkles: true }), ["configuration.sparkles"]],
      [{ ...slate("x"), id: crypto.randomUUID() }, ["id"]],
    ];
    for (const [body, targets] of cases) {
      const refused = await fixture.api("POST", "/themes", { body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expectPingOneError(400, refused.body);
      expect(refused.body.details.map((d: { target: string }) => d.target).sort()).toEqual(targets);
    }
    expect((await fixture.api("GET", "/themes")).body.count).toBe(count);
    const unknown = await fixture.api("GET", `/themes/${crypto.randomUUID()}`);
    expect(unknown.status).toBe(404);
    expectPingOneError(404, unknown.body);
    expect(
      (await fixture.api("PUT", `/themes/${crypto.randomUUID()}/default`, { body: { default: true } }))
        .status,
    ).toBe(404);
  });

  it("needs the Environment Admin role", async () => {
    const other = await provisionEnvironment(fixture.url, { roles: ["Identity Data Admin"] });
    const forbidden = await send("GET", `${fixture.url}/v1/environments/${other.environmentId}/themes`, {
      token: await fetchToken(other),
    });
    expect(forbidden.status).toBe(403);
    expectPingOneError(403, forbidden.body);
  });
});
