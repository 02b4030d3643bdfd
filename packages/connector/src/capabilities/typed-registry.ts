import type { Static } from "@sinclair/typebox";
import type { CapabilityId, CapabilityRegistry } from "./index.js";
import type { InputOf } from "./kit/definition.js";

/** The fields the DaVinci envelope adds to every output; a result's `output` has only the projections. */
type EnvelopeField = "rawResponse" | "statusCode" | "headers";

/** A capability's input as its handler receives it: its own and its fragments' properties. */
export type CapabilityInput<K extends CapabilityId> = InputOf<CapabilityRegistry[K]>;

/** A capability's DaVinci output, envelope fields included (`UserLookupOutput` for `"userLookup"`). */
export type CapabilityOutput<K extends CapabilityId> = Static<CapabilityRegistry[K]["output"]>;

/** What a successful result's `output` holds: the capability's projections. */
export type CapabilityProjections<K extends CapabilityId> = Omit<CapabilityOutput<K>, EnvelopeField>;

/**
 * What `invoke` accepts for a capability: its properties with their types, flat or
 * DaVinci-wrapped. Fixed values are typed as their base type (`matchAttribute: string`, not
 * `"id" | "username" | "email"`), so an input built from variables compiles; the values,
 * required properties and defaults are checked at run time, and other properties (legacy names,
 * what a flow carries) are allowed, as the connector accepts them.
 */
export type InvokeInput<K extends CapabilityId> =
  | LooseInput<CapabilityInput<K>>
  | { properties: LooseInput<CapabilityInput<K>> };

type LooseInput<T> = { [P in keyof T]?: Loose<T[P]> } & Record<string, unknown>;

type Loose<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer E)[]
        ? readonly Loose<E>[]
        : T extends object
          ? LooseInput<T>
          : T;

/** A string that is not a registry id: `invoke`'s untyped overloads take only these. */
export type OtherCapabilityId<Id extends string> = Id extends CapabilityId ? never : Id;
