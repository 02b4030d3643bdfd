import type { EmulatorOptions } from "../../src/index.js";
import {
  type EmulatorFixture,
  fetchToken,
  type HttpResult,
  provisionEnvironment,
  type RequestOptions,
  send,
  startEmulatorFixture,
} from "../support/emulator-harness.js";

export const ACCEPT = "application/vnd.pingidentity.consent.accept+json";
export const REVOKE = "application/vnd.pingidentity.consent.revoke+json";

/** An agreement set up the way PingOne requires: language and revision first, then enabled. */
export interface ReadyAgreement {
  agreementId: string;
  languageId: string;
  revisionId: string;
}

export interface AgreementTestEnvironment {
  fixture: EmulatorFixture;
  api(method: string, path: string, options?: RequestOptions): Promise<HttpResult>;
  /** The emulator clock, in epoch ms. */
  now(): Promise<number>;
  /** Moves the clock through the back door and fetches a new token (the old one may have expired). */
  advance(seconds: number): Promise<void>;
  /** Another environment whose worker holds only `roles`, with a token for it. */
  environmentWithRoles(roles: string[]): Promise<{ environmentId: string; token: string }>;
  createUser(username: string): Promise<string>;
  createAgreement(options?: {
    name?: string;
    reconsentPeriodDays?: number;
    locale?: string;
    text?: string;
    contentType?: string;
  }): Promise<ReadyAgreement>;
  /** Adds a revision to a language, effective `inSeconds` after the emulator's now. */
  addRevision(
    agreement: { agreementId: string; languageId: string },
    options: { inSeconds: number; requireReconsent: boolean; text?: string },
  ): Promise<string>;
}

function expectStatus(result: HttpResult, status: number, what: string): void {
  if (result.status !== status) throw new Error(`${what}: ${result.status} ${result.text}`);
}

let names = 0;

/** A running emulator with one environment and helpers to build agreements over HTTP. */
export async function startAgreementTestEnvironment(
  options: EmulatorOptions = {},
): Promise<AgreementTestEnvironment> {
  const fixture = await startEmulatorFixture(options);
  const api = fixture.api;
  const now = async () => {
    const clock = await send("GET", `${fixture.url}/_emulator/clock`);
    return Date.parse(clock.body.now);
  };
  const environment: AgreementTestEnvironment = {
    fixture,
    api,
    now,
    async advance(seconds) {
      expectStatus(
        await send("POST", `${fixture.url}/_emulator/clock`, { body: { advanceSeconds: seconds } }),
        200,
        "moving the clock",
      );
      await fixture.renewToken();
    },
    async environmentWithRoles(roles) {
      const other = await provisionEnvironment(fixture.url, { roles });
      return { environmentId: other.environmentId, token: await fetchToken(other) };
    },
    async createUser(username) {
      const created = await api("POST", "/users", { body: { username, email: `${username}@example.com` } });
      expectStatus(created, 201, `creating user ${username}`);
      return created.body.id;
    },
    async addRevision(agreement, { inSeconds, requireReconsent, text }) {
      const effectiveAt = new Date((await now()) + inSeconds * 1000).toISOString();
      const created = await api(
        "POST",
        `/agreements/${agreement.agreementId}/languages/${agreement.languageId}/revisions`,
        {
          body: {
            contentType: "text/plain",
            text: text ?? `Terms as of ${effectiveAt}`,
            effectiveAt,
            requireReconsent,
          },
        },
      );
      expectStatus(created, 201, "creating a revision");
      return created.body.id;
    },
    async createAgreement(settings = {}) {
      names += 1;
      const name = settings.name ?? `Terms ${names}`;
      const body: Record<string, unknown> = { name, enabled: false };
      if (settings.reconsentPeriodDays !== undefined) body.reconsentPeriodDays = settings.reconsentPeriodDays;
      const agreement = await api("POST", "/agreements", { body });
      expectStatus(agreement, 201, "creating an agreement");
      const agreementId = agreement.body.id as string;
      const languageBody = {
        locale: settings.locale ?? "en",
        displayName: `${name} (${settings.locale ?? "en"})`,
        userExperience: {
          acceptCheckboxText: "I agree",
          continueButtonText: "Continue",
          declineButtonText: "Decline",
        },
      };
      const language = await api("POST", `/agreements/${agreementId}/languages`, { body: languageBody });
      expectStatus(language, 201, "creating a language");
      const languageId = language.body.id as string;
      const revision = await api("POST", `/agreements/${agreementId}/languages/${languageId}/revisions`, {
        body: {
          contentType: settings.contentType ?? "text/html",
          text: settings.text ?? "<p>Be nice.</p>",
          effectiveAt: new Date(await now()).toISOString(),
          requireReconsent: false,
        },
      });
      expectStatus(revision, 201, "creating a revision");
      expectStatus(
        await api("PUT", `/agreements/${agreementId}/languages/${languageId}`, {
          body: { ...languageBody, enabled: true },
        }),
        200,
        "enabling the language",
      );
      expectStatus(
        await api("PUT", `/agreements/${agreementId}`, { body: { ...body, enabled: true } }),
        200,
        "enabling the agreement",
      );
      return { agreementId, languageId, revisionId: revision.body.id };
    },
  };
  return environment;
}
