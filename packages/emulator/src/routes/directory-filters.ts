import { invalidData } from "../http/pingone-error.js";
import { ScimFilterError } from "../scim/filter-error.js";

/**
 * Runs a filter parse or compile step whose text came from `target` (the `filter` parameter, or a group's
 * `userFilter` attribute), turning a refused filter into PingOne's 400 INVALID_DATA/INVALID_FILTER.
 */
export function withFilterErrors<T>(target: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ScimFilterError) throw invalidData([{ ...error.toDetail(), target }]);
    throw error;
  }
}
