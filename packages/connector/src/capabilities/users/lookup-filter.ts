import { type Static, Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import type { ApiResponse } from "../../client/types.js";
import { isSafePathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { defineFragment } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { SCIM_ATTRIBUTE_PATH, scimAnyOf, scimEquals } from "../kit/scim-filter.js";
import { userPath } from "../kit/user-target.js";

const LOOKUP_INPUT = {
  useCustomSCIMFilter: Type.Optional(Type.Boolean({ default: false, description: "Custom SCIM Filter" })),
  scimFilter: Type.Optional(Type.String({ description: "SCIM filter to match users." })),
  matchAttributes: Type.Optional(
    Type.Array(Type.String({ pattern: SCIM_ATTRIBUTE_PATH }), {
      uniqueItems: true,
      description: "PingOne attributes to match the identifier against.",
    }),
  ),
  userIdentifierForFindUser: Type.Optional(
    Type.String({ description: "User attribute to match attributes." }),
  ),
  ...escapeIdentifier.input,
};

const LookupSchema = Type.Object(LOOKUP_INPUT);
type LookupInput = Static<typeof LookupSchema>;

/**
 * The matching properties Find User and Find Multiple Users share: a SCIM filter, or attributes
 * and an identifier (docs/connector-capabilities.md#user-lookup). Older flows put the
 * identifier in `identifier`.
 */
export const userMatch = defineFragment({
  placement: "first",
  input: LOOKUP_INPUT,
  properties: {
    useCustomSCIMFilter: {
      displayName: "Custom SCIM Filter",
      control: "toggleSwitch",
      info: "Use a SCIM filter instead of attributes and an identifier.",
      uiOnly: true,
    },
    scimFilter: { displayName: "SCIM Filter", control: "textField", info: "SCIM filter to match users." },
    matchAttributes: {
      displayName: "PingOne Attributes",
      control: "textFieldArrayView",
      info: "Enter the PingOne attributes you want to use to find a user, such as username, userID, or email.",
    },
    userIdentifierForFindUser: {
      displayName: "Identifier",
      control: "textField",
      info: "Enter the identifier, which was captured earlier in the flow, that you want to use to find a user. For example, if the attributes specified are email and username, and the identifier is username, the system will search for users whose email or username match the value captured under username.",
    },
    ...escapeIdentifier.properties,
  },
  errors: { invalidFilter: "PingOne rejected the SCIM filter." },
  legacy: {
    names: ["identifier"],
    rewrite(input) {
      const empty = input.userIdentifierForFindUser === undefined || input.userIdentifierForFindUser === "";
      return empty && typeof input.identifier === "string" && input.identifier !== ""
        ? { ...input, userIdentifierForFindUser: input.identifier }
        : input;
    },
  },
});

const ID_ALIASES = new Set(["id", "userID", "userId", "ID"]);

/** What to ask PingOne: a user read by id, a filter, or both (merged by user id). */
export interface LookupPlan {
  /** The filter as reported in `userFilter` (the id clause included when read by id). */
  userFilter: string;
  /** Sent as `filter` on `GET P/users`; absent when only the id is matched. */
  listFilter: string | undefined;
  /** Read with `GET P/users/{id}`; PingOne's support for `id eq` in filters is unconfirmed. */
  byId: string | undefined;
}

export function planLookup(input: LookupInput): LookupPlan {
  if (input.useCustomSCIMFilter) {
    const filter = input.scimFilter?.trim() ?? "";
    if (filter === "") throw invalid("scimFilter must not be empty when useCustomSCIMFilter is on");
    return { userFilter: filter, listFilter: filter, byId: undefined };
  }
  const attributes = [...new Set((input.matchAttributes ?? []).map((a) => (ID_ALIASES.has(a) ? "id" : a)))];
  if (attributes.length === 0) throw invalid("matchAttributes must name at least one attribute");
  const value = input.userIdentifierForFindUser ?? "";
  if (value.trim() === "") throw invalid("userIdentifierForFindUser must not be empty");
  const others = attributes.filter((a) => a !== "id");
  const listFilter = others.length > 0 ? scimAnyOf(others.map((a) => scimEquals(a, value))) : undefined;
  return {
    userFilter: scimAnyOf(attributes.map((a) => scimEquals(a, value))),
    listFilter,
    byId: attributes.includes("id") ? value : undefined,
  };
}

type LookupResponse = Pick<ApiResponse, "status" | "statusText" | "headers" | "body">;

/**
 * `GET P/users/{id}` for the id part of a lookup: the user, or undefined when there is none
 * (then `response` is PingOne's 404/400, or undefined when the id could not be asked about, or
 * when a dry run only recorded the read). `ahead`: a filtered list follows, which the input
 * alone fixes, so a dry run goes on to show it.
 */
export async function readUserById(
  ctx: CapabilityContext,
  id: string,
  options: { final?: boolean; ahead?: boolean } = {},
): Promise<{ user: Record<string, unknown> | undefined; response: LookupResponse | undefined }> {
  if (!isSafePathSegment(id)) return { user: undefined, response: undefined };
  const read = { method: "GET", path: userPath(ctx, id) } as const;
  try {
    const response = options.ahead
      ? await ctx.client.requestAhead<Record<string, unknown>>(read)
      : await ctx.client.request<Record<string, unknown>>({ ...read, final: options.final === true });
    return { user: response?.body ?? undefined, response };
  } catch (error) {
    if (error instanceof PingOneApiError && (error.status === 404 || error.status === 400)) {
      return {
        user: undefined,
        response: { status: error.status, statusText: "", headers: error.headers, body: error.body },
      };
    }
    throw error;
  }
}

function invalid(message: string): CapabilityError {
  return new CapabilityError("invalidInput", message);
}
