import type { Static, TObject } from "@sinclair/typebox";
import type { CapabilityContext } from "./context.js";
import type { CapabilityResult } from "./result.js";

/** DaVinci UI controls (`preferredControlType`) used by the PingOne connector's properties. */
export type ControlType =
  | "textField"
  | "textArea"
  | "toggleSwitch"
  | "dropDown"
  | "textFieldArrayView"
  | "variableInputList"
  | "keyValueList"
  | "label"
  | "link";

/** One option of a `dropDown` property. */
export interface PropertyOption {
  name: string;
  value: string;
}

/**
 * How a property appears in the DaVinci node panel. Types, lengths, `required` and defaults live
 * in the input schema; this holds what the schema cannot say.
 */
export interface PropertyUi {
  displayName: string;
  control: ControlType;
  /** Help text shown under the control. */
  info?: string;
  options?: PropertyOption[];
  /** Secrets are masked in the UI and redacted in logs and dry runs. */
  secret?: boolean;
  /** Shown in the panel but absent from the product's Input Schema. */
  uiOnly?: boolean;
}

/**
 * One DaVinci capability: the single source for its schemas, UI metadata, error keys and
 * behaviour. The HTTP service, the CLI and the manifest generators read nothing else.
 */
export interface CapabilityDefinition<I extends TObject = TObject, O extends TObject = TObject> {
  /** The DaVinci `capabilityName`, spelled exactly as PingOne does (`userLookup`). */
  id: string;
  title: string;
  description: string;
  /** Flat input schema (the product's `payloadInputSchema.default.properties.properties`). */
  input: I;
  /** The `output` object on success, `rawResponse`, `statusCode` and `headers` included. */
  output: O;
  /** UI metadata for every property the node panel shows, keyed by property name. */
  properties: Record<string, PropertyUi>;
  /** Error keys the capability can raise (DaVinci `localizedErrors`), with what each means. */
  errors: Record<string, string>;
  /** Inputs shaped like the product document's and real flows' nodes; tests run them through the schema. */
  examples: Static<I>[];
  /**
   * Rewrites legacy property names found in older flow exports onto the current ones, before
   * validation (capabilities.md §2.1 `userId`, A4 `password`, ...).
   */
  acceptLegacy?(input: Record<string, unknown>): Record<string, unknown>;
  handler(input: Static<I>, ctx: CapabilityContext): Promise<CapabilityResult>;
}

/** A definition with its types erased, as stored in the registry. */
export type AnyCapabilityDefinition = CapabilityDefinition<TObject, TObject>;

/** Identity function that keeps a definition's input type for its handler. */
export function defineCapability<I extends TObject, O extends TObject>(
  definition: CapabilityDefinition<I, O>,
): CapabilityDefinition<I, O> {
  return definition;
}
