import type { EmulatorDatabase } from "./database.js";

/** PingOne keeps at most 10 sessions per user and lists them newest first (docs/emulator.md#sessions). */
export const MAX_SESSIONS_PER_USER = 10;
/** A session remembers the last 5 places it was used from. */
export const MAX_SESSION_LOCATIONS = 5;

export interface SessionLocation {
  at: number;
  remoteIp?: string;
  city?: string;
  state?: string;
  region?: string;
  country?: string;
}

export interface NameVersion {
  name?: string;
  version?: string;
}

export interface SessionRecord {
  id: string;
  environmentId: string;
  userId: string;
  createdAt: number;
  activeAt: number;
  lastSignOnAt: number;
  lastSignOnRemoteIp: string | null;
  /** Newest first, at most MAX_SESSION_LOCATIONS. */
  locations: SessionLocation[];
  browser: NameVersion | null;
  operatingSystem: NameVersion | null;
  deviceType: string | null;
  userAgent: string | null;
}

/** What a sign-on tells about where it came from; every part optional. */
export interface SignOnDetails {
  remoteIp?: string;
  userAgent?: string;
  browser?: NameVersion;
  operatingSystem?: NameVersion;
  deviceType?: string;
  location?: Omit<SessionLocation, "at" | "remoteIp">;
}

interface SessionRow {
  id: string;
  environment_id: string;
  user_id: string;
  created_at: number;
  active_at: number;
  last_sign_on_at: number;
  last_sign_on_remote_ip: string | null;
  locations: string;
  browser: string | null;
  operating_system: string | null;
  device_type: string | null;
  user_agent: string | null;
}

function toRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    environmentId: row.environment_id,
    userId: row.user_id,
    createdAt: row.created_at,
    activeAt: row.active_at,
    lastSignOnAt: row.last_sign_on_at,
    lastSignOnRemoteIp: row.last_sign_on_remote_ip,
    locations: JSON.parse(row.locations) as SessionLocation[],
    browser: row.browser === null ? null : (JSON.parse(row.browser) as NameVersion),
    operatingSystem: row.operating_system === null ? null : (JSON.parse(row.operating_system) as NameVersion),
    deviceType: row.device_type,
    userAgent: row.user_agent,
  };
}

/** Inserts a session as it stands (seed files give every attribute) and trims the user to the newest 10. */
export function insertSession(db: EmulatorDatabase, session: SessionRecord): SessionRecord {
  db.prepare(
    `INSERT INTO sessions (id, environment_id, user_id, created_at, active_at, last_sign_on_at, last_sign_on_remote_ip,
       locations, browser, operating_system, device_type, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    session.id,
    session.environmentId,
    session.userId,
    session.createdAt,
    session.activeAt,
    session.lastSignOnAt,
    session.lastSignOnRemoteIp,
    JSON.stringify(session.locations.slice(0, MAX_SESSION_LOCATIONS)),
    session.browser === null ? null : JSON.stringify(session.browser),
    session.operatingSystem === null ? null : JSON.stringify(session.operatingSystem),
    session.deviceType,
    session.userAgent,
  );
  trimSessions(db, session.userId);
  return session;
}

/**
 * Records a sign-on as a new session: what the password engine calls after a successful `password.check`.
 * The oldest sessions beyond the newest 10 are dropped. Call inside the request's write transaction.
 */
export function createSession(
  db: EmulatorDatabase,
  params: { environmentId: string; userId: string; now: number; signOn?: SignOnDetails },
): SessionRecord {
  const signOn = params.signOn ?? {};
  const location: SessionLocation | undefined =
    signOn.remoteIp === undefined && signOn.location === undefined
      ? undefined
      : {
          at: params.now,
          ...(signOn.remoteIp === undefined ? {} : { remoteIp: signOn.remoteIp }),
          ...signOn.location,
        };
  return insertSession(db, {
    id: crypto.randomUUID(),
    environmentId: params.environmentId,
    userId: params.userId,
    createdAt: params.now,
    activeAt: params.now,
    lastSignOnAt: params.now,
    lastSignOnRemoteIp: signOn.remoteIp ?? null,
    locations: location === undefined ? [] : [location],
    browser: signOn.browser ?? null,
    operatingSystem: signOn.operatingSystem ?? null,
    deviceType: signOn.deviceType ?? null,
    userAgent: signOn.userAgent ?? null,
  });
}

function trimSessions(db: EmulatorDatabase, userId: string): void {
  db.prepare(
    `DELETE FROM sessions WHERE user_id = ? AND seq NOT IN (
       SELECT seq FROM sessions WHERE user_id = ? ORDER BY created_at DESC, seq DESC LIMIT ?)`,
  ).run(userId, userId, MAX_SESSIONS_PER_USER);
}

/** A user's sessions, newest first (at most 10 exist). */
export function listSessions(db: EmulatorDatabase, userId: string): SessionRecord[] {
  const rows = db
    .prepare("SELECT * FROM sessions WHERE user_id = ? ORDER BY created_at DESC, seq DESC")
    .all(userId) as SessionRow[];
  return rows.map(toRecord);
}

export function findSession(
  db: EmulatorDatabase,
  userId: string,
  sessionId: string,
): SessionRecord | undefined {
  const row = db.prepare("SELECT * FROM sessions WHERE id = ? AND user_id = ?").get(sessionId, userId) as
    | SessionRow
    | undefined;
  return row === undefined ? undefined : toRecord(row);
}

export function deleteSession(db: EmulatorDatabase, sessionId: string): void {
  db.prepare("DELETE FROM sessions WHERE id = ?").run(sessionId);
}
