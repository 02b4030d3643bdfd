/**
 * The demo environment's terms of service (English and French, alice has accepted), its two themes
 * (the default and a Slate one) and a username/password sign-on form, in the seed file format.
 */

/** PingOne stores form field labels as rich-text (Slate) JSON strings. */
const label = (text: string) => JSON.stringify([{ type: "paragraph", children: [{ text }] }]);

export const demoExperienceSeed = {
  agreements: [
    {
      name: "Terms of Service",
      description: "Shown at registration and sign-on",
      enabled: true,
      reconsentPeriodDays: 365,
      languages: [
        {
          locale: "en",
          displayName: "Terms of Service",
          userExperience: {
            acceptCheckboxText: "I have read and accept the Terms of Service",
            continueButtonText: "Continue",
            declineButtonText: "Decline",
          },
          revisions: [
            {
              contentType: "text/html",
              text: "<h1>Terms of Service</h1><p>Use this demo responsibly. Nothing here is real.</p>",
              requireReconsent: true,
            },
          ],
        },
        {
          locale: "fr",
          displayName: "Conditions d'utilisation",
          userExperience: {
            acceptCheckboxText: "J'ai lu et j'accepte les conditions d'utilisation",
            continueButtonText: "Continuer",
            declineButtonText: "Refuser",
          },
          revisions: [
            {
              contentType: "text/html",
              text: "<h1>Conditions d'utilisation</h1><p>Utilisez cette démo de façon responsable.</p>",
              requireReconsent: true,
            },
          ],
        },
      ],
    },
  ],
  agreementConsents: [{ user: "alice", agreement: "Terms of Service", language: "en" }],
  themes: [
    {
      template: "default",
      default: true,
      configuration: {
        logoType: "NONE",
        backgroundType: "DEFAULT",
        name: "Demo Default",
        footer: "PingOne Emulator demo",
      },
    },
    {
      template: "slate",
      configuration: { logoType: "NONE", backgroundType: "DEFAULT", name: "Demo Slate" },
    },
  ],
  forms: [usernamePasswordForm("Username and password sign-on")],
};

/** A username and password sign-on form, as PingOne's form designer saves one. */
export function usernamePasswordForm(name: string) {
  return {
    name,
    category: "CUSTOM",
    cols: 4,
    markOptional: false,
    markRequired: true,
    components: {
      fields: [
        {
          type: "TEXT",
          position: { row: 0, col: 0 },
          key: "user.username",
          label: label("Username"),
          required: true,
          validation: { type: "NONE" },
        },
        {
          type: "PASSWORD",
          position: { row: 1, col: 0 },
          key: "user.password",
          label: label("Password"),
          required: true,
        },
        { type: "SUBMIT_BUTTON", position: { row: 2, col: 0 }, label: "Sign On" },
        { type: "FLOW_LINK", position: { row: 3, col: 0 }, key: "forgotPassword", label: "Forgot password?" },
        { type: "ERROR_DISPLAY", position: { row: 4, col: 0 } },
      ],
    },
  };
}
