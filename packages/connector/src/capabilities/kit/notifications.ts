import { type TSchema, Type } from "@sinclair/typebox";
import type { PropertyUi } from "./definition.js";

/** The four property names of one notification setting (capabilities.md §2.4), spelled as PingOne does. */
export interface NotificationNames {
  variant: string;
  customVariant: string;
  locale: string;
  variables: string;
}

const NOT_SENT =
  "Accepted for compatibility with DaVinci flows; PingOne's management API documents no field for it, so the connector does not send it and PingOne uses its default template.";

/**
 * Input schema and UI for one notification setting. These properties are UI-only in the
 * product [doc-2025]; how the real connector passes them on is undocumented, so they are
 * validated and otherwise not used.
 */
export function notificationProperties(names: NotificationNames, label: string) {
  const input: Record<string, TSchema> = {
    [names.variant]: Type.Optional(Type.String({ description: `Notification Name (${label})` })),
    [names.customVariant]: Type.Optional(Type.String({ description: "Custom Value" })),
    [names.locale]: Type.Optional(Type.String({ description: "Notification Locale" })),
    [names.variables]: Type.Optional(
      Type.Array(Type.Object({ name: Type.String(), value: Type.Optional(Type.Unknown()) }), {
        description: "Notification Variables",
      }),
    ),
  };
  const ui: Record<string, PropertyUi> = {
    [names.variant]: {
      displayName: `Notification Name (${label})`,
      control: "dropDown",
      info: NOT_SENT,
      uiOnly: true,
    },
    [names.customVariant]: {
      displayName: "Custom Value",
      control: "textField",
      info: NOT_SENT,
      uiOnly: true,
    },
    [names.locale]: {
      displayName: "Notification Locale",
      control: "textField",
      info: NOT_SENT,
      uiOnly: true,
    },
    [names.variables]: {
      displayName: "Notification Variables",
      control: "variableInputList",
      info: NOT_SENT,
      uiOnly: true,
    },
  };
  return { input, ui };
}
