/**
 * The colours of PingOne's branding theme templates (PingOne Platform API, "Branding Themes": the
 * template configurations). A theme created without a colour takes its template's, so every stored
 * theme carries the full colour set the community OpenAPI schema requires.
 */
export const THEME_TEMPLATES = ["default", "focus", "mural", "slate", "split"] as const;

export type ThemeTemplate = (typeof THEME_TEMPLATES)[number];

export interface TemplateColors {
  buttonColor: string;
  buttonTextColor: string;
  bodyTextColor: string;
  headingTextColor: string;
  linkTextColor: string;
  cardColor: string;
}

export const TEMPLATE_COLORS: Readonly<Record<ThemeTemplate, TemplateColors>> = {
  default: {
    buttonColor: "#2996cc",
    buttonTextColor: "#ffffff",
    bodyTextColor: "#686f77",
    headingTextColor: "#686f77",
    linkTextColor: "#2996cc",
    cardColor: "#ffffff",
  },
  focus: {
    buttonColor: "#cb0020",
    buttonTextColor: "#ffffff",
    bodyTextColor: "#4a4a4a",
    headingTextColor: "#cb0020",
    linkTextColor: "#2996cc",
    cardColor: "#fcfcfc",
  },
  mural: {
    buttonColor: "#61b375",
    buttonTextColor: "#ffffff",
    bodyTextColor: "#000000",
    headingTextColor: "#000000",
    linkTextColor: "#2996cc",
    cardColor: "#fcfcfc",
  },
  slate: {
    buttonColor: "#fcfcfc",
    buttonTextColor: "#4a4a4a",
    bodyTextColor: "#4a4a4a",
    headingTextColor: "#4a4a4a",
    linkTextColor: "#4a4a4a",
    cardColor: "#fcfcfc",
  },
  // Only split's button colours are confirmed in the material at hand; the rest are Ping Default's.
  split: {
    buttonColor: "#263956",
    buttonTextColor: "#ffffff",
    bodyTextColor: "#686f77",
    headingTextColor: "#686f77",
    linkTextColor: "#2996cc",
    cardColor: "#ffffff",
  },
};
