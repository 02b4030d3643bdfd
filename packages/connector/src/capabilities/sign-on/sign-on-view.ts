import { type Static, Type } from "@sinclair/typebox";
import { stringEnum } from "../kit/schema-helpers.js";

const Str = Type.String();

/** The submission name a field's value goes to in the continuation. */
export const SUBMISSION_NAMES = ["username", "password"] as const;

/** The `buttonValue` of the form's submit button: the one that checks the password. */
export const SUBMIT = "submit";

/**
 * One field of the sign-on form, in the form's order (row, then column). Labels and texts are
 * plain text (PingOne stores rich-text JSON): a renderer must still escape them.
 */
export const SignOnFieldSchema = Type.Object({
  type: Type.String({
    description:
      "PingOne form field type: TEXT (the username), PASSWORD, SUBMIT_BUTTON, FLOW_BUTTON, FLOW_LINK, ERROR_DISPLAY, SLATE_TEXTBLOB or DIVIDER",
  }),
  row: Type.Integer(),
  col: Type.Integer(),
  key: Type.Optional(Type.String({ description: "The field's key in the form (user.username, ...)" })),
  label: Type.Optional(Type.String({ description: "The label as plain text" })),
  text: Type.Optional(
    Type.String({ description: "SLATE_TEXTBLOB: the text, one paragraph per line (\\n between them)" }),
  ),
  required: Type.Optional(Type.Boolean()),
  submitAs: Type.Optional(
    stringEnum(SUBMISSION_NAMES, { description: "The continuation property this input's value goes to" }),
  ),
  buttonValue: Type.Optional(
    Type.String({ description: "Buttons and links: the continuation's buttonValue when pressed" }),
  ),
  autoComplete: Type.Optional(
    Type.Boolean({
      description: "Whether the browser may fill the input (the form's autocomplete switches)",
    }),
  ),
});

export type SignOnField = Static<typeof SignOnFieldSchema>;

const Colors = Type.Object(
  {
    button: Str,
    buttonText: Str,
    bodyText: Str,
    heading: Str,
    link: Str,
    card: Str,
  },
  { description: "The theme's colours as PingOne gives them, PingOne's default palette where it gives none" },
);

/** What the first step returns for the caller to show (DaVinci `sendUserView` payload properties). */
export const SignOnViewSchema = Type.Object({
  form: Type.Object({
    id: Str,
    name: Type.Optional(Str),
    markRequired: Type.Boolean(),
    markOptional: Type.Boolean(),
    fields: Type.Array(SignOnFieldSchema),
  }),
  theme: Type.Object({
    id: Type.Optional(Type.String({ description: "Absent when the environment has no theme" })),
    name: Type.Optional(Str),
    template: Str,
    colors: Colors,
    background: Type.Object({
      type: Type.String({ description: "DEFAULT, COLOR, IMAGE or NONE (PingOne's backgroundType)" }),
      color: Type.Optional(Str),
      imageHref: Type.Optional(Str),
    }),
    logo: Type.Optional(
      Type.Object({ href: Str }, { description: "Present when the theme's logoType is IMAGE" }),
    ),
    footer: Type.Optional(Str),
  }),
  buttons: Type.Array(Type.Object({ buttonValue: Str, label: Str, type: Str }), {
    description: "Every buttonValue the continuation may receive from this form, in the form's order",
  }),
});

export type SignOnView = Static<typeof SignOnViewSchema>;
export type SignOnTheme = SignOnView["theme"];
