/** An LDAP entry: its DN and attribute values (one string or several). */
export interface LdapEntry {
  dn: string;
  attributes: Record<string, string | readonly string[]>;
}

// Within RFC 2849's SAFE-STRING: printable ASCII, not starting with a space, colon or "<". A
// trailing space would be lost by LDIF readers. Anything else is written base64-encoded.
function isSafe(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value) && !/^[ :<]/.test(value) && !value.endsWith(" ");
}

function line(type: string, value: string): string {
  return isSafe(value) ? `${type}: ${value}` : `${type}:: ${Buffer.from(value, "utf8").toString("base64")}`;
}

/** Entries as LDIF (RFC 2849), with values outside SAFE-STRING base64-encoded. */
export function toLdif(entries: readonly LdapEntry[]): string {
  return entries
    .map((entry) => {
      const lines = [line("dn", entry.dn)];
      for (const [type, values] of Object.entries(entry.attributes)) {
        for (const value of typeof values === "string" ? [values] : values) lines.push(line(type, value));
      }
      return `${lines.join("\n")}\n`;
    })
    .join("\n");
}
