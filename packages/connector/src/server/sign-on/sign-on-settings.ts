import { randomBytes } from "node:crypto";

/** How the service's sign-on page is set up (`serve --sign-on-form`, docs/connector-service.md#sign-on-page). */
export interface SignOnSettings {
  /** The PingOne form shown (`singleFactorSignOnFormId`). */
  formId: string;
  /** The theme it is shown with; the environment's active theme when absent. */
  themeId?: string | undefined;
  /**
   * Where a browser goes once the person signed on or pressed another button, with the signed
   * outcome in `signOnOutcome`. Without it, the page shows the outcome itself.
   */
  returnUrl?: string | undefined;
  /**
   * `PINGONE_CONNECTOR_SIGN_ON_SECRET`: the HMAC key of the page's CSRF tokens and of the outcome
   * tokens. Required with `returnUrl` (the application verifies outcomes with it); otherwise a
   * random key per process, which every replica behind one address must then share instead.
   */
  secret?: string | undefined;
  /** How long a form and theme read is reused, in seconds (default 30; 0 reads them for every page). */
  viewCacheSeconds?: number | undefined;
  /** Milliseconds since the epoch; for tests. */
  now?: (() => number) | undefined;
}

/** The shortest secret accepted: 32 characters (a random 24-byte base64url string). */
export const MIN_SIGN_ON_SECRET_LENGTH = 32;

const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/;

/** What is wrong with the settings, in one message, or undefined; checked before the service starts. */
export function signOnSettingsProblem(settings: SignOnSettings): string | undefined {
  if (settings.formId.trim() === "") return "--sign-on-form needs the id of a PingOne form";
  if (settings.themeId !== undefined && settings.themeId.trim() === "") {
    return "--sign-on-theme must not be blank (leave it out for the environment's active theme)";
  }
  if (settings.secret !== undefined && settings.secret.trim().length < MIN_SIGN_ON_SECRET_LENGTH) {
    return `PINGONE_CONNECTOR_SIGN_ON_SECRET must be at least ${MIN_SIGN_ON_SECRET_LENGTH} characters; generate one with: node -e "console.log(require('node:crypto').randomBytes(32).toString('base64url'))"`;
  }
  const cache = settings.viewCacheSeconds;
  if (cache !== undefined && (!Number.isInteger(cache) || cache < 0 || cache > 3600)) {
    return "the sign-on view cache must be a whole number of seconds from 0 to 3600";
  }
  if (settings.returnUrl === undefined) return undefined;
  return returnUrlProblem(settings.returnUrl) ?? (settings.secret === undefined ? SECRET_NEEDED : undefined);
}

const SECRET_NEEDED =
  "--sign-on-return-url needs PINGONE_CONNECTOR_SIGN_ON_SECRET: the application verifies the signed outcome with it";

/** An absolute https URL (http only on a loopback host), without credentials or a fragment. */
function returnUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `--sign-on-return-url must be an absolute URL, not "${value}"`;
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOST.test(url.hostname))) {
    return "--sign-on-return-url must use https (http only on a loopback host): the outcome travels in it";
  }
  if (url.username !== "" || url.password !== "") return "--sign-on-return-url must not carry credentials";
  if (url.hash !== "") return "--sign-on-return-url must not have a fragment (#...)";
  return undefined;
}

/** The settings the page runs with: a key always there, the return URL parsed. */
export interface ResolvedSignOnSettings {
  formId: string;
  themeId: string | undefined;
  returnUrl: URL | undefined;
  secret: string;
  viewCacheMs: number;
  now: () => number;
}

/** Resolves checked settings; a missing secret becomes a random one, good for this process only. */
export function resolveSignOnSettings(settings: SignOnSettings): ResolvedSignOnSettings {
  return {
    formId: settings.formId.trim(),
    themeId: settings.themeId?.trim(),
    returnUrl: settings.returnUrl === undefined ? undefined : new URL(settings.returnUrl),
    secret: settings.secret?.trim() ?? randomBytes(32).toString("base64url"),
    viewCacheMs: (settings.viewCacheSeconds ?? 30) * 1000,
    now: settings.now ?? Date.now,
  };
}
