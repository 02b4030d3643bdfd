import { afterAll, beforeAll, expect, it } from "vitest";
import { findAction } from "../../src/actions/index.js";
import { type Connector, createConnector } from "../../src/connector.js";
import type { SwimlaneEnvelope } from "../../src/envelopes/swimlane.js";
import { type EmulatorEnvironment, startEmulatorEnvironment } from "../support/emulator-environment.js";
import { compileSchema } from "../support/schema-validator.js";

/**
 * Sessions, role assignments and linked accounts have no PingOne create call a worker can make
 * for all of them, so this environment is seeded through the emulator's back door.
 */
const SEED = {
  environments: [
    {
      name: "Seeded directory",
      users: [{ username: "ada", email: "ada@example.com" }],
      identityProviders: [{ type: "GOOGLE", name: "Google", clientId: "abc", clientSecret: "xyz" }],
      linkedAccounts: [{ user: "ada", identityProvider: "Google", externalId: "10987654321" }],
      sessions: [
        {
          user: "ada",
          createdAt: "2025-05-01T08:00:00Z",
          activeAt: "2025-05-01T08:30:00Z",
          remoteIp: "192.0.2.1",
          locations: [{ at: "2025-05-01T08:00:00Z", remoteIp: "192.0.2.1", city: "Lyon", country: "France" }],
        },
        { user: "ada", createdAt: "2025-06-01T08:00:00Z", remoteIp: "192.0.2.2" },
      ],
      roleAssignments: [{ user: "ada", role: "Identity Data Admin" }],
    },
  ],
};

let env: EmulatorEnvironment;
let connector: Connector;
let adaId: string;

beforeAll(async () => {
  env = await startEmulatorEnvironment();
  const response = await fetch(`${env.url}/_emulator/seed`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(SEED),
  });
  expect(response.status).toBe(201);
  const summary = (await response.json()) as {
    environments: { environmentId: string; workers: { clientId: string; clientSecret: string }[] }[];
  };
  const seeded = summary.environments[0]!;
  connector = createConnector(
    {
      environmentId: seeded.environmentId,
      clientId: seeded.workers[0]!.clientId,
      clientSecret: seeded.workers[0]!.clientSecret,
      apiUrl: env.url,
      authUrl: env.url,
    },
    { client: { retry: { maxAttempts: 1 } } },
  );
  const users = await connector.runAction("get_users", { parameters: { filter: 'username eq "ada"' } });
  adaId = (users.json_body as { _embedded: { users: { id: string }[] } })._embedded.users[0]!.id;
});

afterAll(async () => {
  await connector?.close();
  await env?.stop();
});

function expectValidOutput(name: string, envelope: SwimlaneEnvelope): void {
  const validate = compileSchema(findAction(name)!.outputSchema);
  expect(validate(envelope), JSON.stringify(validate.errors)).toBe(true);
}

it("get_all_sessions lists the user's sessions, newest first, with their locations", async () => {
  const envelope = await connector.runAction("get_all_sessions", { path_parameters: { userID: adaId } });
  expect(envelope.status_code).toBe(200);
  const sessions = (envelope.json_body as { _embedded: { sessions: Record<string, unknown>[] } })._embedded
    .sessions;
  expect(sessions).toHaveLength(2);
  expect(sessions[0]).toMatchObject({ user: { id: adaId }, createdAt: expect.stringMatching(/^2025-06-01/) });
  expect(sessions[1]).toMatchObject({
    locations: [expect.objectContaining({ city: "Lyon", remoteIp: "192.0.2.1" })],
  });
  expectValidOutput("get_all_sessions", envelope);
});

it("get_role_assignments lists the user's roles with their scope", async () => {
  const envelope = await connector.runAction("get_role_assignments", { path_parameters: { userID: adaId } });
  expect(envelope.status_code).toBe(200);
  expect(envelope.json_body).toMatchObject({
    _embedded: { roleAssignments: [{ role: { id: expect.any(String) }, scope: { type: "ENVIRONMENT" } }] },
    count: 1,
  });
  expectValidOutput("get_role_assignments", envelope);
});

it("get_linked_accounts lists the user's links", async () => {
  const envelope = await connector.runAction("get_linked_accounts", {
    path_parameters: { userID: adaId },
    parameters: { expand: "identityProviders" },
  });
  expect(envelope.status_code).toBe(200);
  expect(envelope.json_body).toMatchObject({
    _embedded: { linkedAccounts: [{ externalId: "10987654321", user: { id: adaId } }] },
    count: 1,
  });
  expectValidOutput("get_linked_accounts", envelope);
});
