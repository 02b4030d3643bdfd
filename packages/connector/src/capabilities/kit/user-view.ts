import type { Static, TObject } from "@sinclair/typebox";
import type { ApiResponse } from "../../client/types.js";
import type { CapabilityContext } from "./context.js";
import { type CapabilityResult, type CapabilitySuccess, toOutcome } from "./result.js";

/**
 * The second step of a capability whose first step shows a screen (DaVinci's user-view pattern:
 * `<cap>` answers `sendUserView`, the person's submission arrives at `<cap>_continue`). See
 * docs/connector-capabilities.md#user-views.
 */
export interface UserViewStep<S extends TObject = TObject> {
  /** The view's id: DaVinci's `payload.id`. */
  id: string;
  /** Schema of the view's properties, what the first step returns for the caller to show. */
  view: TObject;
  /** Schema of what the person submits (DaVinci's `parameters` of `<cap>_continue`). */
  submission: S;
  /** Submissions as the screen sends them; tests run them through the schema. */
  examples: Static<S>[];
  /** Runs the submission; its result is the capability's final one (`output` as the capability's schema). */
  continue(submission: Static<S>, ctx: CapabilityContext): Promise<CapabilityResult>;
}

/**
 * The first step's success: the screen to show, with the response it was mainly built from
 * (its `output` is empty; the final output comes from the continuation).
 */
export function showUserView(
  id: string,
  properties: Record<string, unknown>,
  response: Pick<ApiResponse, "status" | "statusText" | "headers" | "body">,
): CapabilitySuccess {
  return { ok: true, output: {}, response: toOutcome(response), userView: { id, properties } };
}
