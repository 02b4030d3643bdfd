/**
 * A feature's DDL. `name` is recorded once applied, so a persisted database only runs new modules.
 * Statements run in order inside one transaction; never edit a shipped module, add a new one.
 */
export interface SchemaModule {
  name: string;
  statements: readonly string[];
}
