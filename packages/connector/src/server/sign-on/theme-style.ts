import type { SingleFactorSignOnView } from "../../capabilities/sign-on/single-factor-sign-on.js";
import { httpOrigin } from "./page-security.js";

type Theme = SingleFactorSignOnView["theme"];

/** PingOne's default palette, for a colour a theme gives in a form CSS cannot take safely. */
const FALLBACK: Theme["colors"] = {
  button: "#2996cc",
  buttonText: "#ffffff",
  bodyText: "#686f77",
  heading: "#686f77",
  link: "#2996cc",
  card: "#ffffff",
};

/** The look of a page shown when the theme cannot be read: PingOne's own. */
export const DEFAULT_PAGE_THEME: Theme = {
  template: "default",
  colors: { ...FALLBACK },
  background: { type: "DEFAULT" },
};

/** The page background behind the card for `backgroundType` DEFAULT: a light grey, like PingOne's hosted pages. */
const DEFAULT_BACKGROUND = "#ededed";

/** `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`: what PingOne's theme editor stores. Anything else could end a CSS rule. */
const HEX_COLOR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

function color(value: string | undefined, fallback: string): string {
  return value !== undefined && HEX_COLOR.test(value) ? value : fallback;
}

/** An http(s) image URL as the page may load it, or undefined (then it is left out). */
export function imageUrl(href: string | undefined): string | undefined {
  return httpOrigin(href) === undefined ? undefined : new URL(href!).href;
}

/**
 * The theme as CSS custom properties. Colours are checked against the hex forms and an image URL
 * is re-serialized and escaped for a CSS string, so no theme value can add a rule or a property.
 */
export function themeStyle(theme: Theme): string {
  const colors = Object.fromEntries(
    (Object.keys(FALLBACK) as (keyof Theme["colors"])[]).map((name) => [
      name,
      color(theme.colors[name], FALLBACK[name]),
    ]),
  ) as Theme["colors"];
  const image = theme.background.type === "IMAGE" ? imageUrl(theme.background.imageHref) : undefined;
  const background =
    theme.background.type === "COLOR"
      ? color(theme.background.color, DEFAULT_BACKGROUND)
      : theme.background.type === "NONE"
        ? "#ffffff"
        : DEFAULT_BACKGROUND;
  return [
    ":root{",
    `--button:${colors.button};--button-text:${colors.buttonText};--body-text:${colors.bodyText};`,
    `--heading:${colors.heading};--link:${colors.link};--card:${colors.card};--background:${background};`,
    image === undefined ? "--background-image:none;" : `--background-image:url("${cssString(image)}");`,
    "}",
  ].join("");
}

/**
 * Escapes a value for a double-quoted CSS string inside a `<style>` element: quotes, backslashes,
 * `<` and control characters become CSS escapes.
 */
function cssString(value: string): string {
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    const special = char === '"' || char === "\\" || char === "<" || code < 0x20 || code === 0x7f;
    out += special ? `\\${code.toString(16)} ` : char;
  }
  return out;
}
