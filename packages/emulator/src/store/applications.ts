import { randomBytes } from "node:crypto";
import type { EmulatorDatabase } from "./database.js";

export type TokenAuthMethod = "CLIENT_SECRET_BASIC" | "CLIENT_SECRET_POST";

export const tokenAuthMethods: readonly TokenAuthMethod[] = ["CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST"];

export interface WorkerApplication {
  id: string;
  environmentId: string;
  name: string;
  clientSecret: string;
  tokenAuthMethod: TokenAuthMethod;
  /** Role names as stored (domain/roles.ts says which the emulator knows). */
  roles: readonly string[];
}

interface ApplicationRow {
  id: string;
  environment_id: string;
  name: string;
  client_secret: string;
  token_auth_method: TokenAuthMethod;
  roles: string;
}

/** A client secret of PingOne's shape: 64 URL-safe characters. */
export function generateClientSecret(): string {
  return randomBytes(48).toString("base64url");
}

export function insertWorkerApplication(
  db: EmulatorDatabase,
  application: WorkerApplication,
  now: number,
): void {
  db.prepare(
    `INSERT INTO applications (id, environment_id, name, client_secret, token_auth_method, roles, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    application.id,
    application.environmentId,
    application.name,
    application.clientSecret,
    application.tokenAuthMethod,
    JSON.stringify(application.roles),
    now,
  );
}

function toApplication(row: ApplicationRow): WorkerApplication {
  return {
    id: row.id,
    environmentId: row.environment_id,
    name: row.name,
    clientSecret: row.client_secret,
    tokenAuthMethod: row.token_auth_method,
    roles: JSON.parse(row.roles) as string[],
  };
}

/** Whether any environment already has an application with this client id. */
export function applicationExists(db: EmulatorDatabase, clientId: string): boolean {
  return db.prepare("SELECT 1 FROM applications WHERE id = ?").get(clientId) !== undefined;
}

/** The worker application with this client id in this environment. */
export function findWorkerApplication(
  db: EmulatorDatabase,
  environmentId: string,
  clientId: string,
): WorkerApplication | undefined {
  const row = db
    .prepare("SELECT * FROM applications WHERE id = ? AND environment_id = ?")
    .get(clientId, environmentId) as ApplicationRow | undefined;
  return row === undefined ? undefined : toApplication(row);
}

/** The environment's first worker application (the one the back door or `--demo` created). */
export function findFirstWorkerApplication(
  db: EmulatorDatabase,
  environmentId: string,
): WorkerApplication | undefined {
  const row = db
    .prepare("SELECT * FROM applications WHERE environment_id = ? ORDER BY created_at, rowid LIMIT 1")
    .get(environmentId) as ApplicationRow | undefined;
  return row === undefined ? undefined : toApplication(row);
}
