import type { ApiResponse } from "../../client/types.js";
import type { CapabilityContext, CapabilityRequest } from "../kit/context.js";
import { userPath } from "../kit/user-target.js";

/**
 * The user attributes PingOne sets through their own endpoint, `PUT P/users/{id}/<name>` with
 * `{ "<name>": bool }`, in the order they are sent (docs/connector-capabilities.md#other-attributes).
 */
const USER_SWITCHES = ["mfaEnabled", "enabled"] as const;

export type UserSwitch = (typeof USER_SWITCHES)[number];
export type UserSwitches = Partial<Record<UserSwitch, boolean>>;

export function isUserSwitch(name: string): name is UserSwitch {
  return (USER_SWITCHES as readonly string[]).includes(name);
}

/** The `PUT P/users/{id}/<name>` call of each switch given, in order. */
export function switchRequests(
  ctx: CapabilityContext,
  userId: string,
  switches: UserSwitches,
): CapabilityRequest[] {
  return USER_SWITCHES.filter((name) => switches[name] !== undefined).map((name) => ({
    method: "PUT",
    path: `${userPath(ctx, userId)}/${name}`,
    body: { [name]: switches[name] },
  }));
}

/**
 * The user after the switch calls: each value PingOne answered laid over the user resource, so
 * that the output describes the user after all calls without reading it again.
 */
export function withSwitchAnswers(
  user: Record<string, unknown>,
  answers: ReadonlyArray<ApiResponse | undefined>,
): Record<string, unknown> {
  const after = { ...user };
  for (const answer of answers) {
    const body = answer?.body as Record<string, unknown> | undefined;
    for (const name of USER_SWITCHES) if (typeof body?.[name] === "boolean") after[name] = body[name];
  }
  return after;
}
