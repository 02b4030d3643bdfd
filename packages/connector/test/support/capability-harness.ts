import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { findCapability } from "../../src/capabilities/index.js";
import type { PingOneClient } from "../../src/client/types.js";
import type { Connector } from "../../src/connector.js";
import {
  type DaVinciEnvelope,
  type DaVinciFailure,
  type DaVinciSuccess,
  type DaVinciUserView,
  toDaVinciEnvelope,
} from "../../src/envelopes/davinci.js";
import { compileSchema } from "./schema-validator.js";

/**
 * Invokes a capability that must succeed; its DaVinci output is checked against the
 * capability's own output schema before it is returned.
 */
export async function invokeOk(
  connector: Connector,
  id: string,
  input: unknown,
): Promise<DaVinciSuccess["output"]> {
  return checkedOutput(id, toDaVinciEnvelope(await connector.invoke(id, input)));
}

/** Continues a user-view capability with a submission that must succeed; its output is checked as `invokeOk`'s. */
export async function continueOk(
  connector: Connector,
  id: string,
  submission: unknown,
): Promise<DaVinciSuccess["output"]> {
  return checkedOutput(id, toDaVinciEnvelope(await connector.continue(id, submission)));
}

/** Continues a user-view capability with a submission that must fail, and returns its DaVinci error. */
export async function continueError(
  connector: Connector,
  id: string,
  submission: unknown,
): Promise<DaVinciFailure["error"]> {
  const envelope = toDaVinciEnvelope(await connector.continue(id, submission));
  if (!("error" in envelope))
    throw new Error(`${id}_continue succeeded unexpectedly: ${JSON.stringify(envelope)}`);
  return envelope.error;
}

/** Invokes a user-view capability that must answer its screen; the view is checked against its schema. */
export async function invokeUserView(
  connector: Connector,
  id: string,
  input: unknown,
): Promise<DaVinciUserView["payload"]> {
  const envelope = toDaVinciEnvelope(await connector.invoke(id, input));
  if (!("action" in envelope)) throw new Error(`${id} showed no user view: ${JSON.stringify(envelope)}`);
  const validate = compileSchema(findCapability(id)!.userView!.view);
  expect(validate(envelope.payload.properties), JSON.stringify(validate.errors)).toBe(true);
  return envelope.payload;
}

function checkedOutput(id: string, envelope: DaVinciEnvelope): DaVinciSuccess["output"] {
  if ("error" in envelope) {
    throw new Error(`${id} failed: ${envelope.error.code} ${envelope.error.message}`);
  }
  if ("action" in envelope) throw new Error(`${id} answered a user view where an output was expected`);
  expect(envelope.eventName).toBe("continue");
  const validate = compileSchema(findCapability(id)!.output);
  expect(validate(envelope.output), JSON.stringify(validate.errors)).toBe(true);
  return envelope.output;
}

/** Invokes a capability that must fail and returns its DaVinci error. */
export async function invokeError(
  connector: Connector,
  id: string,
  input: unknown,
): Promise<DaVinciFailure["error"]> {
  const envelope = toDaVinciEnvelope(await connector.invoke(id, input));
  if (!("error" in envelope)) throw new Error(`${id} succeeded unexpectedly: ${JSON.stringify(envelope)}`);
  return envelope.error;
}

/** Creates a user with a password through PingOne's import media type (setup, not the code under test). */
export async function createUserWithPassword(
  client: PingOneClient,
  password: string,
  attributes: Record<string, unknown> = {},
): Promise<{ id: string; username: string; email: string } & Record<string, unknown>> {
  const username = `user-${randomUUID().slice(0, 8)}`;
  const response = await client.request<{ id: string; username: string; email: string }>({
    method: "POST",
    path: `/environments/${client.environmentId}/users`,
    contentType: "application/vnd.pingidentity.user.import+json",
    body: {
      username,
      email: `${username}@example.com`,
      password: { value: password, forceChange: false },
      ...attributes,
    },
  });
  return response.body;
}

/**
 * A password that satisfies the emulator's default Standard policy; random per call. Its
 * characters are never neighbours in the alphabet, on the keyboard or repeated, so no
 * sequence or repetition rule can refuse it.
 */
export function strongPassword(): string {
  const pool = "kxmtq2580";
  let out = "Hv7#";
  while (out.length < 18) {
    const next = pool[Math.floor(Math.random() * pool.length)]!;
    if (next !== out.at(-1)) out += next;
  }
  return out;
}
