/** What a call route names: a capability's first step, its continuation, or a Swimlane action. */
export type CallRouteKind = "invoke" | "continue" | "action";

export interface CallRoute {
  kind: CallRouteKind;
  /** The capability id or action name, percent-decoded. */
  name: string;
  /** The request path, without the query, as the access log shows it. */
  path: string;
  /** The query string after `?`, or "" (parsed only by the call that reads it). */
  query: string;
}

/**
 * The call routes: `POST /capabilities/{id}`, `POST /capabilities/{id}/continue` and `POST
 * /actions/{name}`. Any other request, these paths with another method included, is the Hono
 * app's (`service-app.ts`), which answers it or says 404.
 */
export function matchCallRoute(
  method: string | undefined,
  target: string | undefined,
): CallRoute | undefined {
  if (method !== "POST" || target === undefined) return undefined;
  const url = target[0] === "/" ? target : originForm(target);
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? "" : url.slice(queryAt + 1);
  const segments = path.split("/");
  // segments[0] is the empty string before the leading slash; an empty name matches nothing.
  if (segments[0] !== "" || !segments[2]) return undefined;
  const name = decodeSegment(segments[2]);
  if (segments.length === 3) {
    if (segments[1] === "capabilities") return { kind: "invoke", name, path, query };
    if (segments[1] === "actions") return { kind: "action", name, path, query };
  } else if (segments.length === 4 && segments[1] === "capabilities" && segments[3] === "continue") {
    return { kind: "continue", name, path, query };
  }
  return undefined;
}

/** The path and query of a request target in absolute form (`http://host/path?query`, RFC 9112 §3.2.2). */
function originForm(target: string): string {
  const scheme = target.indexOf("://");
  const pathAt = scheme === -1 ? -1 : target.indexOf("/", scheme + 3);
  return pathAt === -1 ? "" : target.slice(pathAt);
}

/** A path segment percent-decoded; one that does not decode stays as sent (and names nothing). */
function decodeSegment(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** One query parameter's first value, as `URLSearchParams` decodes it. */
export function queryParameter(route: CallRoute, name: string): string | undefined {
  if (route.query === "") return undefined;
  return new URLSearchParams(route.query).get(name) ?? undefined;
}
