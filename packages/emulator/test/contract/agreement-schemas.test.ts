import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectMatchesSchema, schemaErrors, validatorFor } from "./schema-validators.js";

// The overlay schemas of agreements, consents and forms must reject wrong bodies, or the tests built on
// them prove nothing.
const ref = () => ({ id: randomUUID() });
const links = { self: { href: "http://127.0.0.1:4600/v1/environments/x/forms/y" } };

describe("agreement and form contract schemas", () => {
  it("compiles every schema the agreement, theme and form tests use", () => {
    for (const name of [
      "Agreement",
      "AgreementLanguage",
      "AgreementLanguageRevisionResponse",
      "AgreementRevisionText",
      "AgreementConsent",
      "BrandingTheme",
      "BrandingThemeDefault",
      "Form",
      "Collection.agreementConsents",
      "Collection.revisions",
      "application/vnd.pingidentity.consent.accept",
    ] as const) {
      expect(typeof validatorFor(name)).toBe("function");
    }
  });

  it("refuses a revision body that carries its text, and a consent with an unknown status", () => {
    const revision = {
      id: randomUUID(),
      contentType: "text/plain",
      effectiveAt: "2026-01-01T00:00:00.000Z",
      requireReconsent: false,
      _links: links,
    };
    expectMatchesSchema(revision, "AgreementLanguageRevisionResponse");
    expect(schemaErrors({ ...revision, text: "secret" }, "AgreementLanguageRevisionResponse")).toBeDefined();

    const consent = {
      id: randomUUID(),
      environment: ref(),
      user: ref(),
      agreement: ref(),
      language: ref(),
      revision: ref(),
      status: "ACCEPTED",
      lastConsent: { at: "2026-01-01T00:00:00.000Z", language: ref(), revision: ref() },
      _links: links,
    };
    expectMatchesSchema(consent, "AgreementConsent");
    expect(schemaErrors({ ...consent, status: "MAYBE" }, "AgreementConsent")).toMatch(/status/);
    expect(schemaErrors({ language: ref() }, "application/vnd.pingidentity.consent.accept")).toMatch(
      /revision/,
    );
  });

  it("checks each form field against its own type's schema", () => {
    const form = {
      id: randomUUID(),
      environment: ref(),
      name: "Sign On",
      category: "CUSTOM",
      markOptional: false,
      markRequired: true,
      _links: links,
      components: {
        fields: [
          {
            type: "TEXT",
            position: { row: 0, col: 0 },
            key: "user.username",
            label: "Username",
            validation: {},
          },
          { type: "SUBMIT_BUTTON", position: { row: 1, col: 0 }, label: "Sign On" },
        ],
      },
    };
    expectMatchesSchema(form, "Form");
    const withoutValidation = structuredClone(form);
    delete (withoutValidation.components.fields[0] as { validation?: unknown }).validation;
    expect(schemaErrors(withoutValidation, "Form")).toMatch(/validation/);
    const buttonWithoutLabel = structuredClone(form);
    delete (buttonWithoutLabel.components.fields[1] as { label?: unknown }).label;
    expect(schemaErrors(buttonWithoutLabel, "Form")).toMatch(/label/);
    expect(schemaErrors({ ...form, category: "OTHER" }, "Form")).toMatch(/category/);
  });
});
