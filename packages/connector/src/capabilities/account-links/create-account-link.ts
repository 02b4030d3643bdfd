import { type Static, Type } from "@sinclair/typebox";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { LinkedAccountSchema, type PingOneLinkedAccount } from "../kit/schemas/linked-account.js";
import { withoutLinks } from "../kit/schemas/without-links.js";
import { resolveUser, userPath, userTarget } from "../kit/user-target.js";

const ACCOUNT_LINK = "application/vnd.pingidentity.account.link+json";
const USE_IDENTITY_PROVIDER_ID = "useIdentityProviderId";

/**
 * A15 Create Account Link: `POST P/users/{id}/linkedAccounts` with the account-link media type.
 * The link's fields are at the top of the output (the product's schema), and in `rawResponse`.
 */
export const createAccountLink = defineCapability({
  id: "createAccountLink",
  title: "Create Account Link",
  description: "Create an account link for a user.",
  uses: [userTarget, escapeIdentifier],
  input: {
    identityProvider: Type.String({
      minLength: 0,
      maxLength: 100,
      default: USE_IDENTITY_PROVIDER_ID,
      description: "The id of the identity provider the account link is for",
    }),
    identityProviderId: Type.Optional(
      Type.String({
        minLength: 0,
        maxLength: 100,
        description: "The id of the identity provider the account link is for",
      }),
    ),
    externalId: Type.String({
      minLength: 0,
      maxLength: 3000,
      description: "The id of the account at the identity provider",
    }),
  },
  output: outputSchema(LinkedAccountSchema.properties),
  properties: {
    externalId: {
      displayName: "External ID",
      control: "textField",
      info: "ID of a user at an identity provider.",
    },
    identityProvider: {
      displayName: "Identity Provider",
      control: "dropDown",
      info: "The name of the PingOne Identity Provider.",
      options: [{ name: "Use Identity Provider ID", value: USE_IDENTITY_PROVIDER_ID }],
    },
    identityProviderId: {
      displayName: "Identity Provider ID",
      control: "textField",
      info: "ID of the PingOne Identity Provider.",
    },
  },
  errors: {
    notFound: "PingOne answered 404 (no such identity provider).",
    invalidValue: "PingOne refused a value, such as an identity provider that does not exist.",
    uniquenessViolation: "The external account is already linked.",
    invalidInput: "The identity provider id or the external id is empty.",
  },
  examples: [
    {
      matchAttribute: "id",
      identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce",
      identityProvider: USE_IDENTITY_PROVIDER_ID,
      identityProviderId: "a0a3b7d4-7f3c-4e0a-9a5d-0f1c2b3d4e5f",
      externalId: "108476930293847562",
    },
    {
      matchAttribute: "username",
      identifier: "johndoe",
      identityProvider: "a0a3b7d4-7f3c-4e0a-9a5d-0f1c2b3d4e5f",
      externalId: "johndoe@partner.example",
    },
  ],
  async handler(input, ctx) {
    const choice = input.identityProvider.trim();
    const identityProviderId = (
      choice === "" || choice === USE_IDENTITY_PROVIDER_ID ? input.identityProviderId : choice
    )?.trim();
    if (!identityProviderId) {
      throw new CapabilityError("invalidInput", "identityProviderId is required with useIdentityProviderId");
    }
    if (input.externalId.trim() === "")
      throw new CapabilityError("invalidInput", "externalId must not be empty");
    const user = await resolveUser(ctx, input);
    const response = await ctx.client.request<Record<string, unknown>>({
      method: "POST",
      path: `${userPath(ctx, user.id)}/linkedAccounts`,
      contentType: ACCOUNT_LINK,
      body: { identityProvider: { id: identityProviderId }, externalId: input.externalId },
      final: true,
    });
    return succeed(withoutLinks<PingOneLinkedAccount>(response.body), response);
  },
});

export type CreateAccountLinkInput = InputOf<typeof createAccountLink>;
export type CreateAccountLinkOutput = Static<typeof createAccountLink.output>;
