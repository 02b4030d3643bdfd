import { PingOneApiError } from "../../client/errors/api-error.js";
import type { ApiResponse } from "../../client/types.js";
import { pathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import type { AgreementPresentation } from "../kit/schemas/user-agreement.js";
import { withoutLinks } from "../kit/schemas/without-links.js";
import { type AgreementLanguage, chooseLanguage } from "./language-choice.js";
import { encodePresentationId } from "./presentation-id.js";

type Resource = Record<string, unknown>;

export function agreementPath(ctx: CapabilityContext, agreementId: string): string {
  return `/environments/${pathSegment(ctx.environmentId)}/agreements/${pathSegment(agreementId)}`;
}

function notFound(message: string, apiError?: PingOneApiError): CapabilityError {
  return new CapabilityError("notFound", message, {
    httpResponseCode: 404,
    ...(apiError ? { apiError } : {}),
  });
}

/** A GET whose 404 (and PingOne's 400 for an id that is not a UUID) means the resource does not exist. */
async function existing<T>(missing: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof PingOneApiError && (error.status === 404 || error.status === 400)) {
      throw notFound(missing, error);
    }
    throw error;
  }
}

function readResource(
  ctx: CapabilityContext,
  path: string,
  missing: string,
  final = false,
): Promise<ApiResponse<Resource>> {
  return existing(missing, () => ctx.client.request<Resource>({ method: "GET", path, final }));
}

const NO_AGREEMENT = "No agreement has this id";

export async function readAgreement(ctx: CapabilityContext, agreementId: string): Promise<Resource> {
  const response = await readResource(ctx, agreementPath(ctx, agreementId), NO_AGREEMENT);
  return response.body ?? {};
}

/**
 * The agreement (that it exists) and the language an agreement presentation names, read ahead of
 * the consent write, which the presentation id alone fixes: the language, or undefined where a
 * dry run only recorded the reads.
 */
export async function readPresentedLanguage(
  ctx: CapabilityContext,
  agreementId: string,
  languageId: string,
): Promise<AgreementLanguage | undefined> {
  const path = agreementPath(ctx, agreementId);
  await existing(NO_AGREEMENT, () => ctx.client.requestAhead({ method: "GET", path }));
  const language = await existing("The agreement has no language with this id", () =>
    ctx.client.requestAhead<AgreementLanguage>({
      method: "GET",
      path: `${path}/languages/${pathSegment(languageId)}`,
    }),
  );
  return language?.body;
}

/** The enabled language the preferences choose (docs/connector-capabilities.md#agreement-language). */
export async function chooseAgreementLanguage(
  ctx: CapabilityContext,
  agreementId: string,
  preferences: readonly (string | undefined)[],
): Promise<AgreementLanguage> {
  const response = await ctx.client.request<{ _embedded?: { languages?: AgreementLanguage[] } }>({
    method: "GET",
    path: `${agreementPath(ctx, agreementId)}/languages`,
  });
  const language = chooseLanguage(response.body?._embedded?.languages ?? [], preferences);
  if (!language) throw notFound("The agreement has no enabled language");
  return language;
}

/** The language's revision in effect, named by PingOne's `currentRevision.id`. */
export async function readCurrentRevision(
  ctx: CapabilityContext,
  agreementId: string,
  language: AgreementLanguage,
): Promise<Resource> {
  const revisionId = (language.currentRevision as { id?: unknown } | undefined)?.id;
  if (typeof revisionId !== "string") throw notFound("The agreement language has no revision in effect");
  const path = `${agreementPath(ctx, agreementId)}/languages/${pathSegment(language.id)}/revisions/${pathSegment(revisionId)}`;
  return (await readResource(ctx, path, "The agreement revision in effect no longer exists")).body ?? {};
}

/**
 * The revision text, read through the revision's `text` link as PingOne gives it (never built):
 * the client follows it only on the API host, so the token goes nowhere else.
 */
export async function readRevisionText(
  ctx: CapabilityContext,
  revision: Resource,
  options: { final?: boolean } = {},
): Promise<{ text: string; response: ApiResponse<Resource> }> {
  const href = ((revision._links as Resource | undefined)?.text as { href?: unknown } | undefined)?.href;
  if (typeof href !== "string") throw notFound("The agreement revision has no text link");
  const response = await readResource(ctx, href, "The agreement revision text is missing", options.final);
  const data = response.body?.data;
  return { text: typeof data === "string" ? data : "", response };
}

/** What an agreement is shown with: the agreement, the chosen language, its current revision and text. */
export interface AgreementContent {
  agreement: Resource;
  language: AgreementLanguage;
  revision: Resource;
  presentation: AgreementPresentation;
  textResponse: ApiResponse<Resource>;
}

export async function readAgreementContent(
  ctx: CapabilityContext,
  agreement: Resource,
  preferences: readonly (string | undefined)[],
  options: { final?: boolean } = {},
): Promise<AgreementContent> {
  const agreementId = String(agreement.id);
  const language = await chooseAgreementLanguage(ctx, agreementId, preferences);
  const revision = await readCurrentRevision(ctx, agreementId, language);
  const { text, response } = await readRevisionText(ctx, revision, options);
  const experience = (language.userExperience ?? {}) as Record<string, unknown>;
  const presentation: AgreementPresentation = {
    agreementPresentationId: encodePresentationId({
      environmentId: ctx.environmentId,
      agreementId,
      languageId: language.id,
      revisionId: String(revision.id),
    }),
    agreementTitle: typeof agreement.name === "string" ? agreement.name : "",
    agreementText: text,
    ...textField("agreementAcceptCheckboxText", experience.acceptCheckboxText),
    ...textField("agreementContinueButtonText", experience.continueButtonText),
    ...textField("agreementDeclineButtonText", experience.declineButtonText),
  };
  return { agreement, language, revision, presentation, textResponse: response };
}

function textField(name: string, value: unknown): Record<string, string> {
  return typeof value === "string" ? { [name]: value } : {};
}

/** `_embedded` as a UserAgreement carries it: the three resources without their links. */
export function embeddedOf(content: Pick<AgreementContent, "agreement" | "language" | "revision">): Resource {
  return {
    agreement: withoutLinks(content.agreement),
    revision: withoutLinks(content.revision),
    language: withoutLinks(content.language),
  };
}
