import { type Static, Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { passwordAction, readPasswordState } from "../kit/password-resource.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizePasswordState, PasswordStateSchema } from "../kit/schemas/password-state.js";
import { resolveUser, userTarget } from "../kit/user-target.js";
import { findDetail } from "./password-calls.js";

const RECOVER = "application/vnd.pingidentity.password.recover+json";

/** A12 Validate Password Recovery Code: sets the new password and clears a password lockout. */
export const recoverPassword = defineCapability({
  id: "recoverPassword",
  title: "Validate Password Recovery Code",
  description: "Validate recovery codes and allow users to reset their passwords.",
  uses: [userTarget],
  input: {
    recoveryCode: Type.String({ description: "The code to validate." }),
    newPassword: Type.String({ minLength: 1, description: "The user's new password." }),
  },
  output: outputSchema({ passwordState: PasswordStateSchema }),
  properties: {
    recoveryCode: {
      displayName: "Recovery Code",
      control: "textField",
      info: "The code to validate.",
      secret: true,
    },
    newPassword: {
      displayName: "New Password",
      control: "textField",
      info: "The user's new password.",
      secret: true,
    },
  },
  errors: {
    invalidValue: "Invalid recovery code",
    constraintViolation: "The new password does not satisfy the password policy.",
    accountNotUsable:
      "Maximum password recovery failures exceeded, or the account cannot use password recovery.",
    invalidFilter: "PingOne rejected the user lookup filter.",
    notFound: "A resource other than the user was not found.",
  },
  examples: [
    {
      matchAttribute: "username",
      identifier: "johndoe",
      recoveryCode: "A1B2C3D4",
      newPassword: "N3wP@ssw0rd!",
    },
  ],
  async handler(input, ctx) {
    const { id } = await resolveUser(ctx, input);
    const body = { recoveryCode: input.recoveryCode, newPassword: input.newPassword };
    let response: Awaited<ReturnType<typeof readPasswordState>>;
    try {
      response = await ctx.client.request<Record<string, unknown>>(
        passwordAction(ctx, id, "POST", RECOVER, body),
      );
    } catch (error) {
      if (!(error instanceof PingOneApiError)) throw error;
      throw classifyRecoverFailure(error) ?? error;
    }
    const state =
      typeof response.body?.status === "string"
        ? response.body
        : (await readPasswordState(ctx, id, { final: true })).body;
    return succeed({ passwordState: normalizePasswordState(state) }, response);
  },
});

export type RecoverPasswordInput = InputOf<typeof recoverPassword>;
export type RecoverPasswordOutput = Static<typeof recoverPassword.output>;

/** docs/connector-capabilities.md#password-failures. */
function classifyRecoverFailure(error: PingOneApiError): CapabilityError | undefined {
  if (error.pingOneCode === "REQUEST_FAILED") {
    return new CapabilityError("accountNotUsable", "Maximum password recovery failures exceeded", {
      apiError: error,
    });
  }
  if (findDetail(error, "INVALID_VALUE", "recoveryCode")) {
    return new CapabilityError("invalidValue", "Invalid recovery code", { apiError: error });
  }
  const policy =
    findDetail(error, "INVALID_VALUE", "newPassword") ??
    findDetail(error, "CONSTRAINT_VIOLATION", "newPassword");
  if (policy) {
    return new CapabilityError(
      "constraintViolation",
      "The new password does not satisfy the password policy",
      {
        apiError: error,
      },
    );
  }
  return undefined;
}
