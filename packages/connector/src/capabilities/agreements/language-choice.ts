import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

/** An agreement language as PingOne returns it (the fields the choice reads). */
export interface AgreementLanguage {
  id: string;
  locale: string;
  enabled?: boolean;
  [field: string]: unknown;
}

/** `und` (undetermined) is no agreement language's locale: lookup answers it when nothing matched. */
const NO_MATCH = "und";

/**
 * The language an agreement is shown in (docs/connector-capabilities.md#agreement-language):
 * each preference in order (a tag, or an Accept-Language list with q-values) by RFC 4647 lookup
 * among the enabled languages (`fr-CA` falls back to `fr`), then the environment's default
 * language `en` (or `en-*`), then the first enabled language. Undefined when none is enabled.
 */
export function chooseLanguage(
  languages: readonly AgreementLanguage[],
  preferences: readonly (string | undefined)[],
): AgreementLanguage | undefined {
  const enabled = languages.filter((language) => language.enabled !== false);
  const byTag = new Map<string, AgreementLanguage>();
  for (const language of enabled) {
    const tag = canonicalTag(language.locale);
    if (tag && !byTag.has(tag)) byTag.set(tag, language);
  }
  const available = [...byTag.keys()];
  for (const preference of preferences) {
    const requested = requestedTags(preference);
    if (requested.length === 0) continue;
    const found = byTag.get(match(requested, available, NO_MATCH, { algorithm: "lookup" }));
    if (found) return found;
  }
  return (
    enabled.find((language) => canonicalTag(language.locale) === "en") ??
    enabled.find((language) => canonicalTag(language.locale)?.startsWith("en-")) ??
    enabled[0]
  );
}

/** The tags of one preference, most preferred first: q-values sorted, `q=0` and `*` dropped, invalid tags skipped. */
function requestedTags(preference: string | undefined): string[] {
  if (!preference || preference.trim() === "") return [];
  const ranges = new Negotiator({ headers: { "accept-language": preference } }).languages();
  return ranges.map(canonicalTag).filter((tag): tag is string => tag !== undefined && tag !== "*");
}

function canonicalTag(tag: string): string | undefined {
  if (tag === "*") return tag;
  try {
    return Intl.getCanonicalLocales(tag.replaceAll("_", "-"))[0];
  } catch {
    return undefined;
  }
}
