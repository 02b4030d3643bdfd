import { type Static, Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import type { ApiResponse } from "../../client/types.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { readPasswordState } from "../kit/password-resource.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizeUser, UserSchema } from "../kit/schemas/user.js";
import { usersPath } from "../kit/user-target.js";
import { type LookupPlan, planLookup, readUserById, userMatch } from "./lookup-filter.js";

type UsersPage = { _embedded?: { users?: Record<string, unknown>[] } };
type LookupResponse = Pick<ApiResponse, "status" | "statusText" | "headers" | "body">;

/** A1 Find User: exactly one user, never a pick among several. */
export const userLookup = defineCapability({
  id: "userLookup",
  title: "Find User",
  description: "Find a user by identifier.",
  uses: [userMatch],
  input: {
    returnUserPasswordStatus: Type.Optional(
      Type.Boolean({ default: false, description: "Return User Password Status" }),
    ),
  },
  output: outputSchema({
    matchedUser: UserSchema,
    passwordStatus: Type.Optional(Type.String()),
    userFilter: Type.String(),
    userCount: Type.Integer(),
  }),
  properties: {
    returnUserPasswordStatus: {
      displayName: "Return User Password Status",
      control: "toggleSwitch",
      info: "The output will include a property named 'passwordStatus' which correlates to the user's password state status in PingOne.",
    },
  },
  errors: {
    noUserMatch: "No user matches.",
    multipleUserMatch: "More than one user matches; none was chosen.",
    notFound: "A resource was not found.",
  },
  examples: [
    {
      matchAttributes: ["username", "email"],
      userIdentifierForFindUser: "johndoe",
      returnUserPasswordStatus: true,
    },
    { useCustomSCIMFilter: true, scimFilter: 'name.family eq "Doe" and name.given sw "J"' },
    { matchAttributes: ["userID"], userIdentifierForFindUser: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" },
  ],
  async handler(input, ctx) {
    const plan = planLookup(input);
    const wantsState = input.returnUserPasswordStatus === true;
    const { users, response, collection } = await findUsers(ctx, plan, { lastCall: !wantsState });
    // The answer that decided it goes with the failure: the Swimlane envelope shows it.
    const decided = response === undefined ? {} : { response };
    if (users.length === 0 || response === undefined) {
      throw new CapabilityError("noUserMatch", "No user matches the identifier", {
        httpResponseCode: 404,
        ...decided,
      });
    }
    if (users.length > 1) {
      throw new CapabilityError("multipleUserMatch", "More than one user matches the identifier", {
        httpResponseCode: 409,
        ...decided,
      });
    }
    const user = users[0]!;
    const rawResponse: Record<string, unknown> = {
      matchedUsers: collection ?? { _embedded: { users }, count: 1, size: 1 },
    };
    const output: Record<string, unknown> = {
      matchedUser: normalizeUser(user),
      userFilter: plan.userFilter,
      userCount: 1,
    };
    if (wantsState) {
      const state = await passwordStatus(ctx, String(user.id));
      output.passwordStatus = state.status;
      if (state.body) rawResponse.passwordState = state.body;
    }
    return succeed(output, response, { rawResponse });
  },
});

export type UserLookupInput = InputOf<typeof userLookup>;
export type UserLookupOutput = Static<typeof userLookup.output>;

/**
 * The users the plan matches, merged by id: the by-id read, then the filtered list (two are
 * enough to tell one match from an ambiguous one). `lastCall` marks the final one for dry runs.
 */
async function findUsers(
  ctx: CapabilityContext,
  plan: LookupPlan,
  options: { lastCall: boolean },
): Promise<{ users: Record<string, unknown>[]; response: LookupResponse | undefined; collection: unknown }> {
  const found = new Map<string, Record<string, unknown>>();
  let response: LookupResponse | undefined;
  let collection: unknown;
  if (plan.byId !== undefined) {
    const read = await readUserById(ctx, plan.byId, {
      final: options.lastCall && plan.listFilter === undefined,
      ahead: plan.listFilter !== undefined,
    });
    if (read.user) found.set(String(read.user.id), read.user);
    // Kept even for a miss (PingOne's 404), so a failure can show what PingOne answered.
    response = read.response;
  }
  if (plan.listFilter !== undefined) {
    const list = await ctx.client.request<UsersPage>({
      method: "GET",
      path: usersPath(ctx),
      query: { filter: plan.listFilter, limit: 2 },
      final: options.lastCall,
    });
    for (const user of list.body?._embedded?.users ?? []) found.set(String(user.id), user);
    response = list;
    collection = list.body;
  }
  return { users: [...found.values()], response, collection };
}

/** The matched user's password status; an unreadable state is `UNKNOWN`, not a failure of the lookup. */
async function passwordStatus(
  ctx: CapabilityContext,
  userId: string,
): Promise<{ status: string; body?: Record<string, unknown> }> {
  try {
    const state = await readPasswordState(ctx, userId, { final: true });
    const status = typeof state.body?.status === "string" ? state.body.status : "UNKNOWN";
    return { status, body: state.body ?? {} };
  } catch (error) {
    if (!(error instanceof PingOneApiError)) throw error;
    return { status: "UNKNOWN" };
  }
}
