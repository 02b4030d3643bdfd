import type { Context } from "hono";
import { notFound } from "../domain/errors.js";
import type { ErrorHandler } from "./error-handler.js";
import type { EmulatorApp } from "./hono-env.js";
import { methodNotAllowed } from "./pingone-error.js";

/** Turns a registered route path (`/v1/environments/:envId/users/:userId`) into a matcher. */
function pathMatcher(path: string): RegExp {
  const pattern = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${pattern}/?$`);
}

/**
 * The app's notFound: a path some route serves with another method is 405 (PingOne documents 405
 * for unsupported methods); any other path is 404 NOT_FOUND.
 */
export function unmatchedRouteHandler(app: EmulatorApp, onError: ErrorHandler): (c: Context) => Response {
  let matchers: RegExp[] | undefined;
  return (c) => {
    matchers ??= app.routes
      .filter((route) => route.method !== "ALL" && !route.path.includes("*"))
      .map((route) => pathMatcher(route.path));
    const path = c.req.path;
    return onError(matchers.some((matcher) => matcher.test(path)) ? methodNotAllowed() : notFound(), c);
  };
}
