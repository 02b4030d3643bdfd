import type { EmulatorContext } from "../context.js";
import { applySeed } from "../seed/seed.js";
import { findFirstWorkerApplication, type WorkerApplication } from "../store/applications.js";
import { findEnvironmentByName } from "../store/environments.js";
import { demoExperienceSeed } from "./demo-experience.js";

export const DEMO_ENVIRONMENT_NAME = "PingOne Emulator Demo";

/**
 * A small, realistic directory to click around in: populations, users in every state, a group, plus an
 * agreement, themes and a sign-on form.
 */
const demoSeed = {
  environments: [
    {
      name: DEMO_ENVIRONMENT_NAME,
      description: "Created by pingone-emulator --demo",
      region: "NA",
      populations: [
        { name: "Default", default: true, description: "Employees" },
        { name: "Contractors", alternativeIdentifiers: ["contractors.example.com"], passwordPolicy: "Basic" },
      ],
      users: [
        {
          username: "alice",
          email: "alice@example.com",
          name: { given: "Alice", family: "Anderson" },
          emailVerified: true,
          password: "Blue!Falcon-42",
        },
        {
          username: "bob",
          email: "bob@example.com",
          name: { given: "Bob", family: "Brown" },
          lifecycle: { status: "VERIFICATION_REQUIRED" },
          password: "Green#Otter-17",
        },
        {
          username: "carol",
          email: "carol@example.com",
          name: { given: "Carol", family: "Clark" },
          password: "Red$Heron-88",
          account: { status: "LOCKED" },
        },
        {
          username: "dave",
          email: "dave@contractors.example.com",
          name: { given: "Dave", family: "Davis" },
          population: "Contractors",
          enabled: false,
        },
      ],
      groups: [{ name: "Administrators", description: "Demo administrators" }],
      groupMemberships: [{ user: "alice", group: "Administrators" }],
      ...demoExperienceSeed,
    },
  ],
};

/**
 * The demo environment and its worker: created on first use, found again by name afterwards, so a
 * persisted emulator keeps printing the same credentials.
 */
export function ensureDemoEnvironment(ctx: EmulatorContext): {
  environmentId: string;
  worker: WorkerApplication;
  created: boolean;
} {
  const existing = findEnvironmentByName(ctx.db, DEMO_ENVIRONMENT_NAME);
  const environmentId = existing?.id ?? applySeed(ctx, demoSeed).environments[0]?.environmentId;
  const worker = environmentId === undefined ? undefined : findFirstWorkerApplication(ctx.db, environmentId);
  if (environmentId === undefined || worker === undefined) {
    throw new Error("The demo environment has no worker application");
  }
  return { environmentId, worker, created: existing === undefined };
}
