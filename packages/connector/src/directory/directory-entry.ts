/** One directory entry as the connector reads it: its DN and its attributes' text values. */
export interface DirectoryEntry {
  dn: string;
  /** Attribute name as the server returned it → its values (empty when none were returned). */
  attributes: Readonly<Record<string, readonly string[]>>;
}

/** The values of an attribute, its name compared ignoring case as LDAP does. */
export function attributeValues(entry: DirectoryEntry, name: string): readonly string[] {
  if (name.toLowerCase() === "dn") return [entry.dn];
  const wanted = name.toLowerCase();
  for (const [attribute, values] of Object.entries(entry.attributes)) {
    if (attribute.toLowerCase() === wanted) return values;
  }
  return [];
}

/** The first value of an attribute, or undefined when the entry has none. */
export function firstValue(entry: DirectoryEntry, name: string): string | undefined {
  return attributeValues(entry, name)[0];
}
