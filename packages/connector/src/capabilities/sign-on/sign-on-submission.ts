import { type Static, Type } from "@sinclair/typebox";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { type CapabilityResult, succeed } from "../kit/result.js";
import { normalizePasswordState } from "../kit/schemas/password-state.js";
import { normalizeUser } from "../kit/schemas/user.js";
import { resolveUser } from "../kit/user-target.js";
import { passwordActionOn } from "../passwords/password-calls.js";
import { checkFailure, passwordCheck } from "../passwords/password-check.js";
import { SUBMIT } from "./sign-on-view.js";

/**
 * What the sign-on form submits (DaVinci's `parameters` of `singleFactorSignOn_continue`). The
 * submit button needs a username and a password; any other button needs neither.
 */
export const SignOnSubmissionSchema = Type.Object(
  {
    username: Type.Optional(Type.String({ maxLength: 256, description: "The username typed in the form" })),
    password: Type.Optional(Type.String({ maxLength: 1024, description: "The password typed in the form" })),
    buttonValue: Type.String({
      minLength: 1,
      maxLength: 256,
      default: SUBMIT,
      description: `The button pressed: "${SUBMIT}" checks the password; a flow button or link's key does not`,
    }),
  },
  {
    if: { properties: { buttonValue: { const: SUBMIT } } },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited.
    then: {
      required: ["username", "password"],
      properties: { username: { minLength: 1 }, password: { minLength: 1 } },
    },
  },
);

export type SignOnSubmission = Static<typeof SignOnSubmissionSchema>;

/**
 * A button press that checks nothing: no PingOne call is made, so `statusCode` is 200 with no
 * headers and `rawResponse` is `{}` (docs/connector-capabilities.md#single-factor-sign-on).
 */
const NO_CALL = { status: 200, statusText: "OK", headers: {}, body: {} };

/**
 * Step 2 of A34: the submit button finds the user by username (§2.1) and checks the password
 * (A3); any other button answers its `buttonValue` without a password check.
 */
export async function continueSignOn(
  submission: SignOnSubmission,
  ctx: CapabilityContext,
): Promise<CapabilityResult> {
  const { buttonValue } = submission;
  if (buttonValue !== SUBMIT) return succeed({ buttonValue }, NO_CALL, { rawResponse: {} });
  const username = submission.username ?? "";
  const password = submission.password ?? "";
  if (username.trim() === "") throw new CapabilityError("invalidInput", "username must not be blank");
  const user = await resolveUser(ctx, { matchAttribute: "username", identifier: username });
  const check = await passwordActionOn(ctx, user, (id) => passwordCheck(ctx, id, password), checkFailure);
  return succeed(
    { user: normalizeUser(user.resource), passwordState: normalizePasswordState(check.body), buttonValue },
    check,
    // The product's rawResponse is the user resource; statusCode and headers are the check's.
    { rawResponse: user.resource },
  );
}
