import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connectionVariables, runCliProcess } from "../support/cli-process.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
  tokensIssued as tokensIssuedBy,
} from "../support/emulator-environment.js";

/** The opt-in CLI token cache (docs/connector-service.md#token-cache), counted at the emulator. */
let env: EmulatorEnvironment;
let cacheHome: string;
let userId: string;
const tokensDir = () => join(cacheHome, "pingone-connector", "tokens");

const tokensIssued = () => tokensIssuedBy(env.url);

const readUser = (extra: Record<string, string> = {}, flags: string[] = []) =>
  runCliProcess(["invoke", "readUser", ...flags, "--input", JSON.stringify({ identifier: userId })], {
    ...connectionVariables(env.environment),
    XDG_CACHE_HOME: cacheHome,
    ...extra,
  });

async function onlyCacheFile(): Promise<string> {
  const files = await readdir(tokensDir());
  expect(files).toHaveLength(1);
  return join(tokensDir(), files[0]!);
}

beforeAll(async () => {
  env = await startEmulatorEnvironment();
  userId = (await createTestUser(env.client)).id;
});
afterAll(() => env?.stop());
beforeEach(async () => {
  if (cacheHome) await rm(cacheHome, { recursive: true, force: true });
  cacheHome = await mkdtemp(join(tmpdir(), "pingone-token-cache-"));
});

describe("CLI token cache", () => {
  it("is off by default: every run fetches a token and nothing is written", async () => {
    const before = await tokensIssued();
    expect((await readUser()).code).toBe(0);
    expect((await readUser()).code).toBe(0);
    expect((await tokensIssued()) - before).toBe(2);
    await expect(readdir(tokensDir())).rejects.toThrow();
  });

  it("makes one token request for two runs, in a 0600 file that never holds the secret", async () => {
    const before = await tokensIssued();
    expect((await readUser({ PINGONE_TOKEN_CACHE: "1" })).code).toBe(0);
    expect((await readUser({}, ["--token-cache"])).code).toBe(0);
    expect((await tokensIssued()) - before).toBe(1);
    const file = await onlyCacheFile();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(tokensDir())).mode & 0o777).toBe(0o700);
    const text = await readFile(file, "utf8");
    expect(text).not.toContain(env.environment.clientSecret);
    expect(JSON.parse(text)).toMatchObject({
      tokenUrl: `${env.environment.authUrl}/${env.environment.environmentId}/as/token`,
      clientId: env.environment.clientId,
      accessToken: expect.any(String),
      refreshAt: expect.any(Number),
    });
  });

  it("fetches a new token when the cached one is past its refresh time, and replaces it", async () => {
    expect((await readUser({ PINGONE_TOKEN_CACHE: "1" })).code).toBe(0);
    const file = await onlyCacheFile();
    const stale = JSON.parse(await readFile(file, "utf8"));
    await writeFile(file, JSON.stringify({ ...stale, refreshAt: Date.now() - 1000 }), { mode: 0o600 });
    const before = await tokensIssued();
    expect((await readUser({ PINGONE_TOKEN_CACHE: "1" })).code).toBe(0);
    expect((await tokensIssued()) - before).toBe(1);
    const fresh = JSON.parse(await readFile(file, "utf8"));
    expect(fresh.refreshAt).toBeGreaterThan(Date.now());
    expect(fresh.accessToken).not.toBe(stale.accessToken);
  });

  it("ignores a corrupt file, or one others can read, and writes a good one in its place", async () => {
    expect((await readUser({ PINGONE_TOKEN_CACHE: "1" })).code).toBe(0);
    const file = await onlyCacheFile();
    const good = await readFile(file, "utf8");
    for (const tamper of [
      () => writeFile(file, "{ not json"),
      async () => {
        await writeFile(file, good);
        await chmod(file, 0o644);
      },
    ]) {
      await tamper();
      const before = await tokensIssued();
      const run = await readUser({ PINGONE_TOKEN_CACHE: "1" });
      expect(run.code).toBe(0);
      expect((await tokensIssued()) - before).toBe(1);
      expect(JSON.parse(await readFile(file, "utf8")).accessToken).toEqual(expect.any(String));
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    }
  });

  it("keys entries by the secret's fingerprint: a wrong secret never borrows the cached token", async () => {
    expect((await readUser({ PINGONE_TOKEN_CACHE: "1" })).code).toBe(0);
    const wrong = await readUser({
      PINGONE_TOKEN_CACHE: "1",
      PINGONE_CLIENT_SECRET: "wrong-secret-for-cache-1",
    });
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ error: { code: "accessFailed" } });
    expect(await readdir(tokensDir())).toHaveLength(1);
  });
});
