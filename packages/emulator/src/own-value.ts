/**
 * `table[key]` only when `key` is the table's own property. A plain object also answers to
 * Object.prototype's names (`constructor`, `toString`, `__proto__`), so a bare lookup by a name from
 * a request would find an entry no table declares.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
