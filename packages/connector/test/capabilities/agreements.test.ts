import { describe, expect, it } from "vitest";
import {
  advanceClock,
  createAgreementViaApi,
  createRevisionViaApi,
  emulatorNow,
  setAgreementEnabled,
} from "../support/agreement-setup.js";
import { invokeError, invokeOk } from "../support/capability-harness.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser, requestCount } from "../support/emulator-environment.js";

const fixture = useEmulatorConnector({ client: { retry: { maxAttempts: 1 } } });
const MISSING = "7d3c1a4e-0b5f-4c2d-9e8a-1f2b3c4d5e6f";

type Presentation = { agreementPresentationId: string; agreementText: string } & Record<string, string>;

async function consentsOf(userId: string): Promise<number> {
  const { env } = fixture;
  const response = await env.client.request<{ count: number }>({
    method: "GET",
    path: `/environments/${env.environment.environmentId}/users/${userId}/agreementConsents`,
  });
  return response.body.count;
}

describe("readAgreementContent: language lookup (RFC 4647)", () => {
  it("chooses by userLocale, then Accept-Language q-values, with truncation, then en", async () => {
    const { env, connector } = fixture;
    const agreement = await createAgreementViaApi(env.client, env.url, {
      languages: [
        { locale: "en", text: "English" },
        { locale: "fr", text: "Français" },
        { locale: "de-CH", text: "Schweizerdeutsch" },
        { locale: "es", text: "Español", disabled: true },
      ],
    });
    const textFor = async (input: Record<string, string>) =>
      (
        (await invokeOk(connector, "readAgreementContent", { agreementId: agreement.agreementId, ...input }))
          .agreementPresentation as Presentation
      ).agreementText;
    expect(await textFor({ acceptLanguage: "fr" })).toBe("Français");
    expect(await textFor({ acceptLanguage: "fr-CA" })).toBe("Français");
    expect(await textFor({ acceptLanguage: "de-CH-1996" })).toBe("Schweizerdeutsch");
    // Lookup only truncates the request: "de" does not reach "de-CH".
    expect(await textFor({ acceptLanguage: "de" })).toBe("English");
    expect(await textFor({ acceptLanguage: "it;q=0.9, fr-BE;q=0.5, en;q=0.1" })).toBe("Français");
    expect(await textFor({ acceptLanguage: "fr;q=0, de-ch;q=0.4" })).toBe("Schweizerdeutsch");
    // A disabled language is never chosen; an unknown or malformed tag falls back to en.
    expect(await textFor({ acceptLanguage: "es" })).toBe("English");
    expect(await textFor({ acceptLanguage: "zz-!!" })).toBe("English");
    expect(await textFor({})).toBe("English");
    // User Locale comes before Accept Language.
    expect(await textFor({ userLocale: "fr-FR", acceptLanguage: "de-CH" })).toBe("Français");
    expect(await textFor({ userLocale: "xx", acceptLanguage: "de-CH" })).toBe("Schweizerdeutsch");
  });

  it("embeds the agreement, language and revision, and shows a disabled agreement", async () => {
    const { env, connector } = fixture;
    const agreement = await createAgreementViaApi(env.client, env.url);
    await setAgreementEnabled(env.client, agreement, false);
    const output = await invokeOk(connector, "readAgreementContent", { agreementId: agreement.agreementId });
    expect(output.userAgreement).toMatchObject({
      _embedded: {
        agreement: { id: agreement.agreementId, enabled: false },
        language: { id: agreement.languages.en!.languageId, locale: "en" },
        revision: { id: agreement.languages.en!.revisionId },
      },
    });
    expect(output.rawResponse).toEqual(output.userAgreement);
  });

  it("fails with notFound for a missing agreement or one without an enabled language, invalidInput before any call", async () => {
    const { env, connector } = fixture;
    expect((await invokeError(connector, "readAgreementContent", { agreementId: MISSING })).code).toBe(
      "notFound",
    );
    const bare = await createAgreementViaApi(env.client, env.url, {
      enabled: false,
      languages: [{ locale: "en", text: "x", disabled: true }],
    });
    const noLanguage = await invokeError(connector, "readAgreementContent", {
      agreementId: bare.agreementId,
    });
    expect(noLanguage).toMatchObject({
      code: "notFound",
      message: expect.stringMatching(/enabled language/),
    });
    const before = await requestCount(env.url);
    const empty = await invokeError(connector, "readAgreementContent", { agreementId: " " });
    expect(empty.code).toBe("invalidInput");
    const tooLong = await invokeError(connector, "readAgreementContent", { agreementId: "a".repeat(101) });
    expect(tooLong.code).toBe("invalidInput");
    expect(await requestCount(env.url)).toBe(before);
  });
});

describe("an Accept-Language no HTTP header can carry", () => {
  it("is invalidInput before any call, for every capability that sends it", async () => {
    const { env, connector } = fixture;
    const user = await createTestUser(env.client);
    const before = await requestCount(env.url);
    for (const acceptLanguage of ["日本語", "en\r\nX-Injected: 1"]) {
      for (const id of ["checkUserAgreement", "readUserAgreements", "revokeUserAgreement"]) {
        const error = await invokeError(connector, id, {
          identifier: user.id,
          agreementId: MISSING,
          acceptLanguage,
        });
        expect(error.code, id).toBe("invalidInput");
        expect(error.message, id).toContain("acceptLanguage must be a valid HTTP header value");
      }
    }
    expect(await requestCount(env.url)).toBe(before);
  });
});

describe("checkUserAgreement", () => {
  it("says PENDING with a presentation for a user who never consented, in the Accept-Language", async () => {
    const { env, connector } = fixture;
    const agreement = await createAgreementViaApi(env.client, env.url, {
      languages: [
        { locale: "en", text: "English" },
        { locale: "fr", text: "Français" },
      ],
    });
    const user = await createTestUser(env.client);
    const output = await invokeOk(connector, "checkUserAgreement", {
      matchAttribute: "username",
      identifier: user.username,
      agreementId: agreement.agreementId,
      acceptLanguage: "fr-CA",
    });
    expect(output.userAgreement).toMatchObject({
      status: "PENDING",
      user: { id: user.id },
      agreement: { id: agreement.agreementId },
      language: { id: agreement.languages.fr!.languageId },
      revision: { id: agreement.languages.fr!.revisionId },
    });
    expect(output.agreementPresentation).toMatchObject({ agreementText: "Français" });
    expect(output.statusCode).toBe(404);
    expect(output.rawResponse).toEqual({});
  });

  it("says AGREEMENT_DISABLED for a disabled agreement, without a presentation", async () => {
    const { env, connector } = fixture;
    const agreement = await createAgreementViaApi(env.client, env.url);
    await setAgreementEnabled(env.client, agreement, false);
    const user = await createTestUser(env.client);
    const output = await invokeOk(connector, "checkUserAgreement", {
      identifier: user.id,
      agreementId: agreement.agreementId,
    });
    expect((output.userAgreement as { status: string }).status).toBe("AGREEMENT_DISABLED");
    expect(output).not.toHaveProperty("agreementPresentation");
  });

  it("fails with notFound, noUserMatch, and invalidInput before any call", async () => {
    const { env, connector } = fixture;
    const user = await createTestUser(env.client);
    const agreement = await createAgreementViaApi(env.client, env.url);
    const missing = await invokeError(connector, "checkUserAgreement", {
      identifier: user.id,
      agreementId: MISSING,
    });
    expect(missing.code).toBe("notFound");
    const noUser = await invokeError(connector, "checkUserAgreement", {
      matchAttribute: "username",
      identifier: "nobody-here",
      agreementId: agreement.agreementId,
    });
    expect(noUser.code).toBe("noUserMatch");
    const before = await requestCount(env.url);
    expect((await invokeError(connector, "checkUserAgreement", { identifier: user.id })).code).toBe(
      "invalidInput",
    );
    expect(
      (await invokeError(connector, "checkUserAgreement", { agreementId: agreement.agreementId })).code,
    ).toBe("invalidInput");
    expect(await requestCount(env.url)).toBe(before);
  });
});

describe("acceptAgreement", () => {
  async function shown(agreementId: string): Promise<Presentation> {
    const output = await invokeOk(fixture.connector, "readAgreementContent", { agreementId });
    return output.agreementPresentation as Presentation;
  }

  it("refuses tampered, stale and foreign-environment presentation ids with invalidValue, writing nothing", async () => {
    const { env, connector } = fixture;
    const agreement = await createAgreementViaApi(env.client, env.url);
    const user = await createTestUser(env.client);
    const { agreementPresentationId } = await shown(agreement.agreementId);
    const decoded = JSON.parse(Buffer.from(agreementPresentationId, "base64url").toString()) as Record<
      string,
      string
    >;
    const encode = (fields: Record<string, string>) =>
      Buffer.from(JSON.stringify(fields)).toString("base64url");

    const foreign = await env.provision();
    const foreignAgreement = await createAgreementViaApi(foreign.client, env.url);

    const refused = [
      `${agreementPresentationId.slice(0, -3)}!!x`,
      "not-a-presentation",
      encode({ ...decoded, r: agreement.languages.en!.languageId }),
      encode({ ...decoded, l: MISSING }),
      encode({ ...decoded, a: MISSING }),
      encode({
        e: foreign.environment.environmentId,
        a: foreignAgreement.agreementId,
        l: foreignAgreement.languages.en!.languageId,
        r: foreignAgreement.languages.en!.revisionId,
      }),
    ];
    for (const id of refused) {
      const error = await invokeError(connector, "acceptAgreement", {
        identifier: user.id,
        agreementPresentationId: id,
      });
      expect(error.code, id).toBe("invalidValue");
    }

    // Stale: a newer revision took effect after the agreement was shown.
    await createRevisionViaApi(env.client, agreement.agreementId, agreement.languages.en!.languageId, {
      text: "Newer",
      effectiveAt: new Date((await emulatorNow(env.url)) + 1000).toISOString(),
    });
    await advanceClock(env.url, 2);
    const stale = await invokeError(connector, "acceptAgreement", {
      identifier: user.id,
      agreementPresentationId,
    });
    expect(stale).toMatchObject({
      code: "invalidValue",
      message: expect.stringMatching(/no longer current/),
    });
    expect(await consentsOf(user.id)).toBe(0);

    const fresh = await shown(agreement.agreementId);
    const accepted = await invokeOk(connector, "acceptAgreement", {
      identifier: user.id,
      agreementPresentationId: fresh.agreementPresentationId,
    });
    expect(accepted.statusCode).toBe(200);
    expect(await consentsOf(user.id)).toBe(1);
  });

  it("fails with noUserMatch, constraintViolation for a disabled agreement, and invalidInput before any call", async () => {
    const { env, connector } = fixture;
    const agreement = await createAgreementViaApi(env.client, env.url);
    const user = await createTestUser(env.client);
    const { agreementPresentationId } = await shown(agreement.agreementId);
    const noUser = await invokeError(connector, "acceptAgreement", {
      identifier: MISSING,
      agreementPresentationId,
    });
    expect(noUser.code).toBe("noUserMatch");
    await setAgreementEnabled(env.client, agreement, false);
    const disabled = await invokeError(connector, "acceptAgreement", {
      identifier: user.id,
      agreementPresentationId,
    });
    expect(disabled.code).toBe("constraintViolation");
    expect(await consentsOf(user.id)).toBe(0);
    const before = await requestCount(env.url);
    expect((await invokeError(connector, "acceptAgreement", { identifier: user.id })).code).toBe(
      "invalidInput",
    );
    const empty = await invokeError(connector, "acceptAgreement", {
      identifier: user.id,
      agreementPresentationId: "",
    });
    expect(empty.code).toBe("invalidInput");
    const garbage = await invokeError(connector, "acceptAgreement", {
      identifier: user.id,
      agreementPresentationId: "%%",
    });
    expect(garbage.code).toBe("invalidValue");
    expect(await requestCount(env.url)).toBe(before);
  });
});

describe("readUserAgreements and revokeUserAgreement", () => {
  it("lists the user's consents re-keyed as userAgreements, and revokes one", async () => {
    const { env, connector } = fixture;
    const agreement = await createAgreementViaApi(env.client, env.url);
    const user = await createTestUser(env.client);
    const none = await invokeOk(connector, "readUserAgreements", {
      identifier: user.id,
      acceptLanguage: "en",
    });
    expect(none.userAgreements).toEqual([]);
    const { agreementPresentationId } = (
      await invokeOk(connector, "readAgreementContent", { agreementId: agreement.agreementId })
    ).agreementPresentation as Presentation;
    await invokeOk(connector, "acceptAgreement", { identifier: user.id, agreementPresentationId });
    const listed = await invokeOk(connector, "readUserAgreements", { identifier: user.id });
    expect(listed.userAgreements).toEqual([
      expect.objectContaining({ status: "ACCEPTED", agreement: { id: agreement.agreementId } }),
    ]);
    expect(listed.rawResponse).toMatchObject({
      _embedded: { userAgreements: [expect.any(Object)] },
      count: 1,
    });

    const revoked = await invokeOk(connector, "revokeUserAgreement", {
      identifier: user.id,
      agreement: "useAgreementId",
      agreementId: agreement.agreementId,
      acceptLanguage: "en",
    });
    expect(revoked.userAgreement).toMatchObject({
      status: "PENDING",
      agreement: { id: agreement.agreementId },
    });
    // Nothing left to revoke.
    const twice = await invokeError(connector, "revokeUserAgreement", {
      identifier: user.id,
      agreementId: agreement.agreementId,
    });
    expect(twice.code).toBe("notFound");
  });

  it("fail with noUserMatch, notFound and invalidInput before any call", async () => {
    const { env, connector } = fixture;
    const user = await createTestUser(env.client);
    expect((await invokeError(connector, "readUserAgreements", { identifier: MISSING })).code).toBe(
      "noUserMatch",
    );
    const missing = await invokeError(connector, "revokeUserAgreement", {
      identifier: user.id,
      agreementId: MISSING,
    });
    expect(missing.code).toBe("notFound");
    const before = await requestCount(env.url);
    expect((await invokeError(connector, "readUserAgreements", { identifier: "" })).code).toBe(
      "invalidInput",
    );
    expect((await invokeError(connector, "revokeUserAgreement", { identifier: user.id })).code).toBe(
      "invalidInput",
    );
    expect(
      (
        await invokeError(connector, "readUserAgreements", {
          identifier: user.id,
          acceptLanguage: "x".repeat(101),
        })
      ).code,
    ).toBe("invalidInput");
    expect(await requestCount(env.url)).toBe(before);
  });
});
