import { type Static, Type } from "@sinclair/typebox";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { outputSchema, stringEnum } from "../kit/schema-helpers.js";
import { PasswordStateSchema } from "../kit/schemas/password-state.js";
import { UserSchema } from "../kit/schemas/user.js";
import { showUserView } from "../kit/user-view.js";
import { PASSWORD_USER_ERRORS } from "../passwords/password-calls.js";
import { CHECK_ERRORS } from "../passwords/password-check.js";
import { THEME_ID_INFO } from "../themes/read-theme.js";
import { signOnForm } from "./sign-on-form.js";
import { readForm, readSignOnTheme } from "./sign-on-reads.js";
import { continueSignOn, SignOnSubmissionSchema } from "./sign-on-submission.js";
import { signOnTheme } from "./sign-on-theme.js";
import { SignOnViewSchema, SUBMIT } from "./sign-on-view.js";

const THEME_CHOICES = ["activeTheme", "useThemeId"] as const;

/** The view's id, DaVinci's `payload.id` of the `sendUserView` answer. */
export const SIGN_ON_VIEW_ID = "singleFactorSignOn";

/**
 * A34 Single-Factor Sign On, a user-view capability (docs/connector-capabilities.md#user-views):
 * step 1 reads the form and the theme and answers the screen to show; the person's submission
 * continues it, finds the user and checks the password.
 */
export const singleFactorSignOn = defineCapability({
  id: "singleFactorSignOn",
  title: "Single-Factor Sign On",
  description: "Sign on with a username and password.",
  input: {
    singleFactorSignOnFormId: Type.String({
      minLength: 1,
      maxLength: 100,
      description: "Single-Factor Sign On Form ID",
    }),
    theme: Type.Optional(
      stringEnum(THEME_CHOICES, {
        description: "activeTheme: the environment's active theme; useThemeId: the theme named by themeId",
      }),
    ),
    themeId: Type.Optional(Type.String({ maxLength: 100, description: "Theme ID" })),
  },
  properties: {
    singleFactorSignOnFormId: {
      displayName: "Sign On Form",
      control: "dropDown",
      info: "The PingOne form to show: it needs a username (TEXT) field, a PASSWORD field and a submit button.",
    },
    theme: {
      displayName: "Form Theme",
      control: "dropDown",
      info: "If no theme is selected, the default active theme is used.",
      options: [
        { name: "PingOne Active Theme", value: "activeTheme" },
        { name: "Use Theme ID", value: "useThemeId" },
      ],
      uiOnly: true,
    },
    themeId: { displayName: "Theme ID", control: "textField", info: THEME_ID_INFO, uiOnly: true },
  },
  output: outputSchema({
    user: Type.Optional(UserSchema),
    passwordState: Type.Optional(PasswordStateSchema),
    buttonValue: Type.String({
      description: `The button the person pressed: "${SUBMIT}", or a flow button or link's key (then no password was checked)`,
    }),
  }),
  errors: {
    ...CHECK_ERRORS,
    ...PASSWORD_USER_ERRORS,
    noUserMatch: "No user has the username typed in the form.",
    notFound: "No form, or no theme, has the given id.",
    invalidValue: "The form has no username field, no password field or no submit button.",
    invalidInput:
      "The input was refused before any call: no form id, useThemeId without a theme id, or a submission without a username or password.",
  },
  examples: [
    { singleFactorSignOnFormId: "5f5e0d0c-8ad3-4a1e-9a3f-3ad2c5b43a11" },
    {
      singleFactorSignOnFormId: "5f5e0d0c-8ad3-4a1e-9a3f-3ad2c5b43a11",
      theme: "useThemeId",
      themeId: "aa4b3e81-cf7e-8685-4b7b-7ec89cfcf7c8",
    },
  ],
  async handler(input, ctx) {
    const themeId = chosenThemeId(input);
    // Independent reads, sent together: a page shows after one round trip instead of two.
    const [form, theme] = await Promise.all([
      readForm(ctx, input.singleFactorSignOnFormId.trim()),
      readSignOnTheme(ctx, themeId),
    ]);
    const view = { ...signOnForm(form.body ?? {}), theme: signOnTheme(theme) };
    return showUserView(SIGN_ON_VIEW_ID, view, form);
  },
  userView: {
    id: SIGN_ON_VIEW_ID,
    view: SignOnViewSchema,
    submission: SignOnSubmissionSchema,
    examples: [
      { username: "johndoe", password: "2FederateM0re!", buttonValue: SUBMIT },
      { buttonValue: "forgotPassword" },
    ],
    continue: continueSignOn,
  },
});

/**
 * `useThemeId` needs a theme id; with no choice made, a given theme id is used (a caller that
 * sets only `themeId` means it); otherwise the active theme.
 */
function chosenThemeId(input: {
  theme?: string | undefined;
  themeId?: string | undefined;
}): string | undefined {
  const themeId = input.themeId?.trim() ?? "";
  if (input.theme === "useThemeId") {
    if (themeId === "") throw new CapabilityError("invalidInput", 'theme "useThemeId" needs a themeId');
    return themeId;
  }
  return input.theme === undefined && themeId !== "" ? themeId : undefined;
}

export type SingleFactorSignOnInput = InputOf<typeof singleFactorSignOn>;
export type SingleFactorSignOnOutput = Static<typeof singleFactorSignOn.output>;
export type SingleFactorSignOnSubmission = Static<typeof SignOnSubmissionSchema>;
export type SingleFactorSignOnView = Static<typeof SignOnViewSchema>;
