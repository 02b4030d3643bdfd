import { randomUUID } from "node:crypto";
import type { PingOneClient } from "../client/types.js";
import { type SwimlaneEnvelope, toSwimlaneEnvelope } from "../envelopes/swimlane.js";
import { ActionInputError } from "./action-errors.js";
import { buildActionRequest } from "./action-request.js";
import { requireAction } from "./index.js";

export interface RunActionOptions {
  signal?: AbortSignal;
  /** `X-Ping-External-Transaction-Id` of the call; a fresh UUID by default. */
  transactionId?: string;
}

/**
 * Runs one Swimlane action and returns `{ status_code, response_headers, reason, json_body }`
 * for whatever PingOne answers, 4xx and 5xx included. It rejects only when no answer can be
 * had: an unknown action or invalid input ({@link ActionInputError}, before any call), or a
 * configuration, token or transport failure from the client.
 *
 * @example
 * const envelope = await runAction(client, "get_user_by_id", {
 *   path_parameters: { userID }, parameters: { expand: "population" },
 * });
 */
export async function runAction(
  client: PingOneClient,
  name: string,
  input: unknown,
  options: RunActionOptions = {},
): Promise<SwimlaneEnvelope> {
  const action = requireAction(name);
  const built = buildActionRequest(action, input, client.environmentId);
  if (!built.ok) throw new ActionInputError(name, built.problems);
  const response = await client.send({
    ...built.request,
    signal: options.signal,
    transactionId: options.transactionId ?? randomUUID(),
  });
  return toSwimlaneEnvelope(response);
}
