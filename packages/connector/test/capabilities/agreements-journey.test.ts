import { describe, expect, it } from "vitest";
import {
  advanceClock,
  createAgreementViaApi,
  createRevisionViaApi,
  emulatorNow,
} from "../support/agreement-setup.js";
import { invokeOk } from "../support/capability-harness.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser } from "../support/emulator-environment.js";

const fixture = useEmulatorConnector({ client: { retry: { maxAttempts: 1 } } });

describe("an agreement journey: registration, re-consent, revoke, expiry", () => {
  it("shows, accepts, asks again for a re-consent revision, after a revoke and after the period", async () => {
    const { env, connector } = fixture;
    const agreement = await createAgreementViaApi(env.client, env.url, {
      reconsentPeriodDays: 30,
      languages: [{ locale: "en", text: "Version 1: be nice." }],
    });
    const user = await createTestUser(env.client);

    // Registration: the flow shows the agreement and the user accepts it.
    const shown = await invokeOk(connector, "readAgreementContent", {
      properties: { agreement: "useAgreementId", agreementId: agreement.agreementId, acceptLanguage: "en" },
    });
    const presentation = shown.agreementPresentation as Record<string, string>;
    expect(presentation).toMatchObject({
      agreementTitle: agreement.name,
      agreementText: "Version 1: be nice.",
      agreementAcceptCheckboxText: "I agree (en)",
      agreementContinueButtonText: "Continue (en)",
      agreementDeclineButtonText: "Decline (en)",
    });
    const accepted = await invokeOk(connector, "acceptAgreement", {
      identifier: user.username,
      matchAttribute: "username",
      agreementPresentationId: presentation.agreementPresentationId,
    });
    expect(accepted.userAgreement).toMatchObject({ status: "ACCEPTED", user: { id: user.id } });

    const check = { identifier: user.id, agreementId: agreement.agreementId, acceptLanguage: "en-US" };
    const ok = await invokeOk(connector, "checkUserAgreement", check);
    expect((ok.userAgreement as { status: string }).status).toBe("ACCEPTED");
    expect(ok).not.toHaveProperty("agreementPresentation");

    // A new revision that requires re-consent takes effect: the check asks again, with its text.
    const en = agreement.languages.en!;
    const effectiveAt = new Date((await emulatorNow(env.url)) + 1000).toISOString();
    const second = await createRevisionViaApi(env.client, agreement.agreementId, en.languageId, {
      text: "Version 2: be nicer.",
      effectiveAt,
      requireReconsent: true,
    });
    await advanceClock(env.url, 2);
    const again = await invokeOk(connector, "checkUserAgreement", check);
    expect((again.userAgreement as { status: string }).status).not.toBe("ACCEPTED");
    expect(again.agreementPresentation).toMatchObject({ agreementText: "Version 2: be nicer." });
    const reaccepted = await invokeOk(connector, "acceptAgreement", {
      identifier: user.id,
      agreementPresentationId: (again.agreementPresentation as Record<string, string>)
        .agreementPresentationId,
    });
    expect(reaccepted.userAgreement).toMatchObject({ status: "ACCEPTED", revision: { id: second } });

    // Revoked: consent is needed again.
    const revoked = await invokeOk(connector, "revokeUserAgreement", {
      identifier: user.id,
      agreementId: agreement.agreementId,
    });
    expect((revoked.userAgreement as { status: string }).status).not.toBe("ACCEPTED");
    const afterRevoke = await invokeOk(connector, "checkUserAgreement", check);
    expect((afterRevoke.userAgreement as { status: string }).status).toBe("PENDING");
    expect(afterRevoke.agreementPresentation).toMatchObject({ agreementText: "Version 2: be nicer." });

    // Accepted once more, then the re-consent period passes: EXPIRED, and shown again.
    await invokeOk(connector, "acceptAgreement", {
      identifier: user.id,
      agreementPresentationId: (afterRevoke.agreementPresentation as Record<string, string>)
        .agreementPresentationId,
    });
    await advanceClock(env.url, 31 * 86_400);
    const expired = await invokeOk(connector, "checkUserAgreement", check);
    expect((expired.userAgreement as { status: string }).status).toBe("EXPIRED");
    expect(expired.agreementPresentation).toMatchObject({ agreementTitle: agreement.name });
  });
});
