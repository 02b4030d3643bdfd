import type { CapabilityFailure, CapabilityResult, CapabilitySuccess } from "../capabilities/kit/result.js";

/** The fields every DaVinci output carries besides the projections. */
export interface DaVinciOutputFields {
  rawResponse?: unknown;
  statusCode: number;
  headers: Record<string, string>;
}

/** DaVinci success: `{ eventName: "continue", output }`. */
export interface DaVinciSuccess {
  eventName: "continue";
  output: Record<string, unknown> & DaVinciOutputFields;
}

/** DaVinci failure: what the engine stores as `payload.error` (docs/connector-service.md#davinci-output). */
export interface DaVinciFailure {
  error: {
    code: string;
    message: string;
    httpResponseCode: number;
    details: Array<{ rawResponse: unknown; statusCode: number }>;
    output: { rawResponse: unknown; statusCode: number; headers: Record<string, string> };
    /** Every input problem, when `code` is `invalidInput` from validation. */
    problems?: Array<{ path: string; keyword: string; message: string }>;
    correlationId?: string;
    /** A write that may have been applied although it failed: check before repeating it. */
    outcomeUnknown?: boolean;
    transactionId?: string;
  };
}

/**
 * The first step of a user-view capability: the screen to show. The person's submission then
 * goes to `<cap>_continue` (docs/connector-service.md#davinci-output).
 */
export interface DaVinciUserView {
  action: "sendUserView";
  payload: { id: string; properties: Record<string, unknown> };
}

export type DaVinciEnvelope = DaVinciSuccess | DaVinciFailure | DaVinciUserView;

/** Builds the DaVinci shape from the one internal result (docs/connector-service.md#davinci-output). */
export function toDaVinciEnvelope(result: CapabilityResult): DaVinciEnvelope {
  if (!result.ok) return davinciFailure(result);
  if (result.userView) return { action: "sendUserView", payload: { ...result.userView } };
  return davinciSuccess(result);
}

function davinciSuccess(result: CapabilitySuccess): DaVinciSuccess {
  const { response } = result;
  const output: DaVinciSuccess["output"] = {
    ...result.output,
    statusCode: response.status,
    headers: response.headers,
  };
  if (result.includeRawResponse !== false) {
    output.rawResponse = "rawResponse" in result ? result.rawResponse : (response.body ?? {});
  }
  return { eventName: "continue", output };
}

function davinciFailure(result: CapabilityFailure): DaVinciFailure {
  const error: DaVinciFailure["error"] = {
    code: result.code,
    message: result.message,
    httpResponseCode: result.httpResponseCode,
    details: result.details,
    output: {
      rawResponse: result.response?.body ?? {},
      statusCode: result.response?.status ?? result.httpResponseCode,
      headers: result.response?.headers ?? {},
    },
  };
  if (result.problems) error.problems = result.problems;
  if (result.correlationId) error.correlationId = result.correlationId;
  if (result.outcomeUnknown) error.outcomeUnknown = true;
  if (result.transactionId) error.transactionId = result.transactionId;
  return { error };
}
