import type { ApiResponse } from "../../client/types.js";
import type { ValidationProblem } from "../../input/problem.js";
import type { InputWarning } from "../../input/warning.js";

/** The HTTP response a capability's outcome is about, as the envelopes need it. */
export interface HttpOutcome {
  status: number;
  statusText: string;
  /** Lower-case header names; `set-cookie` and credential headers removed. */
  headers: Record<string, string>;
  /** Parsed JSON, or `undefined` for an empty body. */
  body: unknown;
}

/** One PingOne error response behind a failure, as DaVinci's `error.details[]` shows it. */
export interface FailureDetail {
  rawResponse: unknown;
  statusCode: number;
}

/**
 * A capability that succeeded. `P` types its projections: `connector.invoke("userLookup", ...)`
 * gives the output type of `userLookup` without the envelope fields.
 */
export interface CapabilitySuccess<P extends Record<string, unknown> = Record<string, unknown>> {
  ok: true;
  /** The projections (`user`, `passwordState`, `matchedUser`, ...), without the envelope fields. */
  output: P;
  /** The main PingOne response; `rawResponse`, `statusCode` and `headers` come from it. */
  response: HttpOutcome;
  /** Overrides `rawResponse` where a capability documents a composite one (userLookup). */
  rawResponse?: unknown;
  /** False for capabilities whose output has no `rawResponse` (deleteAccountLink). */
  includeRawResponse?: boolean;
  /** The input properties the capability ignored; absent when there are none. */
  warnings?: InputWarning[];
  /**
   * Set by the first step of a user-view capability: the screen to show. `output` is then empty,
   * and the person's submission continues the capability (docs/connector-capabilities.md#user-views).
   */
  userView?: UserView;
}

/** A screen a capability asks its caller to show (DaVinci `sendUserView`). */
export interface UserView {
  /** The view's id, DaVinci's `payload.id`. */
  id: string;
  /** What the screen shows, as the capability's view schema describes it. */
  properties: Record<string, unknown>;
}

export interface CapabilityFailure {
  ok: false;
  /** The capability's error key: `noUserMatch`, `passwordNotValid`, `invalidInput`, ... */
  code: string;
  message: string;
  /**
   * PingOne's HTTP status; 400 for input the connector refused. Absent when PingOne gave no HTTP
   * answer (`connectionFailed`): no status is invented for a transport failure.
   */
  httpResponseCode?: number;
  details: FailureDetail[];
  /** The failing PingOne response, when there was one. */
  response?: HttpOutcome;
  /** Every input problem, for `invalidInput` raised by validation. */
  problems?: ValidationProblem[];
  /** PingOne's error id and Correlation-Id, to quote when reporting a problem. */
  pingOneId?: string;
  correlationId?: string;
  /**
   * True when a write failed in a way that does not tell whether PingOne applied it (a 5xx, or a
   * connection lost after the request was sent): check before repeating it.
   */
  outcomeUnknown?: boolean;
  /** The run's `X-Ping-External-Transaction-Id`, which PingOne records in its audit events. */
  transactionId?: string;
  /** The input properties the capability ignored; absent when there are none. */
  warnings?: InputWarning[];
}

/** The one internal result of a capability run; every outer shape is derived from it. */
export type CapabilityResult<P extends Record<string, unknown> = Record<string, unknown>> =
  | CapabilitySuccess<P>
  | CapabilityFailure;

/** Response headers worth returning: lower-case, without cookies or credentials. */
function outcomeHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === "set-cookie" || lower === "authorization" || lower === "proxy-authorization") continue;
    out[lower] = value;
  }
  return out;
}

export function toOutcome(
  response: Pick<ApiResponse, "status" | "statusText" | "headers" | "body">,
): HttpOutcome {
  return {
    status: response.status,
    statusText: response.statusText,
    headers: outcomeHeaders(response.headers),
    body: response.body,
  };
}

/** A success built from the capability's main response. */
export function succeed(
  output: Record<string, unknown>,
  response: Pick<ApiResponse, "status" | "statusText" | "headers" | "body">,
  options: { rawResponse?: unknown; includeRawResponse?: boolean } = {},
): CapabilitySuccess {
  const result: CapabilitySuccess = { ok: true, output, response: toOutcome(response) };
  if ("rawResponse" in options) result.rawResponse = options.rawResponse;
  if (options.includeRawResponse === false) result.includeRawResponse = false;
  return result;
}
