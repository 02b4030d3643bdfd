import { type Static, Type } from "@sinclair/typebox";
import type { ApiResponse } from "../../client/types.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizeUser, UserSchema } from "../kit/schemas/user.js";
import { usersPath } from "../kit/user-target.js";
import { planLookup, readUserById, userMatch } from "./lookup-filter.js";

/** The most users one lookup returns (proposed cap; the product gives none). */
const USERS_LOOKUP_MAX = 1000;
const PAGE_SIZE = 100;

const MatchedUser = Type.Object({ _embedded: Type.Object({ user: UserSchema }) });

type UsersPage = {
  _embedded?: { users?: Record<string, unknown>[] };
  _links?: { next?: { href?: unknown } };
};
type LookupResponse = Pick<ApiResponse, "status" | "statusText" | "headers" | "body">;

/** A2 Find Multiple Users: every match, paged; no match is an empty success. */
export const usersLookup = defineCapability({
  id: "usersLookup",
  title: "Find Multiple Users",
  description: "Find a set of users by an identifier.",
  uses: [userMatch],
  output: outputSchema({
    matchedUsers: Type.Array(MatchedUser),
    count: Type.Integer(),
    userFilter: Type.String(),
    truncated: Type.Optional(Type.Boolean({ description: `More than ${USERS_LOOKUP_MAX} users matched` })),
  }),
  examples: [
    { matchAttributes: ["email"], userIdentifierForFindUser: "ping@pingidentity.com" },
    { useCustomSCIMFilter: true, scimFilter: 'name.family eq "Doe"' },
  ],
  async handler(input, ctx) {
    const plan = planLookup(input);
    const found = new Map<string, Record<string, unknown>>();
    let response: LookupResponse | undefined;
    let truncated = false;
    if (plan.byId !== undefined) {
      const read = await readUserById(ctx, plan.byId, { ahead: plan.listFilter !== undefined });
      if (read.user) found.set(String(read.user.id), read.user);
      response = read.response;
    }
    if (plan.listFilter !== undefined) {
      const listed = await collectMatches(ctx, plan.listFilter, found);
      response = listed.response;
      truncated = listed.truncated;
    }
    if (response === undefined) {
      // Only an id that cannot name any user ("." or ".."): nothing was asked, nothing matches.
      throw new CapabilityError("invalidInput", "userIdentifierForFindUser is not a valid user id");
    }
    const matchedUsers = [...found.values()].map((user) => ({ _embedded: { user: normalizeUser(user) } }));
    const count = matchedUsers.length;
    const output: Record<string, unknown> = { matchedUsers, count, userFilter: plan.userFilter };
    if (truncated) output.truncated = true;
    return succeed(output, response, { rawResponse: { _embedded: { matchedUsers, count }, count } });
  },
});

export type UsersLookupInput = InputOf<typeof usersLookup>;
export type UsersLookupOutput = Static<typeof usersLookup.output>;

/**
 * Adds every user the filter matches to `found` (keyed by id, so the by-id read is not counted
 * twice), page by page, until USERS_LOOKUP_MAX; the last page's response is the one reported.
 */
async function collectMatches(
  ctx: CapabilityContext,
  filter: string,
  found: Map<string, Record<string, unknown>>,
): Promise<{ response: LookupResponse; truncated: boolean }> {
  let next: string | undefined = usersPath(ctx);
  let query: Record<string, string | number> | undefined = { filter, limit: PAGE_SIZE };
  let response: LookupResponse | undefined;
  let truncated = false;
  while (next !== undefined) {
    const page: ApiResponse<UsersPage> = await ctx.client.request<UsersPage>({
      method: "GET",
      path: next,
      query,
    });
    response = page;
    query = undefined;
    for (const user of page.body?._embedded?.users ?? []) {
      if (found.size >= USERS_LOOKUP_MAX && !found.has(String(user.id))) {
        truncated = true;
        break;
      }
      found.set(String(user.id), user);
    }
    const href = page.body?._links?.next?.href;
    next = !truncated && typeof href === "string" && href !== "" ? href : undefined;
  }
  return { response: response!, truncated };
}
