import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Connector, createConnector } from "../../src/connector.js";
import { addMemberViaApi, createGroupViaApi } from "../support/directory-setup.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";

let env: EmulatorEnvironment;
let connector: Connector;
let groupId: string;

/** Members whose usernames would break an unescaped `memberOfGroups[...] and (...)` filter. */
const MEMBER_USERNAMES = ['m"quote', "m\\slash", '"] or username sw "', "m) or (email pr", "plain-member"];
/** A non-member with a name the injections aim at: no identifier may pull it into the group's list. */
const OUTSIDER = "outsider";

const members = new Map<string, string>();

beforeAll(async () => {
  env = await startEmulatorEnvironment();
  connector = createConnector(env.connection, { client: { retry: { maxAttempts: 1 } } });
  groupId = (await createGroupViaApi(env.client)).id;
  for (const username of MEMBER_USERNAMES) {
    const user = await createTestUser(env.client, { username });
    await addMemberViaApi(env.client, user.id, groupId);
    members.set(username, user.id);
  }
  await createTestUser(env.client, { username: OUTSIDER });
});

afterAll(async () => {
  await connector?.close();
  await env?.stop();
});

const hostileChar = fc.constantFrom(..."\"\\ ()[]*'eqorandswprEQOR-_.m".split(""));
const hostileString = fc.array(hostileChar, { minLength: 1, maxLength: 14 }).map((chars) => chars.join(""));
const injection = fc.constantFrom(
  '" or username sw "',
  '"]) or (username eq "outsider',
  "\\",
  '\\"',
  '") or ("" eq "',
);
const identifier = fc.oneof(
  hostileString,
  fc.constantFrom(...MEMBER_USERNAMES, OUTSIDER),
  fc
    .tuple(fc.constantFrom(...MEMBER_USERNAMES, OUTSIDER), injection, fc.boolean())
    .map(([name, extra, before]) => (before ? extra + name : name + extra)),
);

/** Usernames compare case-insensitively in the emulator by default (docs/emulator.md#filters). */
function intendedMember(value: string): string | undefined {
  for (const [username, id] of members) if (username.toLowerCase() === value.toLowerCase()) return id;
  return undefined;
}

it("readGroupMembers matches exactly the intended member or nobody, whatever the identifier", async () => {
  await fc.assert(
    fc.asyncProperty(identifier, async (value) => {
      fc.pre(value.trim() !== "");
      const result = await connector.invoke("readGroupMembers", {
        groupId,
        matchAttributes: ["username"],
        userIdentifierForFindUser: value,
      });
      expect(result.ok).toBe(true);
      const found = result.ok
        ? (result.output.matchedUsers as { _embedded: { user: { id: string } } }[]).map(
            (m) => m._embedded.user.id,
          )
        : [];
      const expected = intendedMember(value);
      expect(found).toEqual(expected === undefined ? [] : [expected]);
    }),
    { numRuns: 1000 },
  );
}, 120_000);
