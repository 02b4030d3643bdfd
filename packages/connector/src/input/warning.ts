/**
 * Something about an input that does not stop the call, located by a JSON Pointer into the input
 * as the caller wrote it. `ignoredProperty`: a property the capability neither declares nor maps
 * from a legacy name; it is accepted (flows in the field carry such names) and not used.
 */
export interface InputWarning {
  path: string;
  keyword: "ignoredProperty";
  message: string;
}
