import { describe, expect, it } from "vitest";
import { applySeed, createEmulator, createManualClock, SeedError } from "../../src/index.js";

describe("createEmulator", () => {
  it("serves in-process through app.request, without a socket", async () => {
    const emulator = createEmulator();
    try {
      expect(emulator.url).toBeUndefined();
      const response = await emulator.app.request("/_emulator/health");
      expect(response.status).toBe(200);
      expect(response.headers.get("correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await emulator.stop();
    }
  });

  it("listens on a free port, refuses a second start, and stops twice harmlessly", async () => {
    const emulator = createEmulator();
    const { url } = await emulator.start({ port: 0 });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.url).toBe(url);
    await expect(emulator.start({ port: 0 })).rejects.toThrow();
    await emulator.stop();
    expect(emulator.url).toBeUndefined();
    await expect(fetch(`${url}/_emulator/health`)).rejects.toThrow();
    await emulator.stop();
  });

  it("rejects start when the port is taken", async () => {
    const first = createEmulator();
    const second = createEmulator();
    const { url } = await first.start({ port: 0 });
    try {
      await expect(second.start({ port: Number(new URL(url).port) })).rejects.toThrow();
      const retried = await second.start({ port: 0 });
      expect(retried.url).not.toBe(url);
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it("uses the injected clock and settings", async () => {
    const clock = createManualClock(Date.UTC(2030, 0, 1));
    const emulator = createEmulator({ clock, settings: { usersPageCap: 50 } });
    try {
      expect(emulator.settings.usersPageCap).toBe(50);
      expect(emulator.settings.duplicateStatus).toBe(400);
      const health = await (await emulator.app.request("/_emulator/health")).json();
      expect(health.now).toBe("2030-01-01T00:00:00.000Z");
      clock.advance(60);
      const later = await (await emulator.app.request("/_emulator/health")).json();
      expect(later.now).toBe("2030-01-01T00:01:00.000Z");
      expect(() => clock.advance(-1)).toThrow(RangeError);
    } finally {
      await emulator.stop();
    }
  });

  it("seeds in-process with applySeed", async () => {
    const emulator = createEmulator();
    try {
      const summary = applySeed(emulator, { environments: [{ name: "In process" }] });
      expect(summary.environments[0]).toMatchObject({ name: "In process", skipped: false });
      expect(() => applySeed(emulator, { environments: [{ nmae: "typo" }] })).toThrow(SeedError);
    } finally {
      await emulator.stop();
    }
  });
});
