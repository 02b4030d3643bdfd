import type { SingleFactorSignOnView } from "../../capabilities/sign-on/single-factor-sign-on.js";
import { html } from "../html.js";
import type { PagePolicy } from "./page-security.js";
import { renderShell } from "./page-shell.js";
import type { SignOnOutcome } from "./sign-on-outcome.js";

type Theme = SingleFactorSignOnView["theme"];

/** What PingOne's password statuses mean for a person who just signed on. */
const PASSWORD_NOTES: Record<string, string> = {
  MUST_CHANGE_PASSWORD: "Your password must be changed before you continue.",
  PASSWORD_EXPIRED: "Your password has expired and must be changed before you continue.",
};

/**
 * The outcome shown when no return URL is set: who signed on, or which button was pressed (the
 * application that handles that button is not this page). Texts are escaped like the form's.
 */
export function renderResultPage(
  outcome: SignOnOutcome,
  theme: Theme,
  buttonLabel: string | undefined,
): { page: string; policy: PagePolicy } {
  const again = html`<p><a href="sign-on">Back to sign on</a></p>`;
  if (outcome.outcome === "signedOn") {
    const note = PASSWORD_NOTES[outcome.passwordStatus ?? ""];
    const main = html`<h1>You are signed on</h1>
<p role="status">Signed on as <strong>${outcome.user?.username ?? ""}</strong>.</p>
${note ? html`<p>${note}</p>` : ""}
${again}`;
    return renderShell({ title: "Signed on", theme, main }, []);
  }
  const label = buttonLabel ?? outcome.buttonValue;
  const main = html`<h1>${label}</h1>
<p role="status">You chose “${label}” (<code>${outcome.buttonValue}</code>). No password was checked; the application that sent you here continues from this choice.</p>
${again}`;
  return renderShell({ title: label, theme, main }, []);
}

/** A page that only says something went wrong and what to do: the service cannot show the form now. */
export function renderMessagePage(
  heading: string,
  message: string,
  theme: Theme,
): { page: string; policy: PagePolicy } {
  const main = html`<h1>${heading}</h1>
<p role="alert">${message}</p>
<p><a href="sign-on">Try again</a></p>`;
  return renderShell({ title: heading, theme, main }, []);
}
