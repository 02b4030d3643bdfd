import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "../../src/index.js";
import { fetchToken, send } from "../support/emulator-harness.js";

const ENVIRONMENT_ID = "6f0e3b1c-2d4a-4f5e-8a9b-0c1d2e3f4a5b";

const seedDocument = {
  environments: [
    {
      id: ENVIRONMENT_ID,
      name: "Seeded",
      region: "EU",
      customUserAttributes: ["employeeNumber"],
      workers: [
        {
          clientId: "8a1f0c2e-3b4d-4e5f-9a6b-7c8d9e0f1a2b",
          clientSecret: "seeded-secret",
          tokenAuthMethod: "CLIENT_SECRET_POST",
        },
        { name: "Read-only", roles: ["Environment Admin"] },
      ],
      populations: [
        { name: "Employees", default: true },
        { id: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", name: "Partners", passwordPolicy: "Basic" },
      ],
      users: [
        { username: "ann", email: "ann@example.com", password: "Kp4$wQz!7nLm", employeeNumber: "E1" },
        {
          id: "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
          username: "pat",
          email: "pat@partner.example",
          population: "Partners",
          enabled: false,
          account: { status: "LOCKED" },
          lifecycle: { status: "VERIFICATION_REQUIRED", suppressVerificationCode: true },
        },
      ],
      groups: [{ name: "Sales" }],
      groupMemberships: [{ user: "ann", group: "Sales" }],
    },
  ],
};

describe("seed documents", () => {
  let emulator: Emulator;
  let url: string;

  beforeAll(async () => {
    emulator = createEmulator();
    url = (await emulator.start({ port: 0 })).url;
  });
  afterAll(() => emulator.stop());

  it("creates environments, workers, populations, users and directory entries through the back door", async () => {
    const seeded = await send("POST", `${url}/_emulator/seed`, { body: seedDocument });
    expect(seeded.status).toBe(201);
    const [environment] = seeded.body.environments;
    expect(environment).toMatchObject({
      environmentId: ENVIRONMENT_ID,
      name: "Seeded",
      skipped: false,
      users: 2,
    });
    expect(environment.workers).toHaveLength(2);
    expect(environment.workers[1].roles).toEqual(["Environment Admin"]);

    const token = await fetchToken({
      environmentId: ENVIRONMENT_ID,
      clientId: "8a1f0c2e-3b4d-4e5f-9a6b-7c8d9e0f1a2b",
      clientSecret: "seeded-secret",
      tokenAuthMethod: "CLIENT_SECRET_POST",
      authUrl: url,
      apiUrl: url,
    });
    const api = (path: string) => send("GET", `${url}/v1/environments/${ENVIRONMENT_ID}${path}`, { token });
    const populations = (await api("/populations")).body._embedded.populations;
    expect(
      populations.map((population: { name: string; default: boolean }) => [
        population.name,
        population.default,
      ]),
    ).toEqual([
      ["Employees", true],
      ["Partners", false],
    ]);
    const pat = (await api("/users/2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f")).body;
    expect(pat).toMatchObject({
      username: "pat",
      enabled: false,
      account: { status: "LOCKED", canAuthenticate: false },
      lifecycle: { status: "VERIFICATION_REQUIRED" },
      population: { id: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e" },
    });
    const ann = (await api(`/users?filter=${encodeURIComponent('username eq "ann"')}`)).body._embedded
      .users[0];
    expect(ann.employeeNumber).toBe("E1");
    const withGroups = (await api(`/users/${ann.id}?include=memberOfGroupNames`)).body;
    expect(withGroups.memberOfGroupNames).toEqual(["Sales"]);
  });

  it("skips environments whose id exists, so a seed can be applied at every start", async () => {
    const again = await send("POST", `${url}/_emulator/seed`, { body: seedDocument });
    expect(again.status).toBe(201);
    expect(again.body.environments[0]).toMatchObject({ environmentId: ENVIRONMENT_ID, skipped: true });
    expect(emulator.db.prepare("SELECT COUNT(*) FROM users").pluck().get()).toBe(2);
  });

  it("refuses a bad entry with a message naming it and writes nothing", async () => {
    const before = emulator.db.prepare("SELECT COUNT(*) FROM environments").pluck().get();
    const cases: [unknown, string][] = [
      [{ environments: [{ name: "Bad", users: [{ username: "nomail" }] }] }, "environments[0].users[0]"],
      [
        {
          environments: [
            { name: "Bad", users: [{ username: "a", email: "a@example.com", population: "Nowhere" }] },
          ],
        },
        "Nowhere",
      ],
      [{ environments: [{ name: "Bad", workers: [{ roles: ["God"] }] }] }, "environments[0].workers[0]"],
      [{ environments: [{ name: "Bad", colour: "red" }] }, "colour"],
      [{ environments: [{ name: "Bad", groupMemberships: [{ user: "ghost", group: "none" }] }] }, "ghost"],
      [
        {
          environments: [
            { name: "Bad", users: [{ username: "w", email: "w@example.com", password: "weak" }] },
          ],
        },
        "users[0]",
      ],
    ];
    for (const [document, mention] of cases) {
      const result = await send("POST", `${url}/_emulator/seed`, { body: document });
      expect(result.status, mention).toBe(400);
      expect(result.body.details[0].message, mention).toContain(mention);
      expect(result.text).not.toContain('"weak"');
    }
    expect(emulator.db.prepare("SELECT COUNT(*) FROM environments").pluck().get()).toBe(before);
  });
});
