import type { TObject } from "@sinclair/typebox";

/** A Swimlane "PingOne Identity" action: one HTTP call described by data, as Turbine's action YAML does. */
export interface ActionDefinition {
  /** snake_case action name, e.g. `get_users` (also the action YAML file name). */
  name: string;
  title: string;
  description: string;
  method: "GET" | "POST";
  /**
   * Relative to the asset's `url` (the API host root), with `{{envID}}`/`{{userID}}` placeholders
   * filled from `path_parameters`, e.g. `v1/environments/{{envID}}/users`.
   */
  endpoint: string;
  /** `{ path_parameters?, parameters?, headers?, json_body? }`: only the groups the action uses. */
  inputSchema: TObject;
  /** The envelope `{ status_code, response_headers, reason, json_body | response_text }`. */
  outputSchema: TObject;
  /** The PingOne action media type sent when `headers` carry no `Content-Type` (lock, unlock). */
  defaultContentType?: string;
  /**
   * POST actions whose repetition leaves the same state (lock, unlock) may be retried after a
   * transient failure; other POSTs are never replayed.
   */
  idempotent?: boolean;
}
