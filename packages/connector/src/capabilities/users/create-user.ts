import { type Static, Type } from "@sinclair/typebox";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { notificationSetting } from "../kit/notifications.js";
import { choosePopulation, POPULATION_INPUT, POPULATION_UI } from "../kit/population-target.js";
import { requestInSequence } from "../kit/request-sequence.js";
import { succeed } from "../kit/result.js";
import { outputSchema, stringEnum } from "../kit/schema-helpers.js";
import { normalizeUser, UserSchema } from "../kit/schemas/user.js";
import { usersPath } from "../kit/user-target.js";
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

const accountCreated = notificationSetting(
  {
    variant: "templateVariantAccountCreated",
    customVariant: "accountCreatedCustomTemplateVariant",
    locale: "acccountCreatedTemplateLocale",
    variables: "acccountCreatedTemplateVariables",
  },
  "Account Created",
);
const verificationCode = notificationSetting(
  {
    variant: "templateVariantVerificationRequired",
    customVariant: "verificationRequiredCustomTemplateVariant",
    locale: "verificationCodeTemplateLocale",
    variables: "verificationCodeTemplateVariables",
  },
  "Verification Code",
);

/**
 * Attributes only PingOne sets, or that have their own capability, refused in Other Attributes.
 * `mfaEnabled` goes in the create body and `enabled` through its own endpoint after it.
 */
const NOT_SETTABLE = new Set([
  "id",
  "environment",
  "createdAt",
  "updatedAt",
  "lifecycle",
  "account",
  "password",
]);

/** A simple shape check; PingOne does the full validation. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

const IMPORT = "application/vnd.pingidentity.user.import+json";

/** A4 Create User, with `user.import+json` so that the password and lifecycle can be set. */
export const createUser = defineCapability({
  id: "createUser",
  title: "Create User",
  description: "Create a user with the attribute values provided.",
  uses: [accountCreated, verificationCode],
  input: {
    username: Type.String({ description: "The unique identifier for the user." }),
    ...POPULATION_INPUT,
    passwordForCreateUser: Type.Optional(Type.String({ description: "The user's initial password." })),
    ...PROFILE_INPUT,
    ...ADDITIONAL_USER_PROPERTIES_INPUT,
    lifecycleStatus: stringEnum(["ACCOUNT_OK", "VERIFICATION_REQUIRED"] as const, {
      default: "ACCOUNT_OK",
      description: "The user's lifecycle status.",
    }),
  },
  output: outputSchema({ user: UserSchema }),
  properties: {
    username: { displayName: "Username", control: "textField", info: "The unique identifier for the user." },
    ...POPULATION_UI,
    passwordForCreateUser: { displayName: "Password", control: "textField", secret: true },
    ...PROFILE_UI,
    ...ADDITIONAL_USER_PROPERTIES_UI,
    lifecycleStatus: {
      displayName: "Lifecycle Status",
      control: "dropDown",
      info: "VERIFICATION_REQUIRED emails the user a verification code.",
      options: [
        { name: "Account OK", value: "ACCOUNT_OK" },
        { name: "Verification Required", value: "VERIFICATION_REQUIRED" },
      ],
    },
  },
  errors: {
    uniquenessViolation: "An account with that email address already exists.",
    invalidValue: "User password did not satisfy password policy requirements",
    constraintViolation: "A value breaks a PingOne constraint.",
    invalidInput: "Enter a valid email address",
    notFound: "The population does not exist.",
    requiredValue: "A required attribute (such as email) is missing.",
  },
  examples: [
    {
      username: "johndoe",
      population: "usePopulationId",
      populationId: "b91ef66e-2b21-449a-a158-afc2d870ab92",
      passwordForCreateUser: "2FederateM0re!",
      given: "John",
      family: "Doe",
      email: "john.doe@example.com",
      lifecycleStatus: "VERIFICATION_REQUIRED",
      additionalUserProperties: [{ name: "mfaEnabled", value: "true", preferredDataType: "boolean" }],
    },
    {
      username: "jane",
      population: "useAlternativeId",
      alternativeIdentifier: "example.com",
      email: "jane@example.com",
      lifecycleStatus: "ACCOUNT_OK",
    },
  ],
  legacy: {
    // Older flows carry the initial password as `password`.
    names: ["password"],
    rewrite(input) {
      const empty = input.passwordForCreateUser === undefined || input.passwordForCreateUser === "";
      return empty && typeof input.password === "string"
        ? { ...input, passwordForCreateUser: input.password }
        : input;
    },
  },
  async handler(input, ctx) {
    // Everything the input alone decides is checked before the first call, in a dry run too.
    if (input.username.trim() === "") {
      throw new CapabilityError("invalidInput", "username must not be empty");
    }
    if (input.email && !EMAIL.test(input.email)) {
      throw new CapabilityError("invalidInput", "Enter a valid email address");
    }
    const attributes = readOtherAttributes(input.additionalUserProperties, NOT_SETTABLE);
    const { mfaEnabled, enabled } = attributes.switches;
    const populationId = await choosePopulation(ctx, input);
    const body: Record<string, unknown> = { username: input.username };
    applyProfile(body, input);
    if (populationId) body.population = { id: populationId };
    body.lifecycle = { status: input.lifecycleStatus };
    if (input.passwordForCreateUser)
      body.password = { value: input.passwordForCreateUser, forceChange: false };
    setOtherAttributes(body, attributes);
    // PingOne takes mfaEnabled in the create body, and enabled only through its own endpoint.
    if (mfaEnabled !== undefined) body.mfaEnabled = mfaEnabled;
    const created = await ctx.client.request<Record<string, unknown>>({
      method: "POST",
      path: usersPath(ctx),
      contentType: IMPORT,
      body,
      final: enabled === undefined,
    });
    if (enabled === undefined) return succeed({ user: normalizeUser(created.body) }, created);
    const id = created.body?.id;
    if (typeof id !== "string") {
      throw new CapabilityError("unexpectedError", "PingOne's answer to the create has no user id", {
        httpResponseCode: 502,
      });
    }
    const { answers } = await requestInSequence(ctx, switchRequests(ctx, id, { enabled }));
    const user = withSwitchAnswers(created.body, answers);
    return succeed({ user: normalizeUser(user) }, created, { rawResponse: user });
  },
});

export type CreateUserInput = InputOf<typeof createUser>;
export type CreateUserOutput = Static<typeof createUser.output>;
