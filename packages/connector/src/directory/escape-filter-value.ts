/**
 * Escapes a value for an LDAP search filter (RFC 4515 section 3): `*`, `(`, `)`, `\` and NUL
 * become `\2a`, `\28`, `\29`, `\5c` and `\00`, so no value can add a wildcard, close a clause or
 * start a new one. The other ASCII control characters are escaped too, so a filter stays
 * printable in an error message. Characters beyond ASCII stay as they are, which RFC 4515
 * allows (they are sent as UTF-8): ldapts, which parses the filter text, decodes each `\XX`
 * into one character, so escaping them byte by byte would search for a different value.
 *
 * @example
 * escapeFilterValue("*)(uid=*"); // "\\2a\\29\\28uid=\\2a"
 */
export function escapeFilterValue(value: string): string {
  let out = "";
  for (const character of value) {
    const code = character.codePointAt(0)!;
    if (
      code < 0x20 ||
      code === 0x7f ||
      character === "*" ||
      character === "(" ||
      character === ")" ||
      character === "\\"
    ) {
      out += `\\${code.toString(16).padStart(2, "0")}`;
    } else {
      out += character;
    }
  }
  return out;
}
