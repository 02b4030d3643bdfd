import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorContext } from "../../src/context.js";
import { seedDirectory } from "../../src/seed/directory-seed.js";
import { createSession } from "../../src/store/sessions.js";
import { expectCollection, expectMatchesSchema, expectPingOneError } from "../contract/schema-validators.js";
import { type DirectoryTestEnvironment, startDirectoryTestEnvironment } from "./directory-test-client.js";

let env: DirectoryTestEnvironment;
let ctx: EmulatorContext;

beforeAll(async () => {
  env = await startDirectoryTestEnvironment();
  ctx = { db: env.emulator.db, clock: env.emulator.clock, settings: env.emulator.settings };
});

afterAll(async () => {
  await env.emulator.stop();
});

// Sessions come from sign-ons, which the management API does not perform: tests create them the two ways
// the emulator does, through the seed and through createSession (what a successful password check calls).

describe("sessions", () => {
  it("lists seeded sessions newest first, reads one and deletes it", async () => {
    const userId = await env.createUser("session.user");
    seedDirectory(
      ctx,
      env.environmentId,
      {
        sessions: [
          {
            id: "5a1b2c3d-0000-4000-8000-000000000001",
            user: "session.user",
            createdAt: "2025-03-01T10:00:00.000Z",
            remoteIp: "198.51.100.7",
            userAgent: "Mozilla/5.0",
            browser: { name: "Firefox", version: "128" },
            operatingSystem: { name: "Linux" },
            deviceType: "Desktop",
            locations: [
              { at: "2025-03-01T10:00:00.000Z", remoteIp: "198.51.100.7", city: "Lyon", country: "France" },
            ],
          },
          { id: "5a1b2c3d-0000-4000-8000-000000000002", user: userId, createdAt: "2025-03-02T10:00:00.000Z" },
        ],
      },
      "test",
    );

    const listed = await env.api("GET", `/users/${userId}/sessions`);
    expect(listed.status).toBe(200);
    expectCollection(listed.body, "sessions");
    expect(listed.body).toMatchObject({ count: 2, size: 2 });
    expect(listed.body._embedded.sessions.map((s: { id: string }) => s.id)).toEqual([
      "5a1b2c3d-0000-4000-8000-000000000002",
      "5a1b2c3d-0000-4000-8000-000000000001",
    ]);

    const one = await env.api("GET", `/users/${userId}/sessions/5a1b2c3d-0000-4000-8000-000000000001`);
    expect(one.status).toBe(200);
    expectMatchesSchema(one.body, "Session");
    expect(one.body).toMatchObject({
      user: { id: userId },
      createdAt: "2025-03-01T10:00:00.000Z",
      lastSignOn: { at: "2025-03-01T10:00:00.000Z", remoteIp: "198.51.100.7" },
      browser: { name: "Firefox", version: "128" },
      device: { type: "Desktop" },
      locations: [{ at: "2025-03-01T10:00:00.000Z", city: "Lyon", country: "France" }],
    });

    const deleted = await env.api("DELETE", `/users/${userId}/sessions/5a1b2c3d-0000-4000-8000-000000000001`);
    expect(deleted.status).toBe(204);
    const gone = await env.api("GET", `/users/${userId}/sessions/5a1b2c3d-0000-4000-8000-000000000001`);
    expect(gone.status).toBe(404);
    expectPingOneError(404, gone.body);
    expect((await env.api("GET", `/users/${userId}/sessions`)).body.count).toBe(1);
  });

  it("keeps only the newest 10 sessions per user", async () => {
    const userId = await env.createUser("busy.user");
    const ids: string[] = [];
    for (let signOn = 0; signOn < 12; signOn += 1) {
      env.emulator.clock.advance(60);
      ids.push(
        createSession(env.emulator.db, {
          environmentId: env.environmentId,
          userId,
          now: env.emulator.clock.now(),
          signOn: { remoteIp: `203.0.113.${signOn}` },
        }).id,
      );
    }
    const listed = await env.api("GET", `/users/${userId}/sessions`);
    expectCollection(listed.body, "sessions");
    expect(listed.body.size).toBe(10);
    expect(listed.body._embedded.sessions.map((s: { id: string }) => s.id)).toEqual(ids.slice(2).reverse());
    expect(listed.body._embedded.sessions[0].lastSignOn.remoteIp).toBe("203.0.113.11");
  });

  it("answers 404 for an unknown user or session and drops sessions with the user", async () => {
    const missingUser = await env.api("GET", "/users/3f1d9a52-0000-4000-8000-000000000000/sessions");
    expect(missingUser.status).toBe(404);
    expectPingOneError(404, missingUser.body);
    const userId = await env.createUser("short.session");
    const session = createSession(env.emulator.db, {
      environmentId: env.environmentId,
      userId,
      now: env.emulator.clock.now(),
    });
    expect((await env.api("DELETE", `/users/${userId}/sessions/not-a-session`)).status).toBe(404);
    expect((await env.api("DELETE", `/users/${userId}`)).status).toBe(204);
    const rows = env.emulator.db
      .prepare("SELECT COUNT(*) FROM sessions WHERE id = ?")
      .pluck()
      .get(session.id);
    expect(rows).toBe(0);
  });

  it("requires Identity Data Admin", async () => {
    const other = await env.environmentWithRoles(["Environment Admin"]);
    const refused = await env.api("GET", `/v1/environments/${other.environmentId}/users/x/sessions`, {
      token: other.token,
    });
    expect(refused.status).toBe(403);
    expectPingOneError(403, refused.body);
  });
});
