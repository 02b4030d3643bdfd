import { PingOneConfigurationError, type SettingProblem } from "./configuration-error.js";
import {
  GATEWAY_DIRECTORIES_ENV,
  type GatewayDirectorySetting,
  type ResolvedGatewayDirectory,
  resolveGatewayDirectories,
} from "./gateway-directories.js";
import {
  type KerberosSettings,
  type ResolvedKerberosSettings,
  resolveKerberosSettings,
} from "./kerberos-settings.js";
import { authUrlForApiHost, isRegionCode, REGION_CODES, type RegionCode, regionHosts } from "./regions.js";

export type TokenAuthMethod = "client_secret_basic" | "client_secret_post";

/** DaVinci's connection properties. */
export interface DaVinciConnection {
  envId: string;
  clientId: string;
  clientSecret: string;
  region: RegionCode;
}

/** Swimlane's "PingOne Authentication" asset. `url` is the API host root, without `/v1`. */
export interface SwimlaneConnection {
  url: string;
  clientId: string;
  clientSecret: string;
  environmentId: string;
  verify_ssl?: boolean;
  http_proxy?: string;
  /** Proposed extension: the token URL, when it cannot be derived from `url`. */
  token_url?: string;
}

/** Overrides for custom domains and the emulator. */
export interface ConnectionOverrides {
  /** API host root, without `/v1` (e.g. the emulator's origin). */
  apiUrl?: string;
  /** Auth host root; the token URL is `<authUrl>/<environmentId>/as/token`. */
  authUrl?: string;
  tokenAuthMethod?: TokenAuthMethod;
  /** TLS certificate verification; on unless explicitly false. Swimlane spelling: `verify_ssl`. */
  verifyTls?: boolean;
  /** HTTP(S) proxy URL. Swimlane spelling: `http_proxy`. */
  proxy?: string;
  /**
   * The directory behind each LDAP gateway, keyed by gateway id, for migrateUserGateway and
   * updateUserGateway; an object, or its JSON text (docs/connector-client.md#gateway-directories).
   */
  gatewayDirectories?: Record<string, GatewayDirectorySetting> | string;
  /**
   * How kerberosAuthentication validates SPNEGO tokens itself: the service principal's keytab,
   * and how a principal maps to a directory entry (docs/connector-capabilities.md#kerberos-settings).
   */
  kerberos?: KerberosSettings | string;
}

/** Connection settings in either product's spelling, plus overrides; any field may come from the environment. */
export type ConnectionSettings = Partial<DaVinciConnection & SwimlaneConnection & ConnectionOverrides>;

/** Connection settings after validation: everything the client needs, nothing ambiguous. */
export interface ResolvedConnection {
  environmentId: string;
  clientId: string;
  clientSecret: string;
  region: RegionCode | undefined;
  /** API host root, no trailing slash, no `/v1`. */
  apiUrl: string;
  authUrl: string;
  tokenUrl: string;
  tokenAuthMethod: TokenAuthMethod;
  verifyTls: boolean;
  /** An explicit proxy from the settings; otherwise the client honours HTTPS_PROXY/HTTP_PROXY/NO_PROXY. */
  proxy: string | undefined;
  /** Per gateway id (lower case); empty when no gateway directory is configured. */
  gatewayDirectories: Readonly<Record<string, ResolvedGatewayDirectory>>;
  /** Undefined when neither a keytab nor a service principal is set: Kerberos sign-on is off. */
  kerberos: ResolvedKerberosSettings | undefined;
}

const ENV = {
  environmentId: "PINGONE_ENVIRONMENT_ID",
  clientId: "PINGONE_CLIENT_ID",
  clientSecret: "PINGONE_CLIENT_SECRET",
  region: "PINGONE_REGION",
  apiUrl: "PINGONE_API_URL",
  authUrl: "PINGONE_AUTH_URL",
  tokenAuthMethod: "PINGONE_TOKEN_AUTH_METHOD",
  gatewayDirectories: GATEWAY_DIRECTORIES_ENV,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Validates connection settings in either spelling, filling gaps from environment variables, and
 * throws one {@link PingOneConfigurationError} naming every bad field before any network call.
 *
 * @example
 * resolveConnection({ envId, clientId, clientSecret, region: "EU" });
 * resolveConnection({ url: "https://api.pingone.com", environmentId, clientId, clientSecret });
 */
export function resolveConnection(
  settings: ConnectionSettings = {},
  env: Record<string, string | undefined> = process.env,
): ResolvedConnection {
  const problems: SettingProblem[] = [];
  const pick = (names: string[], envName?: string): { field: string; value: unknown } | undefined => {
    for (const name of names) {
      const value = (settings as Record<string, unknown>)[name];
      if (value !== undefined && value !== null && value !== "") return { field: name, value };
    }
    const fromEnv = envName ? env[envName] : undefined;
    return fromEnv ? { field: envName!, value: fromEnv } : undefined;
  };
  const text = (
    names: string[],
    envName: string | undefined,
    required: string | false,
  ): string | undefined => {
    const found = pick(names, envName);
    if (!found) {
      if (required) problems.push({ field: names[0]!, problem: required });
      return undefined;
    }
    if (typeof found.value !== "string") {
      problems.push({ field: found.field, problem: `must be a string, got ${typeof found.value}` });
      return undefined;
    }
    return found.value.trim();
  };

  const environmentIdField = pick(["envId", "environmentId"], ENV.environmentId)?.field ?? "envId";
  const environmentId = text(
    ["envId", "environmentId"],
    ENV.environmentId,
    `is required (DaVinci envId, Swimlane environmentId, or ${ENV.environmentId})`,
  );
  if (environmentId !== undefined && !UUID.test(environmentId)) {
    problems.push({ field: environmentIdField, problem: "must be a PingOne environment id (a UUID)" });
  }
  const clientId = text(["clientId"], ENV.clientId, `is required (or ${ENV.clientId})`);
  const clientSecret = text(["clientSecret"], ENV.clientSecret, `is required (or ${ENV.clientSecret})`);

  const regionText = text(["region"], ENV.region, false);
  let region: RegionCode | undefined;
  if (regionText !== undefined) {
    const upper = regionText.toUpperCase();
    if (isRegionCode(upper)) region = upper;
    else {
      problems.push({
        field: pick(["region"], ENV.region)!.field,
        problem: `must be one of ${REGION_CODES.join(", ")}, got "${regionText}"`,
      });
    }
  }

  const apiUrlFound = pick(["apiUrl", "url"], ENV.apiUrl);
  let apiUrl: string | undefined;
  if (apiUrlFound) apiUrl = hostRoot(apiUrlFound, problems, true);
  const authUrlFound = pick(["authUrl"], ENV.authUrl);
  let authUrl: string | undefined;
  if (authUrlFound) authUrl = hostRoot(authUrlFound, problems, false);
  const tokenUrlFound = pick(["token_url"]);
  let tokenUrl: string | undefined;
  if (tokenUrlFound) tokenUrl = absoluteUrl(tokenUrlFound, problems);

  if (!apiUrl && region) apiUrl = regionHosts(region).apiUrl;
  if (!authUrl && !tokenUrl) {
    if (region && !apiUrlFound) authUrl = regionHosts(region).authUrl;
    else if (apiUrl) authUrl = authUrlForApiHost(new URL(apiUrl)) ?? apiUrl;
  }
  if (!apiUrl && !apiUrlFound && regionText === undefined) {
    problems.push({
      field: "region",
      problem: `a region (${REGION_CODES.join(", ")}), a Swimlane url, an apiUrl or ${ENV.region} is required`,
    });
  }

  const methodFound = pick(["tokenAuthMethod"], ENV.tokenAuthMethod);
  let tokenAuthMethod: TokenAuthMethod = "client_secret_basic";
  if (methodFound) {
    const value = String(methodFound.value).toLowerCase();
    if (value === "client_secret_basic" || value === "client_secret_post") tokenAuthMethod = value;
    else {
      problems.push({
        field: methodFound.field,
        problem: `must be client_secret_basic or client_secret_post, got "${String(methodFound.value)}"`,
      });
    }
  }

  const verify = pick(["verifyTls", "verify_ssl"]);
  let verifyTls = true;
  if (verify) {
    const parsed = asBoolean(verify.value);
    if (parsed === undefined) problems.push({ field: verify.field, problem: "must be true or false" });
    else verifyTls = parsed;
  }

  const proxyFound = pick(["proxy", "http_proxy"]);
  let proxy: string | undefined;
  if (proxyFound) proxy = absoluteUrl(proxyFound, problems);

  const gatewayDirectories = resolveGatewayDirectories(
    pick(["gatewayDirectories"], ENV.gatewayDirectories),
    problems,
  );
  const kerberos = resolveKerberosSettings(settings.kerberos, env, problems);

  if (problems.length > 0) throw new PingOneConfigurationError(problems);
  return {
    environmentId: environmentId!,
    clientId: clientId!,
    clientSecret: clientSecret!,
    region,
    apiUrl: apiUrl!,
    authUrl: authUrl ?? "",
    tokenUrl: tokenUrl ?? `${authUrl}/${environmentId}/as/token`,
    tokenAuthMethod,
    verifyTls,
    proxy,
    gatewayDirectories,
    kerberos,
  };
}

/** An http(s) URL reduced to its root; a trailing `/v1` on the API URL is tolerated and dropped. */
function hostRoot(found: { field: string; value: unknown }, problems: SettingProblem[], dropV1: boolean) {
  const url = absoluteUrl(found, problems);
  if (url === undefined) return undefined;
  let root = url.replace(/\/+$/, "");
  if (dropV1) root = root.replace(/\/v1$/i, "");
  return root;
}

function absoluteUrl(
  found: { field: string; value: unknown },
  problems: SettingProblem[],
): string | undefined {
  if (typeof found.value !== "string") {
    problems.push({ field: found.field, problem: "must be a URL string" });
    return undefined;
  }
  try {
    const url = new URL(found.value.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http");
    return url.toString().replace(/\/$/, "");
  } catch {
    problems.push({ field: found.field, problem: `must be an absolute http(s) URL, got "${found.value}"` });
    return undefined;
  }
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    if (/^(true|1|yes)$/i.test(value)) return true;
    if (/^(false|0|no)$/i.test(value)) return false;
  }
  return undefined;
}
