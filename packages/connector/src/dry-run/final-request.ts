import type { ApiRequest } from "../client/types.js";

const finalRequests = new WeakSet<ApiRequest>();

/**
 * Marks the last call of a capability: its response is only reshaped into the output, so a dry
 * run that reaches it has recorded every request. Real clients ignore the mark.
 */
export function finalRequest<R extends ApiRequest>(request: R): R {
  finalRequests.add(request);
  return request;
}

export function isFinalRequest(request: ApiRequest): boolean {
  return finalRequests.has(request);
}
