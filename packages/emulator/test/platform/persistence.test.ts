import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { fetchToken, provisionEnvironment, send } from "../support/emulator-harness.js";

describe("persistence on a --db file", () => {
  const directory = mkdtempSync(join(tmpdir(), "pingone-emulator-"));
  const dbPath = join(directory, "emulator.db");
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("keeps every write across a restart on the same file, in WAL mode", async () => {
    const first = createEmulator({ dbPath });
    const { url } = await first.start({ port: 0 });
    expect(first.db.pragma("journal_mode", { simple: true })).toBe("wal");
    const environment = await provisionEnvironment(url, {
      name: "Persistent",
      customUserAttributes: ["badge"],
    });
    const token = await fetchToken(environment);
    const api = (base: string, method: string, path: string, options: Record<string, unknown> = {}) =>
      send(method, `${base}/v1/environments/${environment.environmentId}${path}`, { token, ...options });
    const population = await api(url, "POST", "/populations", {
      body: { name: "Kept", alternativeIdentifiers: ["k"] },
    });
    const user = await api(url, "POST", "/users", {
      contentType: "application/vnd.pingidentity.user.import+json",
      body: {
        username: "durable",
        email: "durable@example.com",
        badge: "B7",
        population: { id: population.body.id },
        password: "Tq8#vLm2!xRp",
      },
    });
    expect(user.status).toBe(201);
    await api(url, "POST", `/users/${user.body.id}`, {
      contentType: "application/vnd.pingidentity.account.lock+json",
    });
    await api(url, "POST", `/users/${user.body.id}`, {
      contentType: "application/vnd.pingidentity.user.sendVerificationCode+json",
    });
    const before = (await api(url, "GET", `/users/${user.body.id}`)).body;
    await first.stop();

    const second = createEmulator({ dbPath });
    const restarted = await second.start({ port: 0 });
    try {
      const after = await api(restarted.url, "GET", `/users/${user.body.id}`);
      expect(after.status).toBe(200);
      const rebase = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll(restarted.url, url));
      expect(rebase(after.body)).toEqual(before);
      expect(after.body).toMatchObject({
        badge: "B7",
        account: { status: "LOCKED" },
        lifecycle: { status: "VERIFICATION_REQUIRED" },
      });
      const kept = await api(restarted.url, "GET", `/populations/${population.body.id}`);
      expect(kept.body).toMatchObject({ name: "Kept", alternativeIdentifiers: ["k"], userCount: 1 });
      const outbox = await send("GET", `${restarted.url}/_emulator/outbox?userId=${user.body.id}`);
      expect(outbox.body.messages).toHaveLength(1);
      const freshToken = await fetchToken({ ...environment, authUrl: restarted.url });
      expect(freshToken).not.toBe(token);
      const row = second.db.prepare("SELECT password_hash FROM users WHERE id = ?").get(user.body.id) as {
        password_hash: string;
      };
      expect(row.password_hash).not.toContain("Tq8#vLm2!xRp");
    } finally {
      await second.stop();
    }
  });
});
