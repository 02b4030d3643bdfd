import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectCollection, expectMatchesSchema, expectPingOneError } from "../contract/schema-validators.js";
import { send } from "../support/emulator-harness.js";
import { type AgreementTestEnvironment, startAgreementTestEnvironment } from "./agreement-test-client.js";

let env: AgreementTestEnvironment;

beforeAll(async () => {
  env = await startAgreementTestEnvironment();
});

afterAll(async () => {
  await env.fixture.stop();
});

const revisionsOf = (a: { agreementId: string; languageId: string }) =>
  `/agreements/${a.agreementId}/languages/${a.languageId}/revisions`;

describe("agreements", () => {
  it("creates, reads, lists, replaces and deletes an agreement", async () => {
    const created = await env.api("POST", "/agreements", {
      body: {
        name: "Privacy Policy",
        description: "How we use data",
        enabled: false,
        reconsentPeriodDays: 180,
      },
    });
    expect(created.status).toBe(201);
    expectMatchesSchema(created.body, "Agreement");
    expect(created.body).toMatchObject({
      name: "Privacy Policy",
      description: "How we use data",
      enabled: false,
      reconsentPeriodDays: 180,
      totalConsents: 0,
      totalExpiredConsents: 0,
      environment: { id: env.fixture.environment.environmentId },
    });
    expect(created.body._links.self.href).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/v1\/environments\/.+\/agreements\//,
    );
    const id = created.body.id;

    const read = await env.api("GET", `/agreements/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.name).toBe("Privacy Policy");

    const listed = await env.api("GET", "/agreements");
    expect(listed.status).toBe(200);
    expectCollection(listed.body, "agreements");
    expect(listed.body._embedded.agreements.map((a: { id: string }) => a.id)).toContain(id);

    // PUT replaces: attributes not sent are cleared.
    const replaced = await env.api("PUT", `/agreements/${id}`, {
      body: { name: "Privacy Policy v2", enabled: false },
    });
    expect(replaced.status).toBe(200);
    expectMatchesSchema(replaced.body, "Agreement");
    expect(replaced.body.name).toBe("Privacy Policy v2");
    expect(replaced.body).not.toHaveProperty("description");
    expect(replaced.body).not.toHaveProperty("reconsentPeriodDays");

    expect((await env.api("DELETE", `/agreements/${id}`)).status).toBe(204);
    const gone = await env.api("GET", `/agreements/${id}`);
    expect(gone.status).toBe(404);
    expectPingOneError(404, gone.body);
  });

  it("refuses bad agreement bodies with PingOne's error body, and writes nothing", async () => {
    const before = (await env.api("GET", "/agreements")).body.count;
    const missing = await env.api("POST", "/agreements", { body: { description: "no name" } });
    expect(missing.status).toBe(400);
    expectPingOneError(400, missing.body);
    expect(missing.body.details.map((d: { target: string }) => d.target).sort()).toEqual(["enabled", "name"]);

    const wrong = await env.api("POST", "/agreements", {
      body: { name: "X", enabled: "yes", reconsentPeriodDays: 0, totalConsents: 3 },
    });
    expect(wrong.status).toBe(400);
    expectPingOneError(400, wrong.body);
    expect(wrong.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "INVALID_VALUE", target: "enabled" }),
        expect.objectContaining({ code: "OUT_OF_RANGE", target: "reconsentPeriodDays" }),
        expect.objectContaining({ code: "INVALID_VALUE", target: "totalConsents" }),
      ]),
    );

    // An agreement without content in the default language cannot start enabled.
    const enabled = await env.api("POST", "/agreements", {
      body: { name: "Enabled at once", enabled: true },
    });
    expect(enabled.status).toBe(400);
    expectPingOneError(400, enabled.body);
    expect(enabled.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "enabled" });

    const malformed = await env.api("POST", "/agreements", { rawBody: "{nope" });
    expect(malformed.status).toBe(400);
    expectPingOneError(400, malformed.body);
    expect(malformed.body.code).toBe("INVALID_REQUEST");

    expect((await env.api("GET", "/agreements")).body.count).toBe(before);
  });

  it("keeps agreement names unique ignoring case", async () => {
    const first = await env.api("POST", "/agreements", { body: { name: "Cookie Policy", enabled: false } });
    expect(first.status).toBe(201);
    const second = await env.api("POST", "/agreements", { body: { name: "COOKIE policy", enabled: false } });
    expect(second.status).toBe(400);
    expectPingOneError(400, second.body);
    expect(second.body.details[0]).toMatchObject({
      code: "UNIQUENESS_VIOLATION",
      target: "name",
      innerError: { existingId: first.body.id },
    });
  });

  it("needs the Environment Admin role and a token of the environment", async () => {
    const dataAdmin = await env.environmentWithRoles(["Identity Data Admin"]);
    const forbidden = await send(
      "GET",
      `${env.fixture.url}/v1/environments/${dataAdmin.environmentId}/agreements`,
      {
        token: dataAdmin.token,
      },
    );
    expect(forbidden.status).toBe(403);
    expectPingOneError(403, forbidden.body);
    expect(forbidden.body.details[0].code).toBe("INSUFFICIENT_PERMISSIONS");

    const foreign = await send(
      "GET",
      `${env.fixture.url}/v1/environments/${dataAdmin.environmentId}/agreements`,
      {
        token: env.fixture.token,
      },
    );
    expect(foreign.status).toBe(403);
    const anonymous = await send(
      "GET",
      `${env.fixture.url}/v1/environments/${env.fixture.environment.environmentId}/agreements`,
    );
    expect(anonymous.status).toBe(401);
    expectPingOneError(401, anonymous.body);
  });

  it("enables an agreement only while it has an enabled default-language language", async () => {
    const ready = await env.createAgreement();
    const agreement = await env.api("GET", `/agreements/${ready.agreementId}`);
    expect(agreement.body.enabled).toBe(true);

    const language = `/agreements/${ready.agreementId}/languages/${ready.languageId}`;
    const disable = await env.api("PUT", language, {
      body: { locale: "en", displayName: "Terms", enabled: false },
    });
    expect(disable.status).toBe(400);
    expectPingOneError(400, disable.body);
    expect(disable.body).toMatchObject({
      code: "REQUEST_FAILED",
      details: [{ code: "CONSTRAINT_VIOLATION" }],
    });
    const remove = await env.api("DELETE", language);
    expect(remove.status).toBe(400);
    expect((await env.api("GET", language)).body.enabled).toBe(true);

    // A French-only agreement cannot be enabled: the environment's default language is English.
    const french = await env.api("POST", "/agreements", { body: { name: "Conditions", enabled: false } });
    const fr = await env.api("POST", `/agreements/${french.body.id}/languages`, {
      body: { locale: "fr-FR", displayName: "Conditions" },
    });
    await env.api("POST", `/agreements/${french.body.id}/languages/${fr.body.id}/revisions`, {
      body: {
        contentType: "text/plain",
        text: "Soyez gentils.",
        effectiveAt: new Date(await env.now()).toISOString(),
        requireReconsent: false,
      },
    });
    expect(
      (
        await env.api("PUT", `/agreements/${french.body.id}/languages/${fr.body.id}`, {
          body: { locale: "fr-FR", displayName: "Conditions", enabled: true },
        })
      ).status,
    ).toBe(200);
    const enable = await env.api("PUT", `/agreements/${french.body.id}`, {
      body: { name: "Conditions", enabled: true },
    });
    expect(enable.status).toBe(400);
    expect(enable.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "enabled" });
  });
});

describe("agreement languages", () => {
  it("creates languages disabled, validates them, and enables one only once it has a revision", async () => {
    const agreement = await env.api("POST", "/agreements", {
      body: { name: "Language test", enabled: false },
    });
    const languages = `/agreements/${agreement.body.id}/languages`;
    const created = await env.api("POST", languages, {
      body: {
        locale: "en-US",
        displayName: "Terms of Service",
        enabled: true,
        userExperience: {
          acceptCheckboxText: "I accept",
          continueButtonText: "Continue",
          declineButtonText: "No thanks",
        },
      },
    });
    expect(created.status).toBe(201);
    expectMatchesSchema(created.body, "AgreementLanguage");
    expect(created.body).toMatchObject({
      locale: "en-US",
      enabled: false,
      agreement: { id: agreement.body.id },
    });
    expect(created.body).not.toHaveProperty("currentRevision");

    const duplicate = await env.api("POST", languages, { body: { locale: "EN-us", displayName: "Again" } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.details[0]).toMatchObject({ code: "UNIQUENESS_VIOLATION", target: "locale" });

    const invalid = await env.api("POST", languages, {
      body: { locale: "english!", displayName: "", userExperience: { acceptCheckboxText: "<b>yes</b>" } },
    });
    expect(invalid.status).toBe(400);
    expectPingOneError(400, invalid.body);
    expect(new Set(invalid.body.details.map((d: { target: string }) => d.target))).toEqual(
      new Set(["displayName", "locale", "userExperience.acceptCheckboxText"]),
    );

    const item = `${languages}/${created.body.id}`;
    const enableEarly = await env.api("PUT", item, {
      body: { locale: "en-US", displayName: "Terms", enabled: true },
    });
    expect(enableEarly.status).toBe(400);
    expect(enableEarly.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "enabled" });

    await env.addRevision(
      { agreementId: agreement.body.id, languageId: created.body.id },
      { inSeconds: 0, requireReconsent: false },
    );
    const enabled = await env.api("PUT", item, {
      body: { locale: "en-US", displayName: "Terms", enabled: true },
    });
    expect(enabled.status).toBe(200);
    expectMatchesSchema(enabled.body, "AgreementLanguage");
    expect(enabled.body).toMatchObject({ enabled: true, displayName: "Terms" });
    expect(enabled.body).not.toHaveProperty("userExperience");

    const listed = await env.api("GET", languages);
    expectCollection(listed.body, "languages");
    expect(listed.body.count).toBe(1);

    expect((await env.api("DELETE", item)).status).toBe(204);
    expect((await env.api("GET", item)).status).toBe(404);
    expect((await env.api("GET", `/agreements/${crypto.randomUUID()}/languages`)).status).toBe(404);
  });
});

describe("agreement revisions", () => {
  it("creates a revision without returning its text, and serves the text behind _links.text", async () => {
    const ready = await env.createAgreement({
      text: "<h1>Terms</h1><p>Be nice.</p>",
      contentType: "text/html",
    });
    const read = await env.api("GET", `${revisionsOf(ready)}/${ready.revisionId}`);
    expect(read.status).toBe(200);
    expectMatchesSchema(read.body, "AgreementLanguageRevisionResponse");
    expect(read.body).toMatchObject({
      contentType: "text/html",
      requireReconsent: false,
      language: { id: ready.languageId },
    });
    expect(read.body).not.toHaveProperty("text");
    const textUrl = read.body._links.text.href as string;
    expect(textUrl).toMatch(
      new RegExp(`^${env.fixture.url}/agreement-mgmt/environments/.+/revisions/${ready.revisionId}\\.json$`),
    );

    const text = await send("GET", textUrl, { token: env.fixture.token });
    expect(text.status).toBe(200);
    expectMatchesSchema(text.body, "AgreementRevisionText");
    expect(text.body).toMatchObject({ data: "<h1>Terms</h1><p>Be nice.</p>", dataType: "text/html" });
    expect(text.body.resourcePath).toContain(`/revisions/${ready.revisionId}.json`);

    const anonymous = await send("GET", textUrl);
    expect(anonymous.status).toBe(401);
    expectPingOneError(401, anonymous.body);
    const other = await env.environmentWithRoles(["Environment Admin"]);
    const foreign = await send("GET", textUrl, { token: other.token });
    expect(foreign.status).toBe(403);
    expectPingOneError(403, foreign.body);
    const dataAdmin = await env.environmentWithRoles(["Identity Data Admin"]);
    const ownForbidden = await send(
      "GET",
      textUrl.replace(env.fixture.environment.environmentId, dataAdmin.environmentId),
      { token: dataAdmin.token },
    );
    expect(ownForbidden.status).toBe(403);
    const missing = await send("GET", textUrl.replace(ready.revisionId, crypto.randomUUID()), {
      token: env.fixture.token,
    });
    expect(missing.status).toBe(404);
    expectPingOneError(404, missing.body);
  });

  it("validates revisions: required fields, content type, length, past and duplicate effectiveAt", async () => {
    const ready = await env.createAgreement();
    const now = await env.now();
    const missing = await env.api("POST", revisionsOf(ready), { body: {} });
    expect(missing.status).toBe(400);
    expectPingOneError(400, missing.body);
    expect(missing.body.details.map((d: { target: string }) => d.target).sort()).toEqual([
      "contentType",
      "effectiveAt",
      "requireReconsent",
      "text",
    ]);

    const bad = await env.api("POST", revisionsOf(ready), {
      body: {
        contentType: "text/markdown",
        text: "x".repeat(32_001),
        effectiveAt: "tomorrow",
        requireReconsent: false,
      },
    });
    expect(bad.status).toBe(400);
    expectPingOneError(400, bad.body);
    expect(bad.body.details.map((d: { target: string }) => d.target).sort()).toEqual([
      "contentType",
      "effectiveAt",
      "text",
    ]);

    const past = await env.api("POST", revisionsOf(ready), {
      body: {
        contentType: "text/plain",
        text: "old",
        effectiveAt: new Date(now - 3_600_000).toISOString(),
        requireReconsent: false,
      },
    });
    expect(past.status).toBe(400);
    expect(past.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "effectiveAt" });

    const at = new Date(now + 86_400_000).toISOString();
    const first = await env.api("POST", revisionsOf(ready), {
      body: { contentType: "text/plain", text: "v2", effectiveAt: at, requireReconsent: true },
    });
    expect(first.status).toBe(201);
    expectMatchesSchema(first.body, "AgreementLanguageRevisionResponse");
    expect(first.body).toMatchObject({ contentType: "text/plain", requireReconsent: true, effectiveAt: at });
    const clash = await env.api("POST", revisionsOf(ready), {
      body: { contentType: "text/plain", text: "v2 again", effectiveAt: at, requireReconsent: false },
    });
    expect(clash.status).toBe(400);
    expect(clash.body.details[0]).toMatchObject({ code: "UNIQUENESS_VIOLATION", target: "effectiveAt" });
  });

  it("cannot change a revision, deletes one not yet in effect, and keeps one in effect", async () => {
    const ready = await env.createAgreement();
    const put = await env.api("PUT", `${revisionsOf(ready)}/${ready.revisionId}`, {
      body: {
        contentType: "text/plain",
        text: "changed",
        effectiveAt: new Date().toISOString(),
        requireReconsent: false,
      },
    });
    expect(put.status).toBe(405);

    const inEffect = await env.api("DELETE", `${revisionsOf(ready)}/${ready.revisionId}`);
    expect(inEffect.status).toBe(400);
    expectPingOneError(400, inEffect.body);
    expect(inEffect.body).toMatchObject({
      code: "REQUEST_FAILED",
      details: [
        { code: "CONSTRAINT_VIOLATION", message: "A currently effective revision cannot be deleted." },
      ],
    });

    const future = await env.addRevision(ready, { inSeconds: 3600, requireReconsent: false });
    expect((await env.api("DELETE", `${revisionsOf(ready)}/${future}`)).status).toBe(204);
    expect((await env.api("GET", `${revisionsOf(ready)}/${future}`)).status).toBe(404);
    expect((await env.api("GET", `${revisionsOf(ready)}/${ready.revisionId}`)).status).toBe(200);
  });

  it("makes the latest revision in effect current as the clock passes its effectiveAt", async () => {
    const ready = await env.createAgreement();
    const language = `/agreements/${ready.agreementId}/languages/${ready.languageId}`;
    const soon = await env.addRevision(ready, { inSeconds: 600, requireReconsent: false });
    const later = await env.addRevision(ready, { inSeconds: 1200, requireReconsent: true });

    expect((await env.api("GET", language)).body.currentRevision).toEqual({ id: ready.revisionId });
    const listed = await env.api("GET", revisionsOf(ready));
    expect(listed.status).toBe(200);
    expectCollection(listed.body, "revisions");
    expect(listed.body._embedded.revisions.map((r: { id: string }) => r.id)).toEqual([
      ready.revisionId,
      soon,
      later,
    ]);
    // Consents to the first two stop counting when the re-consent revision takes effect.
    const byId = Object.fromEntries(
      listed.body._embedded.revisions.map((r: { id: string; notValidAfter?: string }) => [
        r.id,
        r.notValidAfter,
      ]),
    );
    expect(byId[ready.revisionId]).toBe(byId[soon]);
    expect(Date.parse(byId[soon])).toBe(Date.parse(listed.body._embedded.revisions[2].effectiveAt));
    expect(byId[later]).toBeUndefined();

    await env.advance(601);
    expect((await env.api("GET", language)).body.currentRevision).toEqual({ id: soon });
    await env.advance(600);
    expect((await env.api("GET", language)).body.currentRevision).toEqual({ id: later });
  });
});
