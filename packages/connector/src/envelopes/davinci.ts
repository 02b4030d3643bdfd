import type { CapabilityFailure, CapabilityResult, CapabilitySuccess } from "../capabilities/kit/result.js";
import type { InputWarning } from "../input/warning.js";

/** The fields every DaVinci output carries besides the projections. */
export interface DaVinciOutputFields {
  rawResponse?: unknown;
  statusCode: number;
  headers: Record<string, string>;
}

/** DaVinci success: `{ eventName: "continue", output }`; `P` types the projections, as in the result. */
export interface DaVinciSuccess<P extends Record<string, unknown> = Record<string, unknown>> {
  eventName: "continue";
  output: P & DaVinciOutputFields;
  /** The input properties the capability ignored, when there are any (docs/connector-service.md#davinci-output). */
  warnings?: InputWarning[];
}

/** DaVinci failure: what the engine stores as `payload.error` (docs/connector-service.md#davinci-output). */
export interface DaVinciFailure {
  error: {
    code: string;
    message: string;
    /** PingOne's HTTP status; absent when PingOne gave no HTTP answer (`connectionFailed`). */
    httpResponseCode?: number;
    details: Array<{ rawResponse: unknown; statusCode: number }>;
    /** The PingOne response the failure was decided on; `statusCode` absent when there was none. */
    output: { rawResponse: unknown; statusCode?: number; headers: Record<string, string> };
    /** Every input problem, when `code` is `invalidInput` from validation. */
    problems?: Array<{ path: string; keyword: string; message: string }>;
    correlationId?: string;
    /** A write that may have been applied although it failed: check before repeating it. */
    outcomeUnknown?: boolean;
    transactionId?: string;
  };
  /** The input properties the capability ignored, when there are any. */
  warnings?: InputWarning[];
}

/**
 * The first step of a user-view capability: the screen to show. The person's submission then
 * goes to `<cap>_continue` (docs/connector-service.md#davinci-output).
 */
export interface DaVinciUserView {
  action: "sendUserView";
  payload: { id: string; properties: Record<string, unknown> };
  /** The input properties the capability ignored, when there are any. */
  warnings?: InputWarning[];
}

export type DaVinciEnvelope<P extends Record<string, unknown> = Record<string, unknown>> =
  | DaVinciSuccess<P>
  | DaVinciFailure
  | DaVinciUserView;

/** Builds the DaVinci shape from the one internal result (docs/connector-service.md#davinci-output). */
export function toDaVinciEnvelope<P extends Record<string, unknown>>(
  result: CapabilityResult<P>,
): DaVinciEnvelope<P> {
  if (!result.ok) return davinciFailure(result);
  if (result.userView) {
    const view: DaVinciUserView = { action: "sendUserView", payload: { ...result.userView } };
    if (result.warnings) view.warnings = result.warnings;
    return view;
  }
  return davinciSuccess(result);
}

function davinciSuccess<P extends Record<string, unknown>>(result: CapabilitySuccess<P>): DaVinciSuccess<P> {
  const { response } = result;
  const output: DaVinciSuccess<P>["output"] = {
    ...result.output,
    statusCode: response.status,
    headers: response.headers,
  };
  if (result.includeRawResponse !== false) {
    output.rawResponse = "rawResponse" in result ? result.rawResponse : (response.body ?? {});
  }
  const envelope: DaVinciSuccess<P> = { eventName: "continue", output };
  if (result.warnings) envelope.warnings = result.warnings;
  return envelope;
}

function davinciFailure(result: CapabilityFailure): DaVinciFailure {
  const statusCode = result.response?.status ?? result.httpResponseCode;
  const error: DaVinciFailure["error"] = {
    code: result.code,
    message: result.message,
    ...(result.httpResponseCode === undefined ? {} : { httpResponseCode: result.httpResponseCode }),
    details: result.details,
    output: {
      rawResponse: result.response?.body ?? {},
      ...(statusCode === undefined ? {} : { statusCode }),
      headers: result.response?.headers ?? {},
    },
  };
  if (result.problems) error.problems = result.problems;
  if (result.correlationId) error.correlationId = result.correlationId;
  if (result.outcomeUnknown) error.outcomeUnknown = true;
  if (result.transactionId) error.transactionId = result.transactionId;
  const envelope: DaVinciFailure = { error };
  if (result.warnings) envelope.warnings = result.warnings;
  return envelope;
}
