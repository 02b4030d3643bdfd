import type { ApiResponse } from "../../client/types.js";
import type { CapabilityContext, CapabilityRequest } from "./context.js";

type Answer = ApiResponse<Record<string, unknown>>;

/**
 * Sends calls that the input fixes in full, in order, stopping at the first failure: each but
 * the last with `requestAhead`, so that a dry run shows them all, and the last as the run's
 * final call. `answers` has one entry per call (undefined where a dry run only recorded it).
 */
export async function requestInSequence(
  ctx: CapabilityContext,
  calls: readonly CapabilityRequest[],
): Promise<{ answers: (Answer | undefined)[]; last: Answer }> {
  if (calls.length === 0) throw new Error("requestInSequence needs at least one call");
  const answers: (Answer | undefined)[] = [];
  for (const call of calls.slice(0, -1)) answers.push(await ctx.client.requestAhead(call));
  const last = await ctx.client.request<Record<string, unknown>>({
    ...calls[calls.length - 1]!,
    final: true,
  });
  answers.push(last);
  return { answers, last };
}
