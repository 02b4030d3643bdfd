import type { SettingProblem } from "./configuration-error.js";

/**
 * How the connector validates SPNEGO tokens itself (kerberosAuthentication): the keytab of the
 * service principal browsers get tickets for, and how a client principal maps to a directory
 * entry (docs/connector-capabilities.md#kerberos-settings).
 */
export interface KerberosSettings {
  /** Path of the keytab with the service principal's keys. Never logged. Env `PINGONE_KERBEROS_KEYTAB`. */
  keytab?: string;
  /**
   * The principal browsers ask tickets for, `HTTP/<host the browser connects to>@REALM`
   * (as `klist -k` shows it). Env `PINGONE_KERBEROS_SERVICE_PRINCIPAL`.
   */
  servicePrincipal?: string;
  /**
   * Realms whose users are accepted; the service principal's realm by default. A principal of
   * another (trusted) realm would otherwise map to a directory entry with the same user name.
   * Env `PINGONE_KERBEROS_REALMS`, comma-separated.
   */
  acceptedRealms?: readonly string[];
  /**
   * The LDAP filter that finds a principal's entry under a user type's `searchBaseDn`, with
   * `${user}` (the part before `@`), `${realm}` and `${principal}` (RFC 4515-escaped).
   * Default `(uid=${user})`; Active Directory: `(sAMAccountName=${user})` or
   * `(userPrincipalName=${principal})`. Env `PINGONE_KERBEROS_USER_FILTER`.
   */
  userFilter?: string;
  /** The longest token accepted, in base64 characters. Default 65,536 (48 KiB of token). */
  maxTokenLength?: number;
}

/** Kerberos settings after validation. */
export interface ResolvedKerberosSettings {
  keytab: string;
  servicePrincipal: string;
  /** GSSAPI's host-based form of the service principal, `HTTP@localhost`. */
  hostBasedService: string;
  acceptedRealms: readonly string[];
  userFilter: string;
  maxTokenLength: number;
}

export const DEFAULT_KERBEROS_USER_FILTER = `(uid=\${user})`;

/**
 * 64 KiB of base64: Windows' largest default Kerberos token (MaxTokenSize 48,000 bytes) with
 * room to spare. Larger ones are refused without being decoded.
 */
export const DEFAULT_MAX_KERBEROS_TOKEN_LENGTH = 65_536;

const ENV = {
  keytab: "PINGONE_KERBEROS_KEYTAB",
  servicePrincipal: "PINGONE_KERBEROS_SERVICE_PRINCIPAL",
  acceptedRealms: "PINGONE_KERBEROS_REALMS",
  userFilter: "PINGONE_KERBEROS_USER_FILTER",
} as const;

const SERVICE_PRINCIPAL = /^([^/@\s]+)\/([^/@\s]+)@([^/@\s]+)$/;
const PLACEHOLDER = /\$\{([^}]*)\}/g;
const PLACEHOLDERS = new Set(["user", "realm", "principal"]);

/**
 * The connection's `kerberos` setting, gaps filled from `PINGONE_KERBEROS_*`, or `undefined` when
 * neither names a keytab nor a service principal (Kerberos sign-on is then off). Every bad field
 * goes to `problems`; the keytab's path is never quoted.
 */
export function resolveKerberosSettings(
  setting: unknown,
  env: Record<string, string | undefined>,
  problems: SettingProblem[],
): ResolvedKerberosSettings | undefined {
  let value = setting;
  if (typeof value === "string" && value.trim() !== "") {
    // DaVinci's connection properties are text: the setting comes as JSON there.
    try {
      value = JSON.parse(value);
    } catch {
      problems.push({
        field: "kerberos",
        problem: "must be JSON text of an object (keytab, servicePrincipal, ...)",
      });
      return undefined;
    }
  } else if (value === "") {
    value = undefined;
  }
  if (value !== undefined && (value === null || typeof value !== "object" || Array.isArray(value))) {
    problems.push({ field: "kerberos", problem: "must be an object (keytab, servicePrincipal, ...)" });
    return undefined;
  }
  const settings = (value ?? {}) as Record<string, unknown>;
  const before = problems.length;
  for (const key of Object.keys(settings)) {
    if (!KNOWN_KEYS.has(key))
      problems.push({ field: `kerberos.${key}`, problem: "is not a Kerberos setting" });
  }
  const keytab = text(settings, "keytab", env, problems);
  const servicePrincipal = text(settings, "servicePrincipal", env, problems);
  if (keytab === undefined && servicePrincipal === undefined && problems.length === before) return undefined;
  if (keytab === undefined) {
    problems.push({ field: "kerberos.keytab", problem: `is required (or ${ENV.keytab})` });
  }
  const parts = servicePrincipal === undefined ? null : SERVICE_PRINCIPAL.exec(servicePrincipal);
  if (!parts) {
    problems.push({
      field: "kerberos.servicePrincipal",
      problem: `must be service/host@REALM, such as HTTP/sso.example.com@EXAMPLE.COM (or ${ENV.servicePrincipal})`,
    });
  }
  const acceptedRealms = realms(settings.acceptedRealms, env[ENV.acceptedRealms], parts?.[3], problems);
  const userFilter = text(settings, "userFilter", env, problems) ?? DEFAULT_KERBEROS_USER_FILTER;
  const unknown = [...userFilter.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((n) => !PLACEHOLDERS.has(n));
  // Without ${user} or ${principal} the filter would find the same entry for every client.
  const namesClient = userFilter.includes(`\${user}`) || userFilter.includes(`\${principal}`);
  if (!/^\(.*\)$/s.test(userFilter) || unknown.length > 0 || !namesClient) {
    problems.push({
      field: "kerberos.userFilter",
      problem: `must be an LDAP filter in parentheses with \${user} or \${principal} (and optionally \${realm})${
        unknown.length > 0 ? `; unknown: ${unknown.map((n) => `\${${n}}`).join(", ")}` : ""
      }`,
    });
  }
  const maxTokenLength = settings.maxTokenLength ?? DEFAULT_MAX_KERBEROS_TOKEN_LENGTH;
  if (typeof maxTokenLength !== "number" || !Number.isInteger(maxTokenLength) || maxTokenLength < 1024) {
    problems.push({ field: "kerberos.maxTokenLength", problem: "must be a whole number of at least 1024" });
  }
  if (problems.length > before) return undefined;
  return {
    keytab: keytab!,
    servicePrincipal: servicePrincipal!,
    hostBasedService: `${parts![1]}@${parts![2]}`,
    acceptedRealms: acceptedRealms!,
    userFilter,
    maxTokenLength: maxTokenLength as number,
  };
}

const KNOWN_KEYS = new Set(["keytab", "servicePrincipal", "acceptedRealms", "userFilter", "maxTokenLength"]);

/** A text setting, else its environment variable, trimmed; empty counts as absent. */
function text(
  settings: Record<string, unknown>,
  key: "keytab" | "servicePrincipal" | "userFilter",
  env: Record<string, string | undefined>,
  problems: SettingProblem[],
): string | undefined {
  const value = settings[key] ?? env[ENV[key]];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    problems.push({ field: `kerberos.${key}`, problem: `must be a string, got ${typeof value}` });
    return undefined;
  }
  return value.trim() === "" ? undefined : value.trim();
}

function realms(
  value: unknown,
  envText: string | undefined,
  serviceRealm: string | undefined,
  problems: SettingProblem[],
): readonly string[] | undefined {
  let list: unknown = value;
  if (list === undefined && envText)
    list = envText
      .split(",")
      .map((realm) => realm.trim())
      .filter(Boolean);
  if (list === undefined) return serviceRealm === undefined ? undefined : [serviceRealm];
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    list.some((realm) => typeof realm !== "string" || !/^[^/@\s]+$/.test(realm))
  ) {
    problems.push({
      field: "kerberos.acceptedRealms",
      problem: "must list realm names, such as EXAMPLE.COM",
    });
    return undefined;
  }
  return list as string[];
}
