import type { SignOnTheme } from "./sign-on-view.js";

/**
 * PingOne's "Ping Default" template palette (PingOne Platform API, Branding Themes), used for any
 * colour a theme leaves out and for an environment with no theme, where PingOne shows its own
 * branding.
 */
const PING_DEFAULT_COLORS: SignOnTheme["colors"] = {
  button: "#2996cc",
  buttonText: "#ffffff",
  bodyText: "#686f77",
  heading: "#686f77",
  link: "#2996cc",
  card: "#ffffff",
};

/**
 * The sign-on view's theme from a PingOne theme resource, or PingOne's default look for none
 * (docs/connector-capabilities.md#single-factor-sign-on). Values are passed as PingOne gives them;
 * a renderer checks them for the context it puts them in.
 */
export function signOnTheme(theme: Record<string, unknown> | undefined): SignOnTheme {
  if (!theme) {
    return { template: "default", colors: { ...PING_DEFAULT_COLORS }, background: { type: "DEFAULT" } };
  }
  const configuration = isRecord(theme.configuration) ? theme.configuration : {};
  const text = (name: string): string | undefined => {
    const value = configuration[name];
    return typeof value === "string" ? value : undefined;
  };
  const color = (name: string, fallback: string) => text(name) ?? fallback;
  const view: SignOnTheme = {
    template: typeof theme.template === "string" ? theme.template : "default",
    colors: {
      button: color("buttonColor", PING_DEFAULT_COLORS.button),
      buttonText: color("buttonTextColor", PING_DEFAULT_COLORS.buttonText),
      bodyText: color("bodyTextColor", PING_DEFAULT_COLORS.bodyText),
      heading: color("headingTextColor", PING_DEFAULT_COLORS.heading),
      link: color("linkTextColor", PING_DEFAULT_COLORS.link),
      card: color("cardColor", PING_DEFAULT_COLORS.card),
    },
    background: { type: text("backgroundType") ?? "DEFAULT" },
  };
  if (typeof theme.id === "string") view.id = theme.id;
  const name = text("name");
  if (name !== undefined) view.name = name;
  const backgroundColor = text("backgroundColor");
  if (backgroundColor !== undefined) view.background.color = backgroundColor;
  const backgroundImage = href(configuration.backgroundImage);
  if (backgroundImage !== undefined) view.background.imageHref = backgroundImage;
  const logo = href(configuration.logo);
  if (text("logoType") === "IMAGE" && logo !== undefined) view.logo = { href: logo };
  const footer = text("footer");
  if (footer !== undefined) view.footer = footer;
  return view;
}

function href(image: unknown): string | undefined {
  return isRecord(image) && typeof image.href === "string" && image.href !== "" ? image.href : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
