import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectCollection, expectMatchesSchema, expectPingOneError } from "../contract/schema-validators.js";
import { send } from "../support/emulator-harness.js";
import {
  ACCEPT,
  type AgreementTestEnvironment,
  REVOKE,
  type ReadyAgreement,
  startAgreementTestEnvironment,
} from "./agreement-test-client.js";

const DAY = 86_400;

let env: AgreementTestEnvironment;

beforeAll(async () => {
  env = await startAgreementTestEnvironment();
});

afterAll(async () => {
  await env.fixture.stop();
});

const consentPath = (userId: string, agreementId: string) =>
  `/users/${userId}/agreementConsents/${agreementId}`;

async function accept(userId: string, ready: ReadyAgreement, body?: Record<string, unknown>) {
  return env.api("POST", consentPath(userId, ready.agreementId), {
    contentType: ACCEPT,
    body: body ?? { language: { id: ready.languageId }, revision: { id: ready.revisionId } },
  });
}

async function status(userId: string, agreementId: string) {
  const read = await env.api("GET", consentPath(userId, agreementId));
  expect(read.status, read.text).toBe(200);
  expectMatchesSchema(read.body, "AgreementConsent");
  return read.body;
}

describe("user agreement consents", () => {
  it("records an acceptance and reads it back, one consent per agreement", async () => {
    const ready = await env.createAgreement();
    const userId = await env.createUser("consent-ada");

    const none = await env.api("GET", consentPath(userId, ready.agreementId));
    expect(none.status).toBe(404);
    expectPingOneError(404, none.body);
    const empty = await env.api("GET", `/users/${userId}/agreementConsents`);
    expectCollection(empty.body, "agreementConsents");
    expect(empty.body.count).toBe(0);

    const accepted = await accept(userId, ready);
    expect(accepted.status, accepted.text).toBe(200);
    expectMatchesSchema(accepted.body, "AgreementConsent");
    expect(accepted.body).toMatchObject({
      status: "ACCEPTED",
      user: { id: userId },
      agreement: { id: ready.agreementId },
      language: { id: ready.languageId },
      revision: { id: ready.revisionId },
      lastConsent: { language: { id: ready.languageId }, revision: { id: ready.revisionId } },
      _embedded: {
        agreement: { id: ready.agreementId, enabled: true, totalConsents: 1 },
        language: { id: ready.languageId, locale: "en" },
        revision: { id: ready.revisionId },
      },
    });
    expect(accepted.body.lastConsent).not.toHaveProperty("expiresAt");
    expect(Math.abs(Date.parse(accepted.body.lastConsent.at) - (await env.now()))).toBeLessThan(5000);

    const other = await env.createAgreement();
    await accept(userId, other);
    const listed = await env.api("GET", `/users/${userId}/agreementConsents`);
    expect(listed.status).toBe(200);
    expectCollection(listed.body, "agreementConsents");
    expect(
      listed.body._embedded.agreementConsents.map((c: { agreement: { id: string } }) => c.agreement.id),
    ).toEqual([ready.agreementId, other.agreementId]);

    // Accepting again replaces the consent: still one per agreement, a new record.
    const again = await accept(userId, ready, {
      language: { id: ready.languageId },
      revision: { id: ready.revisionId },
      // Now on the emulator clock: a second earlier could fall before the revision took effect
      // when the steps above ran slowly, which the emulator rightly refuses.
      consentedAt: new Date(await env.now()).toISOString(),
    });
    expect(again.status).toBe(200);
    expect(again.body.id).not.toBe(accepted.body.id);
    expect((await env.api("GET", `/users/${userId}/agreementConsents`)).body.count).toBe(2);
  });

  it("asks for consent again when a newer revision that requires re-consent takes effect", async () => {
    const ready = await env.createAgreement();
    const userId = await env.createUser("consent-bob");
    await accept(userId, ready);

    // A newer revision without requireReconsent leaves the consent standing.
    const minor = await env.addRevision(ready, { inSeconds: 60, requireReconsent: false });
    await env.advance(61);
    expect(await status(userId, ready.agreementId)).toMatchObject({
      status: "ACCEPTED",
      revision: { id: ready.revisionId },
    });

    const major = await env.addRevision(ready, { inSeconds: 60, requireReconsent: true, text: "New terms" });
    expect((await status(userId, ready.agreementId)).status).toBe("ACCEPTED");
    await env.advance(61);
    const pending = await status(userId, ready.agreementId);
    expect(pending).toMatchObject({
      status: "PENDING",
      language: { id: ready.languageId },
      revision: { id: major },
      lastConsent: { revision: { id: ready.revisionId } },
      _embedded: { revision: { id: major, requireReconsent: true } },
    });

    // The superseded revisions can no longer be consented to; the new one can.
    for (const old of [ready.revisionId, minor]) {
      const stale = await accept(userId, ready, {
        language: { id: ready.languageId },
        revision: { id: old },
      });
      expect(stale.status).toBe(400);
      expectPingOneError(400, stale.body);
      expect(stale.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "revision.id" });
    }
    const renewed = await accept(userId, ready, {
      language: { id: ready.languageId },
      revision: { id: major },
    });
    expect(renewed.body).toMatchObject({ status: "ACCEPTED", revision: { id: major } });
  });

  it("refuses a revision not yet in effect", async () => {
    const ready = await env.createAgreement();
    const userId = await env.createUser("consent-early");
    const future = await env.addRevision(ready, { inSeconds: 3600, requireReconsent: true });
    const early = await accept(userId, ready, {
      language: { id: ready.languageId },
      revision: { id: future },
    });
    expect(early.status).toBe(400);
    expect(early.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "revision.id" });
    expect((await env.api("GET", consentPath(userId, ready.agreementId))).status).toBe(404);
  });

  it("revokes a consent: it reads back as PENDING, and a second revoke finds nothing to revoke", async () => {
    const ready = await env.createAgreement();
    const userId = await env.createUser("consent-carol");
    const nothing = await env.api("POST", consentPath(userId, ready.agreementId), { contentType: REVOKE });
    expect(nothing.status).toBe(404);
    expectPingOneError(404, nothing.body);

    await accept(userId, ready);
    const revoked = await env.api("POST", consentPath(userId, ready.agreementId), { contentType: REVOKE });
    expect(revoked.status).toBe(200);
    expectMatchesSchema(revoked.body, "AgreementConsent");
    expect(revoked.body).toMatchObject({
      status: "PENDING",
      revision: { id: ready.revisionId },
      lastConsent: { revision: { id: ready.revisionId } },
    });
    expect((await status(userId, ready.agreementId)).status).toBe("PENDING");
    expect((await env.api("GET", `/agreements/${ready.agreementId}`)).body.totalConsents).toBe(0);

    const twice = await env.api("POST", consentPath(userId, ready.agreementId), { contentType: REVOKE });
    expect(twice.status).toBe(404);
    const withBody = await env.api("POST", consentPath(userId, ready.agreementId), {
      contentType: REVOKE,
      body: { reason: "because" },
    });
    expect(withBody.status).toBe(400);
    expect(withBody.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "reason" });

    expect((await accept(userId, ready)).body.status).toBe("ACCEPTED");
  });

  it("expires a consent after reconsentPeriodDays on the emulator clock", async () => {
    const ready = await env.createAgreement({ reconsentPeriodDays: 30 });
    const userId = await env.createUser("consent-dave");
    const accepted = await accept(userId, ready);
    expect(Date.parse(accepted.body.lastConsent.expiresAt) - Date.parse(accepted.body.lastConsent.at)).toBe(
      30 * DAY * 1000,
    );

    await env.advance(30 * DAY - 60);
    expect((await status(userId, ready.agreementId)).status).toBe("ACCEPTED");
    await env.advance(61);
    const expired = await status(userId, ready.agreementId);
    expect(expired).toMatchObject({ status: "EXPIRED", revision: { id: ready.revisionId } });
    expect(expired._embedded.agreement).toMatchObject({ totalConsents: 1, totalExpiredConsents: 1 });

    expect((await accept(userId, ready)).body.status).toBe("ACCEPTED");
  });

  it("reports AGREEMENT_DISABLED for a disabled agreement and refuses new consents to it", async () => {
    const ready = await env.createAgreement({ name: "Disabled later" });
    const userId = await env.createUser("consent-erin");
    await accept(userId, ready);
    const disabled = await env.api("PUT", `/agreements/${ready.agreementId}`, {
      body: { name: "Disabled later", enabled: false },
    });
    expect(disabled.status).toBe(200);
    expect((await status(userId, ready.agreementId)).status).toBe("AGREEMENT_DISABLED");

    const refused = await accept(userId, ready);
    expect(refused.status).toBe(400);
    expectPingOneError(400, refused.body);
    expect(refused.body).toMatchObject({
      code: "REQUEST_FAILED",
      details: [{ code: "CONSTRAINT_VIOLATION" }],
    });

    await env.api("PUT", `/agreements/${ready.agreementId}`, {
      body: { name: "Disabled later", enabled: true },
    });
    expect((await status(userId, ready.agreementId)).status).toBe("ACCEPTED");
  });

  it("refuses an unknown or disabled language, a revision of another language, and bad bodies", async () => {
    const ready = await env.createAgreement();
    const userId = await env.createUser("consent-frank");
    const fr = await env.api("POST", `/agreements/${ready.agreementId}/languages`, {
      body: { locale: "fr", displayName: "Conditions" },
    });
    const frRevision = await env.addRevision(
      { agreementId: ready.agreementId, languageId: fr.body.id },
      {
        inSeconds: 0,
        requireReconsent: false,
      },
    );

    const cases: [Record<string, unknown>, string][] = [
      [{ language: { id: crypto.randomUUID() }, revision: { id: ready.revisionId } }, "language.id"],
      [{ language: { id: fr.body.id }, revision: { id: frRevision } }, "language.id"],
      [{ language: { id: ready.languageId }, revision: { id: frRevision } }, "revision.id"],
      [{ language: { id: ready.languageId } }, "revision"],
      [
        {
          language: { id: ready.languageId },
          revision: { id: ready.revisionId },
          consentedAt: new Date(Date.now() + 86_400_000 * 400).toISOString(),
        },
        "consentedAt",
      ],
      [
        {
          language: { id: ready.languageId },
          revision: { id: ready.revisionId },
          consentedAt: "2001-01-01T00:00:00Z",
        },
        "consentedAt",
      ],
      [
        { language: { id: ready.languageId }, revision: { id: ready.revisionId }, status: "ACCEPTED" },
        "status",
      ],
    ];
    for (const [body, target] of cases) {
      const refused = await accept(userId, ready, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expectPingOneError(400, refused.body);
      expect(refused.body.details.map((d: { target: string }) => d.target)).toContain(target);
    }
    expect((await env.api("GET", consentPath(userId, ready.agreementId))).status).toBe(404);

    const plainJson = await env.api("POST", consentPath(userId, ready.agreementId), {
      body: { language: { id: ready.languageId }, revision: { id: ready.revisionId } },
    });
    expect(plainJson.status).toBe(415);
    expectPingOneError(415, plainJson.body);

    const unknownUser = await accept(crypto.randomUUID(), ready);
    expect(unknownUser.status).toBe(404);
    const unknownAgreement = await accept(userId, { ...ready, agreementId: crypto.randomUUID() });
    expect(unknownAgreement.status).toBe(404);
    expectPingOneError(404, unknownAgreement.body);
  });

  it("needs the Environment Admin role", async () => {
    const dataAdmin = await env.environmentWithRoles(["Identity Data Admin"]);
    const url = `${env.fixture.url}/v1/environments/${dataAdmin.environmentId}/users/${crypto.randomUUID()}/agreementConsents`;
    const forbidden = await send("GET", url, { token: dataAdmin.token });
    expect(forbidden.status).toBe(403);
    expectPingOneError(403, forbidden.body);
  });

  it("removes a user's consents with the user", async () => {
    const ready = await env.createAgreement();
    const userId = await env.createUser("consent-gone");
    await accept(userId, ready);
    expect((await env.api("DELETE", `/users/${userId}`)).status).toBe(204);
    expect((await env.api("GET", `/agreements/${ready.agreementId}`)).body.totalConsents).toBe(0);
  });
});

describe("user agreement consents with consentRevokeStatus REVOKED", () => {
  it("reads a revoked consent back as REVOKED", async () => {
    const strict = await startAgreementTestEnvironment({ settings: { consentRevokeStatus: "REVOKED" } });
    try {
      const ready = await strict.createAgreement();
      const userId = await strict.createUser("revoked-user");
      await strict.api("POST", consentPath(userId, ready.agreementId), {
        contentType: ACCEPT,
        body: { language: { id: ready.languageId }, revision: { id: ready.revisionId } },
      });
      const revoked = await strict.api("POST", consentPath(userId, ready.agreementId), {
        contentType: REVOKE,
      });
      expect(revoked.body.status).toBe("REVOKED");
      expectMatchesSchema(revoked.body, "AgreementConsent");
    } finally {
      await strict.fixture.stop();
    }
  });
});
