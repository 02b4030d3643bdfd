import { PingOneError } from "../../errors/pingone-error.js";

/** The token endpoint refused the worker app's credentials, or could not be reached. */
export class PingOneTokenError extends PingOneError {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly status: number | undefined;
  /** The OAuth error code: `invalid_client`, `unauthorized_client`, ... */
  readonly oauthError: string | undefined;

  constructor(init: {
    tokenUrl: string;
    clientId: string;
    status?: number;
    oauthError?: string;
    description?: string;
    cause?: unknown;
    /** The client's registry of secrets, scrubbed from the message. */
    secrets?: Iterable<string>;
  }) {
    const what = init.oauthError
      ? `${init.oauthError}${init.description ? ` (${init.description})` : ""}`
      : (init.description ?? "no usable token in the response");
    super(
      "TOKEN_ERROR",
      `PingOne token request for client ${init.clientId} at ${init.tokenUrl} failed${init.status ? ` with ${init.status}` : ""}: ${what}`,
      { cause: init.cause, secrets: init.secrets },
    );
    this.tokenUrl = init.tokenUrl;
    this.clientId = init.clientId;
    this.status = init.status;
    this.oauthError = init.oauthError;
  }

  protected override fields(): Record<string, unknown> {
    return {
      tokenUrl: this.tokenUrl,
      clientId: this.clientId,
      status: this.status,
      oauthError: this.oauthError,
    };
  }
}
