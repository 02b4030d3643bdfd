/**
 * The RDNs of a DN (RFC 4514), split at commas that are not escaped, each trimmed and lower-cased
 * so that two spellings of one DN compare equal. Good for the containment check below; it does
 * not apply attribute matching rules.
 */
function normalizedRdns(dn: string): string[] {
  const rdns: string[] = [];
  let current = "";
  for (let index = 0; index < dn.length; index++) {
    const character = dn[index]!;
    if (character === "\\") {
      current += character + (dn[index + 1] ?? "");
      index++;
    } else if (character === ",") {
      rdns.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  rdns.push(current);
  return rdns.map((rdn) =>
    rdn
      .replace(/\s*=\s*/, "=")
      .trim()
      .toLowerCase(),
  );
}

/** True when `dn` is `base` or lies below it. */
export function isDnUnder(dn: string, base: string): boolean {
  const entry = normalizedRdns(dn);
  const suffix = normalizedRdns(base);
  if (suffix.length > entry.length) return false;
  return suffix.every((rdn, index) => rdn === entry[entry.length - suffix.length + index]);
}
