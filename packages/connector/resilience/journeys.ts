import { randomBytes } from "node:crypto";
import type { Connector } from "../src/connector.js";
import { toDaVinciEnvelope } from "../src/envelopes/davinci.js";

/** What a journey needs: the connector under test and the emulator's back door for emailed codes. */
export interface JourneyContext {
  connector: Connector;
  emulatorUrl: string;
  environmentId: string;
  /** An identity provider to link accounts to. */
  identityProviderId: string;
  /** Passwords the journeys use; a canary run checks they never show up anywhere. */
  password: string;
  newPassword: string;
  /** Every code read from the outbox, for the canary check. */
  codesSeen: string[];
}

/** A step that did not end as the journey expects; carries the capability's error, never a secret. */
export class JourneyError extends Error {
  constructor(journey: string, step: string, detail: unknown) {
    super(`${journey}: ${step} failed: ${JSON.stringify(detail)}`);
    this.name = "JourneyError";
  }
}

export type Journey = (ctx: JourneyContext) => Promise<void>;

const TRIPLE_REPEAT = /(.)\1\1/;

/**
 * A password that satisfies PingOne's Standard policy (no character three times in a row) and carries
 * `tag` for canary checks. Runs in the tag are shortened to two first: a random tag such as "…a000…"
 * would otherwise make every candidate fail the check, and a retry loop spin forever.
 */
export function policyPassword(tag: string): string {
  const safeTag = tag.replace(/(.)\1+/g, "$1$1");
  for (let attempt = 0; attempt < 100; attempt++) {
    const candidate = `Qz7!${safeTag}-${randomBytes(6).toString("base64url")}`;
    if (!TRIPLE_REPEAT.test(candidate)) return candidate;
  }
  // The tag is part of a canary password: it stays out of the message.
  throw new Error("no password satisfying the policy was found in 100 attempts");
}

function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

async function ok(journey: string, ctx: JourneyContext, id: string, input: Record<string, unknown>) {
  const result = await ctx.connector.invoke(id, input);
  if (!result.ok) throw new JourneyError(journey, id, toDaVinciEnvelope(result));
  return result.output;
}

async function failsWith(journey: string, ctx: JourneyContext, id: string, input: Record<string, unknown>) {
  const result = await ctx.connector.invoke(id, input);
  if (result.ok) throw new JourneyError(journey, id, "succeeded where a failure was expected");
  return result.code;
}

async function latestCode(ctx: JourneyContext, userId: string, type: string): Promise<string> {
  const query = new URLSearchParams({ environmentId: ctx.environmentId, userId, type });
  const response = await fetch(`${ctx.emulatorUrl}/_emulator/outbox?${query}`);
  const { messages } = (await response.json()) as { messages: { code?: string }[] };
  const code = messages.at(-1)?.code;
  if (!code) throw new JourneyError("outbox", type, "no code was emailed");
  ctx.codesSeen.push(code);
  return code;
}

async function createUserWithPassword(
  journey: string,
  ctx: JourneyContext,
  extra: Record<string, unknown> = {},
) {
  const username = uniqueName(journey);
  const output = await ok(journey, ctx, "createUser", {
    username,
    email: `${username}@example.com`,
    passwordForCreateUser: ctx.password,
    ...extra,
  });
  return { username, id: (output.user as { id: string }).id };
}

/** Registration: createUser (VERIFICATION_REQUIRED), the emailed code, verifyEmail, checkPassword. */
export const registration: Journey = async (ctx) => {
  const user = await createUserWithPassword("registration", ctx, {
    lifecycleStatus: "VERIFICATION_REQUIRED",
  });
  const code = await latestCode(ctx, user.id, "VERIFICATION_CODE");
  await ok("registration", ctx, "verifyEmail", {
    matchAttribute: "username",
    identifier: user.username,
    verificationCode: code,
  });
  await ok("registration", ctx, "checkPassword", {
    matchAttribute: "email",
    identifier: `${user.username}@example.com`,
    password: ctx.password,
  });
};

/** Recovery: sendRecoveryCode, the emailed code, recoverPassword, checkPassword with the new one. */
export const recovery: Journey = async (ctx) => {
  const user = await createUserWithPassword("recovery", ctx);
  await ok("recovery", ctx, "sendRecoveryCode", { matchAttribute: "id", identifier: user.id });
  const code = await latestCode(ctx, user.id, "RECOVERY_CODE");
  await ok("recovery", ctx, "recoverPassword", {
    matchAttribute: "username",
    identifier: user.username,
    recoveryCode: code,
    newPassword: ctx.newPassword,
  });
  await ok("recovery", ctx, "checkPassword", {
    matchAttribute: "id",
    identifier: user.id,
    password: ctx.newPassword,
  });
};

/** Lockout: wrong passwords until passwordLockedOut, unlockUser, then a successful checkPassword. */
export const lockout: Journey = async (ctx) => {
  const user = await createUserWithPassword("lockout", ctx);
  let code = "";
  for (let attempt = 0; attempt < 10 && code !== "passwordLockedOut"; attempt++) {
    code = await failsWith("lockout", ctx, "checkPassword", {
      matchAttribute: "id",
      identifier: user.id,
      password: "Wrong-Passw0rd!",
    });
    if (code !== "passwordNotValid" && code !== "passwordLockedOut") {
      throw new JourneyError("lockout", "checkPassword", `unexpected error key ${code}`);
    }
  }
  if (code !== "passwordLockedOut") throw new JourneyError("lockout", "checkPassword", "never locked out");
  await ok("lockout", ctx, "unlockUser", { userId: user.id });
  await ok("lockout", ctx, "checkPassword", {
    matchAttribute: "id",
    identifier: user.id,
    password: ctx.password,
  });
};

/** Groups: create, add a member, read from both sides, remove, delete. */
export const groups: Journey = async (ctx) => {
  const user = await createUserWithPassword("groups", ctx);
  const group = await ok("groups", ctx, "createGroup", {
    groupName: uniqueName("Group"),
    description: "Resilience",
  });
  const groupId = (group.group as { id: string }).id;
  const target = { matchAttribute: "id", identifier: user.id, groupId };
  await ok("groups", ctx, "createUserGroupMembership", target);
  const members = await ok("groups", ctx, "readGroupMembers", { groupId });
  if (members.count !== 1) throw new JourneyError("groups", "readGroupMembers", { count: members.count });
  const memberships = await ok("groups", ctx, "readUserGroupMemberships", {
    matchAttribute: "id",
    identifier: user.id,
  });
  if ((memberships.groupMemberships as unknown[]).length !== 1) {
    throw new JourneyError("groups", "readUserGroupMemberships", memberships.groupMemberships);
  }
  await ok("groups", ctx, "deleteUserGroupMembership", target);
  await ok("groups", ctx, "deleteGroup", { groupId });
};

/** Account links: create, read, delete. */
export const accountLinks: Journey = async (ctx) => {
  const user = await createUserWithPassword("links", ctx);
  const target = { matchAttribute: "id", identifier: user.id };
  const created = await ok("accountLinks", ctx, "createAccountLink", {
    ...target,
    identityProvider: "useIdentityProviderId",
    identityProviderId: ctx.identityProviderId,
    externalId: uniqueName("ext"),
  });
  const read = await ok("accountLinks", ctx, "readAccountLinks", target);
  if ((read.linkedAccounts as unknown[]).length !== 1) {
    throw new JourneyError("accountLinks", "readAccountLinks", read.linkedAccounts);
  }
  await ok("accountLinks", ctx, "deleteAccountLink", { ...target, accountLinkId: created.id as string });
};

/** Swimlane: user_account_lock, get_user_by_id shows LOCKED, user_account_unlock. */
export const swimlaneLock: Journey = async (ctx) => {
  const user = await createUserWithPassword("swimlane", ctx);
  const path = { path_parameters: { userID: user.id } };
  const expectStatus = (step: string, envelope: { status_code: number }) => {
    if (envelope.status_code !== 200) throw new JourneyError("swimlane", step, envelope);
  };
  expectStatus("user_account_lock", await ctx.connector.runAction("user_account_lock", path));
  const read = await ctx.connector.runAction("get_user_by_id", path);
  expectStatus("get_user_by_id", read);
  const status = (read.json_body as { account?: { status?: string } }).account?.status;
  if (status !== "LOCKED") throw new JourneyError("swimlane", "get_user_by_id", { status });
  expectStatus("user_account_unlock", await ctx.connector.runAction("user_account_unlock", path));
};

export const JOURNEYS: Record<string, Journey> = {
  registration,
  recovery,
  lockout,
  groups,
  accountLinks,
  swimlaneLock,
};
