import {
  type TArray,
  type TObject,
  type TOptional,
  type TString,
  type TUnknown,
  Type,
} from "@sinclair/typebox";
import { type CapabilityFragment, defineFragment, type PropertyUi } from "./definition.js";

/** The four property names of one notification setting, spelled as PingOne does (docs/connector-capabilities.md#notifications). */
export interface NotificationNames {
  variant: string;
  customVariant: string;
  locale: string;
  variables: string;
}

const NOT_SENT =
  "Accepted for compatibility with DaVinci flows; PingOne's management API documents no field for it, so the connector does not send it and PingOne uses its default template.";

type NotificationVariables = TArray<TObject<{ name: TString; value: TOptional<TUnknown> }>>;

/** The four optional properties of one setting, typed by their names. */
type NotificationInput<N extends NotificationNames> = {
  [K in N["variant"] | N["customVariant"] | N["locale"]]: TOptional<TString>;
} & { [K in N["variables"]]: TOptional<NotificationVariables> };

/**
 * One notification setting, placed after the capability's own properties. They are UI-only in
 * the product; how the real connector passes them on is undocumented, so they are validated and
 * otherwise not used.
 */
export function notificationSetting<const N extends NotificationNames>(
  names: N,
  label: string,
): CapabilityFragment<NotificationInput<N>> {
  const input = {
    [names.variant]: Type.Optional(Type.String({ description: `Notification Name (${label})` })),
    [names.customVariant]: Type.Optional(Type.String({ description: "Custom Value" })),
    [names.locale]: Type.Optional(Type.String({ description: "Notification Locale" })),
    [names.variables]: Type.Optional(
      Type.Array(Type.Object({ name: Type.String(), value: Type.Optional(Type.Unknown()) }), {
        description: "Notification Variables",
      }),
    ),
  } as NotificationInput<N>;
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
  return defineFragment({ placement: "last", input, properties: ui });
}
