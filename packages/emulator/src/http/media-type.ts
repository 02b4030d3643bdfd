import { unsupportedMediaType } from "./pingone-error.js";

/** The essence of a Content-Type (`type/subtype`, lower case), parameters such as charset dropped. */
export function mediaTypeEssence(contentType: string | undefined | null): string | undefined {
  if (contentType === undefined || contentType === null) return undefined;
  const essence = contentType.split(";", 1)[0]?.trim().toLowerCase();
  return essence === "" ? undefined : essence;
}

/** Strips a trailing `+json` structured-syntax suffix. */
function withoutJsonSuffix(essence: string): string {
  return essence.endsWith("+json") ? essence.slice(0, -"+json".length) : essence;
}

/**
 * Picks the action named by the request's Content-Type from a table of documented spellings.
 * Lenient mode (the default setting, docs/emulator.md#action-media-types) also accepts each type with the
 * `+json` suffix added or removed; strict mode accepts only the documented spelling. Anything else is 415.
 */
export function selectAction<A extends string>(
  contentType: string | undefined | null,
  documented: Readonly<Record<string, A>>,
  lenient: boolean,
): A {
  const essence = mediaTypeEssence(contentType);
  if (essence === undefined) throw unsupportedMediaType();
  // Media types compare case-insensitively (RFC 9110), and PingOne's are camel-cased.
  const entries = Object.entries(documented).map(
    ([spelling, action]) => [spelling.toLowerCase(), action] as const,
  );
  const exact = entries.find(([spelling]) => spelling === essence);
  if (exact !== undefined) return exact[1];
  if (lenient) {
    const bare = withoutJsonSuffix(essence);
    const relaxed = entries.find(([spelling]) => withoutJsonSuffix(spelling) === bare);
    if (relaxed !== undefined) return relaxed[1];
  }
  throw unsupportedMediaType();
}
