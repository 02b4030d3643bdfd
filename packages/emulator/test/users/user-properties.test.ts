import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorFixture, startEmulatorFixture } from "../support/emulator-harness.js";

describe("user population, enabled and mfaEnabled", () => {
  let fixture: EmulatorFixture;
  let userId: string;

  beforeAll(async () => {
    fixture = await startEmulatorFixture();
    userId = (await fixture.api("POST", "/users", { body: { username: "mover", email: "m@example.com" } }))
      .body.id;
  });
  afterAll(() => fixture.stop());

  it("reads and moves the user's population", async () => {
    const current = await fixture.api("GET", `/users/${userId}/population`);
    expect(current.status).toBe(200);
    expect(current.body).toEqual({ _links: expect.any(Object), id: expect.any(String) });
    const target = await fixture.api("POST", "/populations", { body: { name: "Contractors" } });
    const moved = await fixture.api("PUT", `/users/${userId}/population`, { body: { id: target.body.id } });
    expect(moved.status).toBe(200);
    expect(moved.body.id).toBe(target.body.id);
    expect((await fixture.api("GET", `/users/${userId}`)).body.population.id).toBe(target.body.id);
    const unknown = await fixture.api("PUT", `/users/${userId}/population`, {
      body: { id: crypto.randomUUID() },
    });
    expect(unknown.status).toBe(400);
    expect((await fixture.api("PUT", `/users/${userId}/population`, { body: {} })).status).toBe(400);
    expect((await fixture.api("GET", `/users/${userId}/population`)).body.id).toBe(target.body.id);
  });

  it("reads and sets enabled", async () => {
    expect((await fixture.api("GET", `/users/${userId}/enabled`)).body.enabled).toBe(true);
    const disabled = await fixture.api("PUT", `/users/${userId}/enabled`, { body: { enabled: false } });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({
      enabled: false,
      _links: { self: { href: expect.stringContaining("/enabled") } },
    });
    expect((await fixture.api("GET", `/users/${userId}`)).body.enabled).toBe(false);
    const wrongType = await fixture.api("PUT", `/users/${userId}/enabled`, { body: { enabled: "yes" } });
    expect(wrongType.status).toBe(400);
    expect((await fixture.api("GET", `/users/${userId}/enabled`)).body.enabled).toBe(false);
    expect((await fixture.api("GET", `/users/${crypto.randomUUID()}/enabled`)).status).toBe(404);
  });

  it("reads and sets mfaEnabled, false for a new user", async () => {
    const read = await fixture.api("GET", `/users/${userId}/mfaEnabled`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      _links: { self: { href: expect.stringContaining("/mfaEnabled") }, user: expect.any(Object) },
      mfaEnabled: false,
    });
    const on = await fixture.api("PUT", `/users/${userId}/mfaEnabled`, { body: { mfaEnabled: true } });
    expect(on.status).toBe(200);
    expect(on.body.mfaEnabled).toBe(true);
    expect((await fixture.api("GET", `/users/${userId}`)).body.mfaEnabled).toBe(true);
    for (const body of [{ mfaEnabled: "true" }, {}]) {
      const refused = await fixture.api("PUT", `/users/${userId}/mfaEnabled`, { body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.code).toBe("INVALID_DATA");
    }
    expect((await fixture.api("GET", `/users/${userId}/mfaEnabled`)).body.mfaEnabled).toBe(true);
    const missing = await fixture.api("PUT", `/users/${crypto.randomUUID()}/mfaEnabled`, {
      body: { mfaEnabled: true },
    });
    expect(missing.status).toBe(404);
  });
});
