import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { CapabilityFailure } from "../../capabilities/kit/result.js";
import type { Logger } from "../../client/logger.js";
import type { Connector } from "../../connector.js";
import { type ServiceMetrics, secondsSince } from "../metrics.js";
import type { ServiceApp, ServiceEnv } from "../service-env.js";
import {
  CSRF_COOKIE,
  CSRF_TTL_SECONDS,
  csrfBinding,
  issueCsrfToken,
  verifyCsrfToken,
} from "../sign-on/csrf.js";
import { startedElsewhere, wantsJson } from "../sign-on/negotiation.js";
import { setPageHeaders } from "../sign-on/page-security.js";
import { MESSAGES, type PublicFailure, publicFailure } from "../sign-on/public-failure.js";
import { respondWithOutcome } from "../sign-on/respond-outcome.js";
import { renderMessagePage } from "../sign-on/result-page.js";
import type { SignOnOutcome } from "../sign-on/sign-on-outcome.js";
import { type FormState, renderSignOnPage } from "../sign-on/sign-on-page.js";
import type { ResolvedSignOnSettings } from "../sign-on/sign-on-settings.js";
import { DEFAULT_PAGE_THEME } from "../sign-on/theme-style.js";
import { SignOnViewSource } from "../sign-on/view-source.js";

/** The sign-on page's path; a Negotiate route would sit beside it (`/sign-on/kerberos`). */
export const SIGN_ON_PATH = "/sign-on";

/** A sign-on form posts a few short fields; anything larger is not one. */
const MAX_FORM_BYTES = 16 * 1024;

const SUBMIT = "submit";

export interface SignOnRouteOptions {
  connector: Connector;
  metrics: ServiceMetrics;
  logger: Logger;
  /** Drain and deadline guard, as for the API's calls. */
  guard: MiddlewareHandler<ServiceEnv>;
  settings: ResolvedSignOnSettings;
}

interface SignOnPage extends SignOnRouteOptions {
  views: SignOnViewSource;
  /** Origins a submission may be redirected to: the return URL's. */
  formTargets: readonly string[];
}

/**
 * `GET /sign-on` and `POST /sign-on`: singleFactorSignOn as a page for people
 * (docs/connector-service.md#sign-on-page). Mounted before the API key check, and only when the
 * service is started with a sign-on form: end users have no API key.
 */
export function signOnRoutes(app: ServiceApp, options: SignOnRouteOptions): void {
  const page: SignOnPage = {
    ...options,
    views: new SignOnViewSource(options.connector, options.settings, options.metrics),
    formTargets: options.settings.returnUrl ? [options.settings.returnUrl.origin] : [],
  };
  const limit = bodyLimit({
    maxSize: MAX_FORM_BYTES,
    onError: (c) => refuse(c, 413, "payloadTooLarge", "The sign-on form's fields exceed 16 KiB"),
  });
  app.get(SIGN_ON_PATH, options.guard, (c) => showForm(c, page, {}, 200));
  app.post(SIGN_ON_PATH, options.guard, limit, (c) => submit(c, page));
}

/** The form with a fresh CSRF token bound to the browser's cookie, or the view as JSON for an API client. */
async function showForm(
  c: Context<ServiceEnv>,
  page: SignOnPage,
  state: FormState,
  status: ContentfulStatusCode,
) {
  const read = await page.views.read();
  if (!read.ok) return unavailable(c, page, read.failure);
  const { view } = read;
  const binding = csrfBinding(getCookie(c, CSRF_COOKIE));
  const buttons = view.buttons.map((button) => button.buttonValue);
  const token = issueCsrfToken(page.settings.secret, binding, buttons, page.settings.now());
  setCookie(c, CSRF_COOKIE, binding, {
    httpOnly: true,
    sameSite: "Strict",
    // A loopback host is tried over plain http; anywhere else the browser sees https (or no sign-on).
    secure: !isLoopback(c),
    maxAge: CSRF_TTL_SECONDS,
  });
  if (wantsJson(c)) {
    setPageHeaders(c);
    return c.json({ userView: { id: "singleFactorSignOn", properties: view }, csrfToken: token }, status);
  }
  const { page: html, policy } = renderSignOnPage(view, token, state, page.formTargets);
  setPageHeaders(c, policy);
  return c.html(html, status);
}

/** Step 2 with what the form posted, after the CSRF check; the outcome is answered, a failure shown on the form. */
async function submit(c: Context<ServiceEnv>, page: SignOnPage) {
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(c.req.header("content-type") ?? "")) {
    return refuse(
      c,
      415,
      "unsupportedMediaType",
      "Post the sign-on form as application/x-www-form-urlencoded",
    );
  }
  const fields = new URLSearchParams(await c.req.text());
  const username = fields.get("username") ?? "";
  const checked = startedElsewhere(c)
    ? ({ ok: false, reason: "invalid" } as const)
    : verifyCsrfToken(
        page.settings.secret,
        getCookie(c, CSRF_COOKIE),
        fields.get("csrf"),
        page.settings.now(),
      );
  if (!checked.ok) {
    if (wantsJson(c))
      return refuse(c, 403, "csrfRefused", `The CSRF token is ${checked.reason}: GET ${SIGN_ON_PATH} again`);
    return showForm(c, page, { username, formError: MESSAGES.expired }, 403);
  }
  const buttonValue = fields.get("buttonValue") || SUBMIT;
  if (!checked.buttons.includes(buttonValue)) {
    return refuse(c, 400, "invalidInput", "buttonValue is not one of this form's buttons");
  }
  const submission =
    buttonValue === SUBMIT
      ? { username, password: fields.get("password") ?? "", buttonValue }
      : { buttonValue };
  const started = performance.now();
  const result = await page.connector.continue("singleFactorSignOn", submission, { signal: c.get("signal") });
  page.metrics.recordCall(
    "capability",
    "singleFactorSignOn_continue",
    secondsSince(started),
    result.ok ? undefined : result.code,
  );
  if (!result.ok) return failed(c, page, result, username);
  const user = result.output.user as { id?: string; username?: string } | undefined;
  const status = (result.output.passwordState as { status?: string } | undefined)?.status;
  const outcome: SignOnOutcome =
    buttonValue === SUBMIT
      ? {
          outcome: "signedOn",
          method: "password",
          buttonValue,
          user: { id: String(user?.id ?? ""), username: String(user?.username ?? username) },
          ...(status ? { passwordStatus: status } : {}),
        }
      : { outcome: "buttonPressed", method: "password", buttonValue };
  const read = await page.views.read();
  const view = read.ok ? read.view : undefined;
  return respondWithOutcome(c, outcome, {
    settings: page.settings,
    // A sign-on that succeeded is shown even if the theme cannot be read now.
    theme: view?.theme ?? DEFAULT_PAGE_THEME,
    buttonLabel: view?.buttons.find((button) => button.buttonValue === buttonValue)?.label,
  });
}

/** A failed step 2: the form again with the public message (JSON: the public error). */
async function failed(c: Context<ServiceEnv>, page: SignOnPage, result: CapabilityFailure, username: string) {
  const failure = publicFailure(result);
  if (failure.code === "unavailable") logUnavailable(page.logger, result);
  if (failure.retryAfter) c.header("Retry-After", failure.retryAfter);
  if (wantsJson(c)) return refuse(c, failure.status, failure.code, failure.message, failure);
  const state: FormState = failure.fieldErrors
    ? { username, fieldErrors: failure.fieldErrors }
    : { username, formError: failure.message };
  return showForm(c, page, state, failure.status);
}

/** The form cannot be shown (PingOne failed, the form or theme is gone): a page that says so, with PingOne's look. */
function unavailable(c: Context<ServiceEnv>, page: SignOnPage, result: CapabilityFailure) {
  logUnavailable(page.logger, result);
  const failure = publicFailure(result);
  if (failure.retryAfter) c.header("Retry-After", failure.retryAfter);
  if (wantsJson(c)) return refuse(c, failure.status, failure.code, failure.message);
  const { page: html, policy } = renderMessagePage(
    "Sign on is not available",
    failure.message,
    DEFAULT_PAGE_THEME,
  );
  setPageHeaders(c, policy);
  return c.html(html, failure.status);
}

/** What the operator needs to fix it, never who tried to sign on. */
function logUnavailable(logger: Logger, result: CapabilityFailure): void {
  logger.warn(
    { code: result.code, httpResponseCode: result.httpResponseCode, correlationId: result.correlationId },
    `sign-on page: ${result.message}`,
  );
}

function refuse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  extra?: Pick<PublicFailure, "fieldErrors">,
) {
  setPageHeaders(c);
  const body = {
    error: { code, message, ...(extra?.fieldErrors ? { fieldErrors: extra.fieldErrors } : {}) },
  };
  return c.json(body, status);
}

function isLoopback(c: Context): boolean {
  return /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(new URL(c.req.url).hostname);
}
