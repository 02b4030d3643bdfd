import { type Static, Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import type { ApiResponse } from "../../client/types.js";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizeUser, UserSchema } from "../kit/schemas/user.js";
import { usersPath } from "../kit/user-target.js";
import { readPasswordState } from "../passwords/password-calls.js";
import {
  acceptLegacyIdentifier,
  LOOKUP_INPUT,
  LOOKUP_UI,
  planLookup,
  readUserById,
} from "./lookup-filter.js";

const UserLookupInput = Type.Object({
  ...LOOKUP_INPUT,
  returnUserPasswordStatus: Type.Optional(
    Type.Boolean({ default: false, description: "Return User Password Status" }),
  ),
});
const UserLookupOutput = outputSchema({
  matchedUser: UserSchema,
  passwordStatus: Type.Optional(Type.String()),
  userFilter: Type.String(),
  userCount: Type.Integer(),
});

export type UserLookupInput = Static<typeof UserLookupInput>;
export type UserLookupOutput = Static<typeof UserLookupOutput>;

type UsersPage = { _embedded?: { users?: Record<string, unknown>[] } };

/** A1 Find User: exactly one user, never a pick among several. */
export const userLookup = defineCapability({
  id: "userLookup",
  title: "Find User",
  description: "Find a user by identifier.",
  input: UserLookupInput,
  output: UserLookupOutput,
  properties: {
    ...LOOKUP_UI,
    returnUserPasswordStatus: {
      displayName: "Return User Password Status",
      control: "toggleSwitch",
      info: "The output will include a property named 'passwordStatus' which correlates to the user's password state status in PingOne.",
    },
  },
  errors: {
    noUserMatch: "No user matches.",
    multipleUserMatch: "More than one user matches; none was chosen.",
    invalidFilter: "PingOne rejected the SCIM filter.",
    invalidInput: "The input was refused before any call to PingOne.",
    accessFailed: "The worker application lacks the roles or credentials for this call.",
    notFound: "A resource was not found.",
    unexpectedError: "PingOne or the network failed unexpectedly.",
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
  acceptLegacy: acceptLegacyIdentifier,
  async handler(input, ctx) {
    const plan = planLookup(input);
    const wantsState = input.returnUserPasswordStatus === true;
    const found = new Map<string, Record<string, unknown>>();
    let response: Pick<ApiResponse, "status" | "statusText" | "headers" | "body"> | undefined;
    let collection: unknown;
    if (plan.byId !== undefined) {
      const last = plan.listFilter === undefined && !wantsState;
      const read = await readUserById(ctx, plan.byId, { final: last });
      if (read.user) {
        found.set(String(read.user.id), read.user);
        response = read.response;
      }
    }
    if (plan.listFilter !== undefined) {
      const list = await ctx.client.request<UsersPage>({
        method: "GET",
        path: usersPath(ctx),
        // Two are enough to tell one match from an ambiguous one.
        query: { filter: plan.listFilter, limit: 2 },
        final: !wantsState,
      });
      for (const user of list.body?._embedded?.users ?? []) found.set(String(user.id), user);
      response = list;
      collection = list.body;
    }
    const users = [...found.values()];
    if (users.length === 0 || response === undefined) {
      throw new CapabilityError("noUserMatch", "No user matches the identifier", { httpResponseCode: 404 });
    }
    if (users.length > 1) {
      throw new CapabilityError("multipleUserMatch", "More than one user matches the identifier", {
        httpResponseCode: 409,
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
      try {
        const state = await readPasswordState(ctx, String(user.id), { final: true });
        rawResponse.passwordState = state.body ?? {};
        output.passwordStatus = typeof state.body?.status === "string" ? state.body.status : "UNKNOWN";
      } catch (error) {
        // The lookup itself succeeded; an unreadable state is reported, not raised.
        if (!(error instanceof PingOneApiError)) throw error;
        output.passwordStatus = "UNKNOWN";
      }
    }
    return succeed(output, response, { rawResponse });
  },
});
