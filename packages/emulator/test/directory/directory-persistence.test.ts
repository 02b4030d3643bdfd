import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { seedDirectory } from "../../src/seed/directory-seed.js";
import { fetchToken, provisionEnvironment, send } from "../support/emulator-harness.js";

describe("directory persistence on a --db file", () => {
  const directory = mkdtempSync(join(tmpdir(), "pingone-emulator-directory-"));
  const dbPath = join(directory, "emulator.db");
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("keeps groups, memberships, providers, links, sessions and role assignments across a restart", async () => {
    const first = createEmulator({ dbPath });
    const { url } = await first.start({ port: 0 });
    const environment = await provisionEnvironment(url);
    const token = await fetchToken(environment);
    const api = (base: string, method: string, path: string, options: Record<string, unknown> = {}) =>
      send(method, `${base}/v1/environments/${environment.environmentId}${path}`, { token, ...options });

    const user = (await api(url, "POST", "/users", { body: { username: "kept", email: "kept@example.com" } }))
      .body;
    const group = (await api(url, "POST", "/groups", { body: { name: "Kept Group", customData: { k: 1 } } }))
      .body;
    const parent = (await api(url, "POST", "/groups", { body: { name: "Kept Parent" } })).body;
    await api(url, "POST", `/groups/${group.id}/memberOfGroups`, { body: { id: parent.id } });
    await api(url, "POST", `/users/${user.id}/memberOfGroups`, { body: { id: group.id } });
    const provider = (
      await api(url, "POST", "/identityProviders", {
        body: { type: "GITHUB", name: "Kept GitHub", enabled: true, clientId: "c", clientSecret: "s" },
      })
    ).body;
    await api(url, "POST", `/users/${user.id}/linkedAccounts`, {
      contentType: "application/vnd.pingidentity.account.link+json",
      body: { identityProvider: { id: provider.id }, externalId: "gh-1" },
    });
    const roles = (await send("GET", `${url}/v1/roles`, { token })).body._embedded.roles as {
      id: string;
      name: string;
    }[];
    const environmentAdmin = roles.find((role) => role.name === "Environment Admin")?.id;
    await api(url, "POST", `/users/${user.id}/roleAssignments`, {
      body: { role: { id: environmentAdmin }, scope: { id: environment.environmentId, type: "ENVIRONMENT" } },
    });
    const ctx = { db: first.db, clock: first.clock, settings: first.settings };
    first.db.transaction(() =>
      seedDirectory(
        ctx,
        environment.environmentId,
        { sessions: [{ user: "kept", remoteIp: "192.0.2.9" }] },
        "test",
      ),
    )();

    const paths = [
      `/groups/${group.id}?include=totalMemberCounts`,
      `/users/${user.id}/memberOfGroups?expand=group`,
      `/groups/${group.id}/memberOfGroups`,
      `/identityProviders/${provider.id}`,
      `/users/${user.id}/linkedAccounts?expand=identityProviders`,
      `/users/${user.id}/sessions`,
      `/users/${user.id}/roleAssignments?expand=role`,
    ];
    const before = await Promise.all(paths.map(async (path) => (await api(url, "GET", path)).body));
    expect(before[1]._embedded.groupMemberships).toHaveLength(2);
    await first.stop();

    const second = createEmulator({ dbPath });
    const restarted = await second.start({ port: 0 });
    try {
      const freshToken = await fetchToken({ ...environment, authUrl: restarted.url });
      const rebase = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll(restarted.url, url));
      for (const [index, path] of paths.entries()) {
        const after = await send(
          "GET",
          `${restarted.url}/v1/environments/${environment.environmentId}${path}`,
          {
            token: freshToken,
          },
        );
        expect(after.status, path).toBe(200);
        expect(rebase(after.body), path).toEqual(before[index]);
      }
    } finally {
      await second.stop();
    }
  });
});
