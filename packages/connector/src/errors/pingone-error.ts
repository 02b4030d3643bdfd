import { inspect } from "node:util";
import { redactValue, scrubText } from "../redaction/redact.js";

/** Every stable error code the connector raises. Branch on `code`, never on message text. */
export type PingOneErrorCode =
  | "CONFIGURATION_ERROR"
  | "TOKEN_ERROR"
  | "NOT_FOUND"
  | "INVALID_DATA"
  | "UNIQUENESS_VIOLATION"
  | "ACCESS_FAILED"
  | "RATE_LIMITED"
  | "INVALID_REQUEST"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNEXPECTED_ERROR"
  | "TIMEOUT"
  | "NETWORK_ERROR"
  | "TLS_ERROR"
  | "PROXY_ERROR"
  | "ABORTED"
  | "DIRECTORY_UNREACHABLE"
  | "DIRECTORY_TIMEOUT"
  | "DIRECTORY_TLS_ERROR"
  | "DIRECTORY_BIND_REFUSED"
  | "DIRECTORY_ERROR";

/**
 * The root of the connector's error family. The message is scrubbed of secrets when the error
 * is built; `toJSON()` and `util.inspect` show only redacted, serialisable fields.
 */
export class PingOneError extends Error {
  readonly code: PingOneErrorCode;

  constructor(
    code: PingOneErrorCode,
    message: string,
    options?: {
      cause?: unknown;
      /** Secret values of this call (passwords, codes) to scrub as well. */
      scrub?: readonly string[];
      /** The client's registry of secrets; the process one by default. */
      secrets?: Iterable<string>;
    },
  ) {
    super(
      scrubText(message, options?.scrub, options?.secrets),
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = new.target.name;
    this.code = code;
  }

  /** The fields worth showing; subclasses add theirs. */
  protected fields(): Record<string, unknown> {
    return {};
  }

  toJSON(): Record<string, unknown> {
    return redactValue({
      name: this.name,
      code: this.code,
      message: this.message,
      ...this.fields(),
    }) as Record<string, unknown>;
  }

  [inspect.custom](): string {
    return `${this.name} ${inspect(this.toJSON(), { depth: 6, breakLength: 100 })}`;
  }
}
