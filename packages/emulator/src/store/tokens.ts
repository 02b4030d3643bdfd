import { createHash, randomBytes } from "node:crypto";
import { cachedStatement, type EmulatorDatabase } from "./database.js";

export interface IssuedToken {
  accessToken: string;
  expiresAt: number;
}

export interface TokenPrincipalRow {
  environmentId: string;
  organizationId: string;
  applicationId: string;
  /** As stored; the bearer check keeps the ones it knows. */
  roles: string[];
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

/**
 * Issues a JWT-shaped bearer token (header.payload.signature) so clients that peek at `exp` work;
 * the emulator itself trusts only its tokens table, looked up by the token's SHA-256.
 */
export function issueToken(
  db: EmulatorDatabase,
  params: {
    environmentId: string;
    applicationId: string;
    issuer: string;
    now: number;
    lifetimeSeconds: number;
  },
): IssuedToken {
  const issuedAtSeconds = Math.floor(params.now / 1000);
  const expiresAt = params.now + params.lifetimeSeconds * 1000;
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT", kid: "emulator" }));
  const payload = base64url(
    JSON.stringify({
      iss: params.issuer,
      sub: params.applicationId,
      aud: ["https://api.pingone.com"],
      client_id: params.applicationId,
      env: params.environmentId,
      iat: issuedAtSeconds,
      exp: issuedAtSeconds + params.lifetimeSeconds,
      jti: crypto.randomUUID(),
    }),
  );
  const accessToken = `${header}.${payload}.${base64url(randomBytes(32))}`;
  db.prepare(
    "INSERT INTO tokens (token_hash, environment_id, application_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)",
  ).run(hashToken(accessToken), params.environmentId, params.applicationId, params.now, expiresAt);
  return { accessToken, expiresAt };
}

/** The principal behind a bearer token that has not expired at `now`, or undefined. */
export function findTokenPrincipal(
  db: EmulatorDatabase,
  token: string,
  now: number,
): TokenPrincipalRow | undefined {
  const row = cachedStatement(
    db,
    `SELECT t.environment_id AS environmentId, e.organization_id AS organizationId,
              t.application_id AS applicationId, a.roles AS roles
         FROM tokens t
         JOIN applications a ON a.id = t.application_id
         JOIN environments e ON e.id = t.environment_id
        WHERE t.token_hash = ? AND t.expires_at > ?`,
  ).get(hashToken(token), now) as
    | { environmentId: string; organizationId: string; applicationId: string; roles: string }
    | undefined;
  if (row === undefined) return undefined;
  return { ...row, roles: JSON.parse(row.roles) as string[] };
}
