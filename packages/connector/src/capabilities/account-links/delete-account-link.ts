import { type Static, Type } from "@sinclair/typebox";
import { isSafePathSegment, pathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { succeed } from "../kit/result.js";
import { ENVELOPE_FIELDS } from "../kit/schema-helpers.js";
import { resolveUser, userPath, userTarget } from "../kit/user-target.js";

/** A17 Delete Account Link: `DELETE P/users/{id}/linkedAccounts/{accountLinkId}` → 204. */
export const deleteAccountLink = defineCapability({
  id: "deleteAccountLink",
  title: "Delete Account Link",
  description: "Delete a user's account link.",
  uses: [userTarget, escapeIdentifier],
  input: {
    accountLinkId: Type.String({ minLength: 0, maxLength: 100, description: "Account link ID" }),
  },
  // The product's output has only headers and statusCode: no rawResponse.
  output: Type.Object({ statusCode: ENVELOPE_FIELDS.statusCode, headers: ENVELOPE_FIELDS.headers }),
  properties: {
    accountLinkId: { displayName: "Account link ID", control: "textField", info: "ID of the account link." },
  },
  errors: {
    notFound: "The user has no account link with this id.",
    invalidInput: "The account link id is empty.",
  },
  examples: [
    {
      matchAttribute: "id",
      identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce",
      accountLinkId: "9b0c2f4e-3a1d-4c5b-8e7f-6a5b4c3d2e1f",
    },
  ],
  async handler(input, ctx) {
    const accountLinkId = input.accountLinkId.trim();
    if (accountLinkId === "") throw new CapabilityError("invalidInput", "accountLinkId must not be empty");
    if (!isSafePathSegment(accountLinkId)) {
      throw new CapabilityError("notFound", "The user has no account link with this id", {
        httpResponseCode: 404,
      });
    }
    const user = await resolveUser(ctx, input);
    const response = await ctx.client.request({
      method: "DELETE",
      path: `${userPath(ctx, user.id)}/linkedAccounts/${pathSegment(accountLinkId)}`,
      final: true,
    });
    return succeed({}, response, { includeRawResponse: false });
  },
});

export type DeleteAccountLinkInput = InputOf<typeof deleteAccountLink>;
export type DeleteAccountLinkOutput = Static<typeof deleteAccountLink.output>;
