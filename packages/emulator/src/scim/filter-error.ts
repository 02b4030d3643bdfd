/** The `details[]` entry a route puts in its `400 INVALID_DATA` body for a rejected filter. */
export interface InvalidFilterDetail {
  code: "INVALID_FILTER";
  target: "filter";
  message: string;
  innerError?: { supportedAttributes?: string[]; supportedOperators?: string[] };
}

/**
 * A filter PingOne would refuse. Messages name attributes, operators and positions, never the
 * compared values, which may be personal data.
 */
export class ScimFilterError extends Error {
  readonly code = "INVALID_FILTER";
  readonly supportedAttributes: readonly string[] | undefined;
  readonly supportedOperators: readonly string[] | undefined;

  constructor(
    message: string,
    supported: { attributes?: readonly string[]; operators?: readonly string[] } = {},
  ) {
    super(message);
    this.name = "ScimFilterError";
    this.supportedAttributes = supported.attributes;
    this.supportedOperators = supported.operators;
  }

  toDetail(): InvalidFilterDetail {
    const detail: InvalidFilterDetail = { code: "INVALID_FILTER", target: "filter", message: this.message };
    if (this.supportedAttributes !== undefined || this.supportedOperators !== undefined) {
      detail.innerError = {};
      if (this.supportedAttributes !== undefined) {
        detail.innerError.supportedAttributes = [...this.supportedAttributes];
      }
      if (this.supportedOperators !== undefined) {
        detail.innerError.supportedOperators = [...this.supportedOperators];
      }
    }
    return detail;
  }
}
