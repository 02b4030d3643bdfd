import { randomBytes } from "node:crypto";
import { createPingOneClient } from "../src/client/pingone-client.js";
import type { Connector } from "../src/connector.js";
import { clearFaults, injectFaults, type ResilienceEnvironment } from "./environment.js";

/** How a batch of writes under faults ended, reconciled against what the emulator holds. */
export interface WriteFaultReport {
  operation: string;
  calls: number;
  succeeded: number;
  /** Failed and reported as not applied; indeed absent. */
  failedNotApplied: number;
  /** Failed with "outcome unknown" (and a Correlation-Id or transaction id); found applied or not. */
  failedOutcomeUnknown: number;
  /** Reported as succeeded but missing. */
  losses: number;
  /** Applied twice: a replayed write (the emulator refuses the second, which shows as a uniqueness error). */
  duplicates: number;
  /** Failures that are neither "not applied" nor "outcome unknown with an id to trace": must be 0. */
  unexplained: string[];
}

interface Outcome {
  key: string;
  ok: boolean;
  code?: string;
  outcomeUnknown?: boolean;
  message?: string;
  correlationId?: string;
  transactionId?: string;
}

/** Faults on writes: a 500 after the write was applied, and a connection dropped before the response. */
function writeFaultRules(path: string, probability: number): Record<string, unknown>[] {
  return [
    { method: "POST", path, status: 500, when: "after", probability },
    { method: "POST", path, resetConnection: true, when: "after", probability },
  ];
}

async function runAll<T>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<Outcome>,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) outcomes.push(await task(items[next++]!));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

function reconcile(operation: string, outcomes: Outcome[], applied: Map<string, number>): WriteFaultReport {
  const report: WriteFaultReport = {
    operation,
    calls: outcomes.length,
    succeeded: 0,
    failedNotApplied: 0,
    failedOutcomeUnknown: 0,
    losses: 0,
    duplicates: [...applied.values()].filter((count) => count > 1).length,
    unexplained: [],
  };
  for (const outcome of outcomes) {
    const present = (applied.get(outcome.key) ?? 0) > 0;
    if (outcome.code === "uniquenessViolation") report.duplicates++;
    if (outcome.ok) {
      report.succeeded++;
      if (!present) report.losses++;
    } else if (outcome.outcomeUnknown) {
      const traceable =
        (outcome.correlationId !== undefined && outcome.message?.includes(outcome.correlationId)) ||
        (outcome.transactionId !== undefined && outcome.message?.includes(outcome.transactionId));
      if (traceable) report.failedOutcomeUnknown++;
      else
        report.unexplained.push(`${outcome.key}: outcome unknown without a Correlation-Id or transaction id`);
    } else if (!present) {
      report.failedNotApplied++;
    } else {
      report.unexplained.push(`${outcome.key}: reported ${outcome.code} (not applied) but it was applied`);
    }
  }
  return report;
}

function outcomeOf(key: string, result: Awaited<ReturnType<Connector["invoke"]>>): Outcome {
  if (!("ok" in result)) throw new Error("dry runs are not outcomes");
  if (result.ok) return { key, ok: true };
  return {
    key,
    ok: false,
    code: result.code,
    outcomeUnknown: result.outcomeUnknown === true,
    message: result.message,
    correlationId: result.correlationId,
    transactionId: result.transactionId,
  };
}

/**
 * createUser and createUserGroupMembership `calls` times each under write faults, then a count
 * of users and memberships in the emulator: no duplicates, no losses, every failure explained.
 */
export async function writesUnderFaults(
  env: ResilienceEnvironment,
  connector: Connector,
  options: { calls: number; probability: number; concurrency: number },
): Promise<WriteFaultReport[]> {
  const reader = createPingOneClient(env.connection, { retry: { maxAttempts: 5 } });
  const usersPath = `/environments/${env.environmentId}/users`;
  const run = randomBytes(4).toString("hex");
  try {
    // createUser
    const usernames = Array.from({ length: options.calls }, (_, i) => `wf-${run}-${i}`);
    await injectFaults(env.emulatorUrl, writeFaultRules("/v1/environments/*/users", options.probability));
    const created = await runAll(usernames, options.concurrency, async (username) =>
      outcomeOf(
        username,
        await connector.invoke("createUser", { username, email: `${username}@example.com` }),
      ),
    );
    await clearFaults(env.emulatorUrl);
    const users = new Map<string, number>();
    const ids = new Map<string, string>();
    for await (const user of reader.paginate<{ id: string; username: string }>(usersPath, {
      embedded: "users",
      query: { filter: `username sw "wf-${run}-"` },
    })) {
      users.set(user.username, (users.get(user.username) ?? 0) + 1);
      ids.set(user.username, user.id);
    }
    const userReport = reconcile("createUser", created, users);

    // createUserGroupMembership, on the users that exist, into one group
    const group = await connector.invoke("createGroup", { groupName: `wf-${run}` });
    if (!group.ok) throw new Error(`createGroup failed: ${group.message}`);
    const groupId = (group.output.group as { id: string }).id;
    const members = [...ids.values()];
    await injectFaults(
      env.emulatorUrl,
      writeFaultRules("/v1/environments/*/users/*/memberOfGroups", options.probability),
    );
    const joined = await runAll(members, options.concurrency, async (userId) =>
      outcomeOf(
        userId,
        await connector.invoke("createUserGroupMembership", {
          matchAttribute: "id",
          identifier: userId,
          groupId,
        }),
      ),
    );
    await clearFaults(env.emulatorUrl);
    const memberships = new Map<string, number>();
    for await (const user of reader.paginate<{ id: string }>(usersPath, {
      embedded: "users",
      query: { filter: `memberOfGroups[id eq "${groupId}"]` },
    })) {
      memberships.set(user.id, (memberships.get(user.id) ?? 0) + 1);
    }
    return [userReport, reconcile("createUserGroupMembership", joined, memberships)];
  } finally {
    await clearFaults(env.emulatorUrl);
    await reader.close();
  }
}
