import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { links } from "../http/hal.js";
import type { SessionRecord } from "../store/sessions.js";
import { type Body, environmentPath, userPath } from "./paths.js";

/** A session: sign-on, the last five locations, browser, system and device. */
export function toSessionResource(c: Context, session: SessionRecord): Body {
  const user = userPath(session.environmentId, session.userId);
  const lastSignOn: Body = { at: toIsoTimestamp(session.lastSignOnAt) };
  if (session.lastSignOnRemoteIp !== null) lastSignOn.remoteIp = session.lastSignOnRemoteIp;
  const body: Body = {
    _links: links(c, {
      self: `${user}/sessions/${session.id}`,
      environment: environmentPath(session.environmentId),
      user,
    }),
    id: session.id,
    environment: { id: session.environmentId },
    user: { id: session.userId },
    createdAt: toIsoTimestamp(session.createdAt),
    activeAt: toIsoTimestamp(session.activeAt),
    lastSignOn,
    locations: session.locations.map(({ at, ...where }) => ({ at: toIsoTimestamp(at), ...where })),
  };
  if (session.browser !== null) body.browser = session.browser;
  if (session.operatingSystem !== null) body.operatingSystem = session.operatingSystem;
  if (session.deviceType !== null) body.device = { type: session.deviceType };
  if (session.userAgent !== null) body.userAgent = session.userAgent;
  return body;
}
