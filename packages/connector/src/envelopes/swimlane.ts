import { STATUS_CODES } from "node:http";
import { type Static, type TSchema, Type } from "@sinclair/typebox";

/** The parts of an HTTP response the Swimlane envelope is built from. */
export interface SwimlaneResponseSource {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  /** Parsed JSON, the raw text of a non-JSON body, or `undefined` for an empty body. */
  body: unknown;
}

/**
 * The output schema of a Swimlane action: one envelope for every HTTP response, 2xx or not.
 * `jsonBody` describes the documented success body; it stays open because a 4xx/5xx carries
 * PingOne's error body `{id, code, message, details}` in the same field.
 */
export function swimlaneEnvelopeSchema(jsonBody: TSchema = Type.Object({})) {
  return Type.Object(
    {
      status_code: Type.Integer({ description: "HTTP status code of the response" }),
      response_headers: Type.Record(Type.String(), Type.String(), {
        description: "Response headers, lower-case names (e.g. content-type, date, correlation-id)",
      }),
      reason: Type.String({ description: "Response reason phrase, e.g. OK" }),
      json_body: Type.Optional(
        Type.Union([jsonBody, Type.Array(Type.Unknown())], { description: "The parsed JSON response body" }),
      ),
      response_text: Type.Optional(
        Type.String({ description: "The raw response body, when it is empty or not JSON" }),
      ),
    },
    { additionalProperties: false },
  );
}

export const SwimlaneEnvelopeSchema = swimlaneEnvelopeSchema();

export type SwimlaneEnvelope = Static<typeof SwimlaneEnvelopeSchema>;

/**
 * Builds `{ status_code, response_headers, reason, json_body }` from any response; a body that is
 * not a JSON object or array (plain text, HTML from a proxy, an empty 204) goes to `response_text`,
 * as Swimlane Turbine's HTTP connectors do (docs/connector-service.md#swimlane-envelope).
 */
export function toSwimlaneEnvelope(response: SwimlaneResponseSource): SwimlaneEnvelope {
  const envelope: SwimlaneEnvelope = {
    status_code: response.status,
    response_headers: { ...response.headers },
    // HTTP/2 and some proxies send no reason phrase; fall back to the standard one.
    reason: response.statusText || STATUS_CODES[response.status] || "",
  };
  const { body } = response;
  if (body !== null && typeof body === "object") envelope.json_body = body as Record<string, unknown>;
  else
    envelope.response_text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  return envelope;
}

/**
 * How the envelope is handed to Swimlane: the PingOne Identity page shows a bare object (the
 * default); other Turbine connector pages show it wrapped in a one-element array
 * (docs/connector-service.md#envelope-array-option).
 */
export type SwimlaneEnvelopeStyle = "object" | "array";

export const SWIMLANE_ENVELOPE_STYLES: readonly SwimlaneEnvelopeStyle[] = ["object", "array"];

export function presentSwimlaneEnvelope(
  envelope: SwimlaneEnvelope,
  style: SwimlaneEnvelopeStyle = "object",
): SwimlaneEnvelope | [SwimlaneEnvelope] {
  return style === "array" ? [envelope] : envelope;
}

export function isSwimlaneEnvelopeStyle(value: unknown): value is SwimlaneEnvelopeStyle {
  return SWIMLANE_ENVELOPE_STYLES.includes(value as SwimlaneEnvelopeStyle);
}
