import type { PingOneClient } from "../../src/client/types.js";

/** An agreement set up the way PingOne requires: created disabled, language, revision, language enabled, agreement enabled. */
export interface AgreementFixture {
  agreementId: string;
  name: string;
  /** Language id and current revision id by locale. */
  languages: Record<string, { languageId: string; revisionId: string; body: Record<string, unknown> }>;
}

export interface LanguageSpec {
  locale: string;
  text: string;
  /** Leave the language disabled (it still gets its revision). */
  disabled?: boolean;
}

/** The emulator clock, in ms. */
export async function emulatorNow(emulatorUrl: string): Promise<number> {
  const body = (await (await fetch(`${emulatorUrl}/_emulator/clock`)).json()) as { now: string };
  return Date.parse(body.now);
}

export async function advanceClock(emulatorUrl: string, seconds: number): Promise<void> {
  const response = await fetch(`${emulatorUrl}/_emulator/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ advanceSeconds: seconds }),
  });
  if (response.status !== 200) throw new Error(`moving the clock failed: ${response.status}`);
}

let count = 0;

/** Creates an agreement through the management API (setup, not the code under test). */
export async function createAgreementViaApi(
  client: PingOneClient,
  emulatorUrl: string,
  options: { languages?: LanguageSpec[]; reconsentPeriodDays?: number; enabled?: boolean } = {},
): Promise<AgreementFixture> {
  count += 1;
  const name = `Terms of Service ${count}-${Date.now()}`;
  const base = `/environments/${client.environmentId}/agreements`;
  const agreementBody: Record<string, unknown> = { name, enabled: false };
  if (options.reconsentPeriodDays !== undefined)
    agreementBody.reconsentPeriodDays = options.reconsentPeriodDays;
  const agreement = await client.request<{ id: string }>({ method: "POST", path: base, body: agreementBody });
  const agreementId = agreement.body.id;
  const languages: AgreementFixture["languages"] = {};
  for (const spec of options.languages ?? [{ locale: "en", text: "Be nice." }]) {
    const body = {
      locale: spec.locale,
      displayName: `${name} (${spec.locale})`,
      userExperience: {
        acceptCheckboxText: `I agree (${spec.locale})`,
        continueButtonText: `Continue (${spec.locale})`,
        declineButtonText: `Decline (${spec.locale})`,
      },
    };
    const language = await client.request<{ id: string }>({
      method: "POST",
      path: `${base}/${agreementId}/languages`,
      body,
    });
    const languageId = language.body.id;
    const revisionId = await createRevisionViaApi(client, agreementId, languageId, {
      text: spec.text,
      effectiveAt: new Date(await emulatorNow(emulatorUrl)).toISOString(),
    });
    if (!spec.disabled) {
      await client.request({
        method: "PUT",
        path: `${base}/${agreementId}/languages/${languageId}`,
        body: { ...body, enabled: true },
      });
    }
    languages[spec.locale] = { languageId, revisionId, body };
  }
  if (options.enabled !== false) {
    await client.request({
      method: "PUT",
      path: `${base}/${agreementId}`,
      body: { ...agreementBody, enabled: true },
    });
  }
  return { agreementId, name, languages };
}

export async function createRevisionViaApi(
  client: PingOneClient,
  agreementId: string,
  languageId: string,
  revision: { text: string; effectiveAt: string; requireReconsent?: boolean },
): Promise<string> {
  const created = await client.request<{ id: string }>({
    method: "POST",
    path: `/environments/${client.environmentId}/agreements/${agreementId}/languages/${languageId}/revisions`,
    body: { contentType: "text/plain", requireReconsent: false, ...revision },
  });
  return created.body.id;
}

/** Turns an agreement on or off through the management API. */
export async function setAgreementEnabled(
  client: PingOneClient,
  fixture: AgreementFixture,
  enabled: boolean,
): Promise<void> {
  await client.request({
    method: "PUT",
    path: `/environments/${client.environmentId}/agreements/${fixture.agreementId}`,
    body: { name: fixture.name, enabled },
  });
}
