import type { ApiRequest } from "../client/types.js";

/** Marks the last call of a capability (see {@link ApiRequest.final}). */
export function finalRequest<R extends ApiRequest>(request: R): R {
  return { ...request, final: true };
}
