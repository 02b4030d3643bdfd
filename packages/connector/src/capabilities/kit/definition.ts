import { type Static, type TObject, type TProperties, Type } from "@sinclair/typebox";
import type { CapabilityContext } from "./context.js";
import { DEFAULT_ERRORS } from "./error-keys.js";
import type { CapabilityResult } from "./result.js";
import type { UserViewStep } from "./user-view.js";

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
export interface CapabilityDefinition<
  I extends TObject = TObject,
  O extends TObject = TObject,
  /** The handler's input type: the spec's own and fragment properties, as `defineCapability` computes it. */
  In = Static<I>,
> {
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
  examples: In[];
  /**
   * Rewrites legacy property names found in older flow exports onto the current ones, before
   * validation (docs/connector-capabilities.md#legacy-property-names).
   */
  acceptLegacy?(input: Record<string, unknown>): Record<string, unknown>;
  /** The legacy names `acceptLegacy` reads: known names, never reported as ignored. */
  legacyNames: readonly string[];
  /** Its first step's handler; for a user-view capability it answers the screen (`showUserView`). */
  handler(input: In, ctx: CapabilityContext): Promise<CapabilityResult>;
  /** Present when the capability shows a screen: the step the person's submission continues. */
  userView?: UserViewStep;
}

/**
 * Property names older flow exports carry (docs/connector-capabilities.md#legacy-property-names):
 * the names, so that they are known rather than ignored, and the rewrite onto the current ones.
 */
export interface LegacyNames {
  names: readonly string[];
  rewrite(input: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The input a capability's handler receives, by its definition: `InputOf<typeof readUser>`. Read
 * off the handler, not the schema, because `Static` of the assembled schema loses the properties.
 */
export type InputOf<D> = D extends CapabilityDefinition<infer _I, infer _O, infer In> ? In : never;

/** A definition with its types erased, as stored in the registry. */
export type AnyCapabilityDefinition = CapabilityDefinition<TObject, TObject>;

/**
 * A part several capabilities share (the target user, the escape toggle, a notification
 * setting): input properties, their UI, the error keys it can raise, the legacy names it maps.
 */
export interface CapabilityFragment<P extends TProperties = TProperties> {
  /** `first`: before the capability's own properties (what it acts on); `last`: after them (options). */
  placement: "first" | "last";
  input: P;
  properties: Record<string, PropertyUi>;
  errors?: Record<string, string>;
  legacy?: LegacyNames;
}

/** Identity function that keeps a fragment's property types. */
export function defineFragment<P extends TProperties>(
  fragment: CapabilityFragment<P>,
): CapabilityFragment<P> {
  return fragment;
}

type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void
  ? I
  : never;

/** The input properties a list of fragments contributes, all of them (none for no fragment). */
type FragmentInput<F extends readonly CapabilityFragment[]> =
  Intersection<F[number]["input"]> extends infer I extends TProperties ? I : Record<never, never>;

/** The input a capability's handler gets: its own properties and its fragments'. */
type SpecInput<P extends TProperties, F extends readonly CapabilityFragment[]> = Static<
  TObject<P & FragmentInput<F>>
>;

/** The input schema `defineCapability` assembles (resolved lazily: TypeBox's generics are deep). */
type AssembledInput<P extends TProperties, F extends readonly CapabilityFragment[]> =
  TObject<P & FragmentInput<F>> extends infer I extends TObject ? I : never;

/** A capability as written: what is its own, and the fragments it shares with others. */
export interface CapabilitySpec<
  P extends TProperties,
  F extends readonly CapabilityFragment[],
  O extends TObject,
  S extends TObject = TObject,
> {
  id: string;
  title: string;
  description: string;
  /** Shared fragments, e.g. `[userTarget, escapeIdentifier]`. */
  uses?: F;
  /** Its own input properties (TypeBox), placed between the `first` and the `last` fragments'. */
  input?: P;
  output: O;
  /** UI metadata for its own properties. */
  properties?: Record<string, PropertyUi>;
  /** Its own error keys; for a key a fragment or DEFAULT_ERRORS also has, its text wins. */
  errors?: Record<string, string>;
  examples: SpecInput<P, F>[];
  /** Its own legacy names; its rewrite runs after the fragments' own. */
  legacy?: LegacyNames;
  handler(input: SpecInput<P, F>, ctx: CapabilityContext): Promise<CapabilityResult>;
  /** For a capability that shows a screen: its view and the step that takes the submission. */
  userView?: UserViewStep<S>;
}

/**
 * Assembles a capability from its spec: input schema and UI in panel order (`first` fragments,
 * its own, `last` fragments), error keys (its own, the fragments', then DEFAULT_ERRORS), and the
 * legacy names and rewrites of its fragments followed by its own.
 */
export function defineCapability<
  const F extends readonly CapabilityFragment[] = [],
  P extends TProperties = Record<never, never>,
  O extends TObject = TObject,
  S extends TObject = TObject,
>(spec: CapabilitySpec<P, F, O, S>): CapabilityDefinition<AssembledInput<P, F>, O, SpecInput<P, F>> {
  const fragments: readonly CapabilityFragment[] = spec.uses ?? [];
  const own = { input: spec.input ?? {}, properties: spec.properties ?? {} };
  const parts = [
    ...fragments.filter((fragment) => fragment.placement === "first"),
    own,
    ...fragments.filter((fragment) => fragment.placement === "last"),
  ];
  const definition: CapabilityDefinition<AssembledInput<P, F>, O, SpecInput<P, F>> = {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    input: Type.Object(Object.assign({}, ...parts.map((part) => part.input))) as AssembledInput<P, F>,
    output: spec.output,
    properties: Object.assign({}, ...parts.map((part) => part.properties)),
    errors: withSharedErrors(spec.errors ?? {}, [...fragments.map((f) => f.errors ?? {}), DEFAULT_ERRORS]),
    examples: spec.examples,
    legacyNames: [],
    handler: spec.handler,
  };
  if (spec.userView) definition.userView = spec.userView as unknown as UserViewStep;
  const legacy = [...fragments.map((fragment) => fragment.legacy), spec.legacy].filter(
    (mapping) => mapping !== undefined,
  );
  if (legacy.length > 0) {
    definition.acceptLegacy = (input) => legacy.reduce((value, mapping) => mapping.rewrite(value), input);
    definition.legacyNames = legacy.flatMap((mapping) => mapping.names);
  }
  return definition;
}

/** The capability's own keys first, then each shared key it does not define itself. */
function withSharedErrors(
  own: Record<string, string>,
  shared: readonly Record<string, string>[],
): Record<string, string> {
  const errors = { ...own };
  for (const set of shared) {
    for (const [key, meaning] of Object.entries(set)) if (!Object.hasOwn(errors, key)) errors[key] = meaning;
  }
  return errors;
}
