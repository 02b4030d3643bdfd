import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemoEnvironment } from "../../src/cli/demo-environment.js";
import { createEmulator, createManualClock, type Emulator } from "../../src/index.js";
import { expectCollection, expectMatchesSchema } from "../contract/schema-validators.js";
import { fetchToken, send } from "../support/emulator-harness.js";

const START = Date.UTC(2026, 0, 1);
const DAY_MS = 86_400_000;

let emulator: Emulator;
let url: string;

beforeAll(async () => {
  emulator = createEmulator({ clock: createManualClock(START) });
  url = (await emulator.start({ port: 0 })).url;
});

afterAll(async () => {
  await emulator.stop();
});

const ids = {
  environment: "7a1e0c52-0000-4000-8000-000000000001",
  agreement: "7a1e0c52-0000-4000-8000-000000000002",
  language: "7a1e0c52-0000-4000-8000-000000000003",
  oldRevision: "7a1e0c52-0000-4000-8000-000000000004",
  theme: "7a1e0c52-0000-4000-8000-000000000005",
  form: "7a1e0c52-0000-4000-8000-000000000006",
};

function seedDocument(revisionExtra: Record<string, unknown> = {}) {
  return {
    environments: [
      {
        id: ids.environment,
        name: "Seeded agreements",
        users: [
          { username: "ada", email: "ada@example.com" },
          { username: "bob", email: "bob@example.com" },
        ],
        agreements: [
          {
            id: ids.agreement,
            name: "Terms",
            enabled: true,
            reconsentPeriodDays: 30,
            languages: [
              {
                id: ids.language,
                locale: "en-GB",
                displayName: "Terms",
                revisions: [
                  {
                    id: ids.oldRevision,
                    contentType: "text/plain",
                    text: "Old terms",
                    effectiveAt: new Date(START - 90 * DAY_MS).toISOString(),
                    ...revisionExtra,
                  },
                  {
                    contentType: "text/plain",
                    text: "Current terms",
                    effectiveAt: new Date(START - 10 * DAY_MS).toISOString(),
                  },
                ],
              },
              { locale: "de", displayName: "Bedingungen", enabled: false },
            ],
          },
        ],
        agreementConsents: [
          {
            user: "ada",
            agreement: "Terms",
            consentedAt: new Date(START - 40 * DAY_MS).toISOString(),
            revision: ids.oldRevision,
          },
          { user: "bob", agreement: ids.agreement, language: "en-gb" },
        ],
        themes: [
          {
            id: ids.theme,
            template: "mural",
            configuration: { logoType: "NONE", backgroundType: "DEFAULT" },
          },
        ],
        forms: [
          {
            id: ids.form,
            name: "Sign on",
            category: "CUSTOM",
            markOptional: false,
            markRequired: true,
            components: { fields: [{ type: "SUBMIT_BUTTON", position: { row: 0, col: 0 }, label: "Go" }] },
          },
        ],
      },
    ],
  };
}

describe("seeding agreements, consents, themes and forms", () => {
  it("refuses a bad entry naming it, and writes nothing", async () => {
    const bad = await send("POST", `${url}/_emulator/seed`, {
      body: seedDocument({ contentType: "text/rtf" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].message).toContain("environments[0].agreements[0].languages[0].revisions[0]");
    expect(bad.body.details[0].message).toContain("contentType");
    const environments = await send("POST", `${url}/_emulator/seed`, { body: { environments: [] } });
    expect(environments.status).toBe(201);
    expect(emulator.db.prepare("SELECT COUNT(*) FROM agreements").pluck().get()).toBe(0);
  });

  it("loads past revisions and consents and serves them through the API", async () => {
    const seeded = await send("POST", `${url}/_emulator/seed`, { body: seedDocument() });
    expect(seeded.status, seeded.text).toBe(201);
    const worker = seeded.body.environments[0].workers[0];
    const token = await fetchToken({
      environmentId: ids.environment,
      clientId: worker.clientId,
      clientSecret: worker.clientSecret,
      tokenAuthMethod: worker.tokenAuthMethod,
      authUrl: url,
      apiUrl: url,
    });
    const api = (path: string) => send("GET", `${url}/v1/environments/${ids.environment}${path}`, { token });

    const agreement = await api(`/agreements/${ids.agreement}`);
    expectMatchesSchema(agreement.body, "Agreement");
    expect(agreement.body).toMatchObject({ enabled: true, totalConsents: 2, totalExpiredConsents: 1 });
    const languages = await api(`/agreements/${ids.agreement}/languages`);
    expectCollection(languages.body, "languages");
    expect(
      languages.body._embedded.languages.map((l: { locale: string; enabled: boolean }) => [
        l.locale,
        l.enabled,
      ]),
    ).toEqual([
      ["en-GB", true],
      ["de", false],
    ]);
    const current = languages.body._embedded.languages[0].currentRevision.id;
    expect(current).not.toBe(ids.oldRevision);

    const users = await api("/users");
    const idOf = (name: string) =>
      users.body._embedded.users.find((u: { username: string }) => u.username === name).id;
    const ada = await api(`/users/${idOf("ada")}/agreementConsents/${ids.agreement}`);
    expectMatchesSchema(ada.body, "AgreementConsent");
    expect(ada.body).toMatchObject({
      status: "EXPIRED",
      revision: { id: current },
      lastConsent: { revision: { id: ids.oldRevision } },
    });
    const bob = await api(`/users/${idOf("bob")}/agreementConsents/${ids.agreement}`);
    expect(bob.body).toMatchObject({
      status: "ACCEPTED",
      revision: { id: current },
      language: { id: ids.language },
    });

    const theme = await api(`/themes/${ids.theme}`);
    expectMatchesSchema(theme.body, "BrandingTheme");
    expect(theme.body).toMatchObject({
      default: true,
      template: "mural",
      configuration: { buttonColor: "#61b375" },
    });
    const form = await api(`/forms/${ids.form}`);
    expectMatchesSchema(form.body, "Form");
    expect(form.body.fieldTypes).toEqual(["SUBMIT_BUTTON"]);

    // The same seed again leaves the existing environment as it is.
    const again = await send("POST", `${url}/_emulator/seed`, { body: seedDocument() });
    expect(again.body.environments[0].skipped).toBe(true);
  });

  it("gives the demo environment an agreement alice accepted, two themes and a sign-on form", async () => {
    const demo = ensureDemoEnvironment(emulator);
    const token = await fetchToken({
      environmentId: demo.environmentId,
      clientId: demo.worker.id,
      clientSecret: demo.worker.clientSecret,
      tokenAuthMethod: demo.worker.tokenAuthMethod,
      authUrl: url,
      apiUrl: url,
    });
    const api = (path: string) =>
      send("GET", `${url}/v1/environments/${demo.environmentId}${path}`, { token });
    const agreements = await api("/agreements");
    expectCollection(agreements.body, "agreements");
    const terms = agreements.body._embedded.agreements[0];
    expect(terms).toMatchObject({ name: "Terms of Service", enabled: true, totalConsents: 1 });
    const locales = (await api(`/agreements/${terms.id}/languages`)).body._embedded.languages.map(
      (l: { locale: string }) => l.locale,
    );
    expect(locales).toEqual(["en", "fr"]);

    const alice = (await api("/users?filter=username%20eq%20%22alice%22")).body._embedded.users[0];
    const consents = await api(`/users/${alice.id}/agreementConsents`);
    expectCollection(consents.body, "agreementConsents");
    expect(consents.body._embedded.agreementConsents[0].status).toBe("ACCEPTED");

    const themes = (await api("/themes")).body._embedded.themes;
    expect(
      themes.map((t: { configuration: { name: string }; default: boolean }) => [
        t.configuration.name,
        t.default,
      ]),
    ).toEqual([
      ["Demo Default", true],
      ["Demo Slate", false],
    ]);
    const forms = await api("/forms");
    expectCollection(forms.body, "forms");
    expect(forms.body._embedded.forms[0].fieldTypes).toEqual([
      "TEXT",
      "PASSWORD",
      "SUBMIT_BUTTON",
      "FLOW_LINK",
      "ERROR_DISPLAY",
    ]);
  });
});
