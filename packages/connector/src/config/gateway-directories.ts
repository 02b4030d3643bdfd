import type { SettingProblem } from "./configuration-error.js";

/**
 * The directory behind one PingOne LDAP gateway, as the connector reaches it itself: PingOne's
 * management API offers no way to validate credentials or read entries through a gateway
 * (docs/connector-client.md#gateway-directories).
 */
export interface GatewayDirectorySetting {
  /** `ldap://host:port` or `ldaps://host:port`, no path. */
  url: string;
  /** The service account that searches the directory (required, in this spelling or `bindDN`). */
  bindDn?: string;
  /** `bindDn` as PingOne's gateway resource spells it. */
  bindDN?: string;
  /** The service account's password: a secret, redacted like the client secret. */
  bindPassword: string;
  /** For `ldaps://` only. */
  tls?: {
    /** Verify the server's certificate; on unless explicitly false. */
    rejectUnauthorized?: boolean;
    /** PEM certificates of the CAs to trust, instead of Node's default ones. */
    ca?: string | string[];
  };
  /** The longest wait for one LDAP operation; default 10,000. */
  timeoutMs?: number;
  /** The longest wait for the TCP (and TLS) connection; default 5,000. */
  connectTimeoutMs?: number;
}

/** A validated directory setting: every default applied. */
export interface ResolvedGatewayDirectory {
  gatewayId: string;
  url: string;
  bindDn: string;
  bindPassword: string;
  tls: { rejectUnauthorized: boolean; ca: string[] | undefined };
  timeoutMs: number;
  connectTimeoutMs: number;
}

/** The connection setting's name, and the environment variable that holds it as JSON. */
export const GATEWAY_DIRECTORIES_SETTING = "gatewayDirectories";
export const GATEWAY_DIRECTORIES_ENV = "PINGONE_GATEWAY_DIRECTORIES";

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const MAX_TIMEOUT_MS = 600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KNOWN_KEYS = new Set([
  "url",
  "bindDn",
  "bindDN",
  "bindPassword",
  "tls",
  "timeoutMs",
  "connectTimeoutMs",
]);
const KNOWN_TLS_KEYS = new Set(["rejectUnauthorized", "ca"]);

/**
 * Validates the per-gateway directory settings: an object keyed by gateway id, given as an
 * object or as JSON text (the environment variable). Problems name the field and never quote a
 * value, since the text holds bind passwords. Keys are lower-cased, as PingOne's ids are.
 */
export function resolveGatewayDirectories(
  found: { field: string; value: unknown } | undefined,
  problems: SettingProblem[],
): Readonly<Record<string, ResolvedGatewayDirectory>> {
  const directories: Record<string, ResolvedGatewayDirectory> = {};
  if (!found) return directories;
  let value = found.value;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      problems.push({ field: found.field, problem: "must be JSON text of an object keyed by gateway id" });
      return directories;
    }
  }
  if (!isObject(value)) {
    problems.push({ field: found.field, problem: "must be an object keyed by gateway id" });
    return directories;
  }
  for (const [gatewayId, setting] of Object.entries(value)) {
    const field = `${found.field}.${gatewayId}`;
    if (!UUID.test(gatewayId)) {
      problems.push({ field, problem: "the key must be a PingOne gateway id (a UUID)" });
      continue;
    }
    const resolved = resolveOne(gatewayId.toLowerCase(), setting, field, problems);
    if (resolved) directories[resolved.gatewayId] = resolved;
  }
  return directories;
}

function resolveOne(
  gatewayId: string,
  setting: unknown,
  field: string,
  problems: SettingProblem[],
): ResolvedGatewayDirectory | undefined {
  if (!isObject(setting)) {
    problems.push({ field, problem: "must be an object with url, bindDn and bindPassword" });
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(setting)) {
    if (!KNOWN_KEYS.has(key))
      problems.push({ field: `${field}.${key}`, problem: "is not a directory setting" });
  }
  const url = ldapUrl(setting.url, `${field}.url`, problems);
  if (setting.bindDn !== undefined && setting.bindDN !== undefined) {
    problems.push({ field: `${field}.bindDN`, problem: "give bindDn or bindDN, not both" });
  }
  const bindDnKey = setting.bindDn !== undefined ? "bindDn" : "bindDN";
  const bindDn = nonEmptyText(setting[bindDnKey], `${field}.${bindDnKey}`, problems);
  // An empty password would make the bind "unauthenticated" (RFC 4513), which servers may accept.
  const bindPassword = nonEmptyText(setting.bindPassword, `${field}.bindPassword`, problems);
  const tls = tlsOptions(setting.tls, url, `${field}.tls`, problems);
  const timeoutMs = milliseconds(setting.timeoutMs, DEFAULT_TIMEOUT_MS, `${field}.timeoutMs`, problems);
  const connectTimeoutMs = milliseconds(
    setting.connectTimeoutMs,
    DEFAULT_CONNECT_TIMEOUT_MS,
    `${field}.connectTimeoutMs`,
    problems,
  );
  if (problems.length > before) return undefined;
  return {
    gatewayId,
    url: url!,
    bindDn: bindDn!,
    bindPassword: bindPassword!,
    tls: tls!,
    timeoutMs,
    connectTimeoutMs,
  };
}

function ldapUrl(value: unknown, field: string, problems: SettingProblem[]): string | undefined {
  if (value === undefined) {
    problems.push({ field, problem: "is required (ldap://host:port or ldaps://host:port)" });
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value.trim()) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "ldap:" && url.protocol !== "ldaps:") || url.hostname === "") {
    problems.push({ field, problem: "must be an ldap://host:port or ldaps://host:port URL" });
    return undefined;
  }
  if (url.username || url.password) {
    problems.push({ field, problem: "must not hold credentials: use bindDn and bindPassword" });
    return undefined;
  }
  if ((url.pathname !== "" && url.pathname !== "/") || url.search || url.hash) {
    problems.push({ field, problem: "must name only the server (no base DN, query or fragment)" });
    return undefined;
  }
  return `${url.protocol}//${url.host}`;
}

function nonEmptyText(value: unknown, field: string, problems: SettingProblem[]): string | undefined {
  if (typeof value !== "string" || value.trim() === "") {
    problems.push({ field, problem: "is required and must be a non-empty string" });
    return undefined;
  }
  return value;
}

function tlsOptions(
  value: unknown,
  url: string | undefined,
  field: string,
  problems: SettingProblem[],
): ResolvedGatewayDirectory["tls"] | undefined {
  if (value === undefined) return { rejectUnauthorized: true, ca: undefined };
  if (!isObject(value)) {
    problems.push({ field, problem: "must be an object with rejectUnauthorized and ca" });
    return undefined;
  }
  if (url?.startsWith("ldap:")) {
    problems.push({ field, problem: "applies to ldaps:// URLs only" });
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(value)) {
    if (!KNOWN_TLS_KEYS.has(key))
      problems.push({ field: `${field}.${key}`, problem: "is not a TLS setting" });
  }
  const { rejectUnauthorized, ca } = value;
  if (rejectUnauthorized !== undefined && typeof rejectUnauthorized !== "boolean") {
    problems.push({ field: `${field}.rejectUnauthorized`, problem: "must be true or false" });
  }
  const certificates = ca === undefined ? undefined : Array.isArray(ca) ? ca : [ca];
  if (certificates?.some((pem) => typeof pem !== "string" || !pem.includes("-----BEGIN CERTIFICATE-----"))) {
    problems.push({ field: `${field}.ca`, problem: "must be PEM certificate text, or a list of them" });
  }
  if (problems.length > before) return undefined;
  return { rejectUnauthorized: rejectUnauthorized !== false, ca: certificates as string[] | undefined };
}

function milliseconds(value: unknown, fallback: number, field: string, problems: SettingProblem[]): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
    problems.push({ field, problem: `must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}` });
    return fallback;
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
