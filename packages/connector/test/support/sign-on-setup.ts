import type { PingOneClient } from "../../src/client/types.js";

/** PingOne's console stores labels as rich-text (Slate) JSON; the emulator's demo form does too. */
export const slateLabel = (text: string) => JSON.stringify([{ type: "paragraph", children: [{ text }] }]);

/** The fields of a username and password sign-on form, in PingOne's form format. */
export function signOnFields(
  labels: { username?: string; password?: string; submit?: string; link?: string } = {},
) {
  return [
    {
      type: "TEXT",
      position: { row: 0, col: 0 },
      key: "user.username",
      label: slateLabel(labels.username ?? "Username"),
      required: true,
      validation: { type: "NONE" },
    },
    {
      type: "PASSWORD",
      position: { row: 1, col: 0 },
      key: "user.password",
      label: slateLabel(labels.password ?? "Password"),
      required: true,
    },
    { type: "SUBMIT_BUTTON", position: { row: 2, col: 0 }, label: labels.submit ?? "Sign On" },
    {
      type: "FLOW_LINK",
      position: { row: 3, col: 0 },
      key: "forgotPassword",
      label: labels.link ?? "Forgot password?",
    },
    { type: "ERROR_DISPLAY", position: { row: 4, col: 0 } },
  ];
}

/** Creates a form through the PingOne API (setup, not the code under test) and returns its id. */
export async function createForm(
  client: PingOneClient,
  fields: unknown[] = signOnFields(),
  extra: Record<string, unknown> = {},
): Promise<string> {
  const response = await client.request<{ id: string }>({
    method: "POST",
    path: `/environments/${client.environmentId}/forms`,
    body: {
      name: "Username and password sign-on",
      category: "CUSTOM",
      cols: 4,
      markOptional: false,
      markRequired: true,
      components: { fields },
      ...extra,
    },
  });
  return response.body.id;
}

/** Creates a theme through the PingOne API and returns its id. */
export async function createTheme(
  client: PingOneClient,
  configuration: Record<string, unknown>,
  options: { template?: string; default?: boolean } = {},
): Promise<string> {
  const response = await client.request<{ id: string }>({
    method: "POST",
    path: `/environments/${client.environmentId}/themes`,
    body: {
      template: options.template ?? "default",
      default: options.default ?? false,
      configuration: { logoType: "NONE", backgroundType: "DEFAULT", ...configuration },
    },
  });
  return response.body.id;
}

/** Disables a user through the PingOne API. */
export async function disableUser(client: PingOneClient, userId: string): Promise<void> {
  await client.request({
    method: "PUT",
    path: `/environments/${client.environmentId}/users/${userId}/enabled`,
    body: { enabled: false },
  });
}
