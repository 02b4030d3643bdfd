import { type Static, Type } from "@sinclair/typebox";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { requestInSequence } from "../kit/request-sequence.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizeUser, UserSchema } from "../kit/schemas/user.js";
import { SCIM_ATTRIBUTE_PATH } from "../kit/scim-filter.js";
import { resolveUser, userPath, userTarget } from "../kit/user-target.js";
import {
  ADDITIONAL_USER_PROPERTIES_INPUT,
  ADDITIONAL_USER_PROPERTIES_UI,
  applyProfile,
  PROFILE_INPUT,
  PROFILE_UI,
  readOtherAttributes,
  setOtherAttributes,
} from "./user-attributes.js";
import { switchRequests, withSwitchAnswers } from "./user-switches.js";

/**
 * Not changeable with PATCH P/users/{id}: read-only or owned by another call. Other Attributes
 * `mfaEnabled` and `enabled` are sent to their own endpoints; none of these can be cleared.
 */
const NOT_PATCHABLE = new Set([
  "id",
  "environment",
  "createdAt",
  "updatedAt",
  "lifecycle",
  "enabled",
  "mfaEnabled",
  "account",
  "password",
  "population",
  "username",
]);

const USERNAME_IMMUTABLE = 'Failed to update PingOne account: "username cannot be updated"';

/** A6 Update User: PATCH with only the attributes given; cleared attributes are sent as null. */
export const updateUser = defineCapability({
  id: "updateUser",
  title: "Update User",
  description: "Update user attributes.",
  uses: [userTarget, escapeIdentifier],
  input: {
    username: Type.Optional(Type.String({ description: "The unique identifier for the user." })),
    ...PROFILE_INPUT,
    ...ADDITIONAL_USER_PROPERTIES_INPUT,
    clearUserAttributes: Type.Optional(
      Type.Array(Type.String({ pattern: SCIM_ATTRIBUTE_PATH }), { description: "User attributes to clear" }),
    ),
  },
  output: outputSchema({ user: UserSchema }),
  properties: {
    username: {
      displayName: "Username",
      control: "textField",
      info: "The unique identifier for the user. It cannot be changed: it must equal the stored username.",
    },
    ...PROFILE_UI,
    ...ADDITIONAL_USER_PROPERTIES_UI,
    clearUserAttributes: {
      displayName: "User Attributes to Clear",
      control: "textFieldArrayView",
      info: "PingOne attribute paths to clear, e.g. name or primaryPhone.",
      uiOnly: true,
    },
    clearUserAttributesLink: {
      displayName: "PingOne User Attributes",
      control: "link",
      info: "https://apidocs.pingidentity.com/pingone/platform/v1/api/#users",
      uiOnly: true,
    },
  },
  errors: {
    uniquenessViolation: "A unique attribute is already used by another user.",
    invalidValue: "PingOne refused a value.",
    requiredValue: "A required attribute would be cleared.",
    usernameImmutable: USERNAME_IMMUTABLE,
  },
  examples: [
    {
      matchAttribute: "id",
      identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce",
      given: "John",
      family: "Doe",
      mobilePhone: "+1 555 0100",
      clearUserAttributes: ["primaryPhone"],
      additionalUserProperties: [{ name: "address.locality", value: "Denver", preferredDataType: "string" }],
    },
  ],
  async handler(input, ctx) {
    // Everything the input alone decides is checked before the first call, in a dry run too.
    const attributes = readOtherAttributes(input.additionalUserProperties, NOT_PATCHABLE);
    const body: Record<string, unknown> = {};
    applyProfile(body, input);
    setOtherAttributes(body, attributes);
    clearAttributes(body, input.clearUserAttributes ?? []);
    const found = await resolveUser(ctx, input);
    // A dry run does not read the stored username; the real run checks it.
    if (found.resource && input.username && input.username !== found.resource.username) {
      // The product's troubleshooting notes: stray whitespace is the usual cause.
      throw new CapabilityError("usernameImmutable", USERNAME_IMMUTABLE);
    }
    const switches = switchRequests(ctx, found.id, attributes.switches);
    // With only switches to set there is nothing to PATCH; without them, an empty PATCH answers the user.
    const patch = Object.keys(body).length > 0 || switches.length === 0;
    const calls = [
      ...(patch ? [{ method: "PATCH" as const, path: userPath(ctx, found.id), body }] : []),
      ...switches,
    ];
    const { answers, last } = await requestInSequence(ctx, calls);
    // The user as the PATCH answered it, or as it was read; then the switches' answers over it.
    const main = (patch ? answers[0] : found.response) ?? last;
    const user = withSwitchAnswers((patch ? answers[0]?.body : found.resource) ?? {}, answers);
    return succeed({ user: normalizeUser(user) }, main, { rawResponse: user });
  },
});

export type UpdateUserInput = InputOf<typeof updateUser>;
export type UpdateUserOutput = Static<typeof updateUser.output>;

/** Sets each attribute path to clear to null (`name.given` → `{ name: { given: null } }`). */
function clearAttributes(body: Record<string, unknown>, paths: readonly string[]): void {
  for (const path of paths) {
    const [top, child] = path.split(".", 2) as [string, string | undefined];
    if (NOT_PATCHABLE.has(top) && top !== "username") {
      throw new CapabilityError("invalidInput", `clearUserAttributes: ${path} cannot be cleared`);
    }
    if (child === undefined) body[top] = null;
    else body[top] = { ...((body[top] as Record<string, unknown> | undefined) ?? {}), [child]: null };
  }
}
