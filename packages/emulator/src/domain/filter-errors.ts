import { ScimFilterError } from "../scim/filter-error.js";
import { invalidData } from "./errors.js";

/**
 * Runs a filter parse or compile step whose text came from `target` (the `filter` parameter, or a group's
 * `userFilter` attribute), turning a refused filter into INVALID_DATA/INVALID_FILTER. The one place a
 * SCIM error becomes a PingOne error.
 */
export function withFilterErrors<T>(target: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ScimFilterError) throw invalidData([{ ...error.toDetail(), target }]);
    throw error;
  }
}
