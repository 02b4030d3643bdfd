import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connector, createConnector } from "../../src/connector.js";
import { toDaVinciEnvelope } from "../../src/envelopes/davinci.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";

let env: EmulatorEnvironment;
let connector: Connector;

/** Usernames built to break a filter that is not escaped: quotes, backslashes, operators, brackets. */
const HOSTILE_USERNAMES = [
  'quote"inside',
  "back\\slash",
  'trail\\"',
  '" or username sw "',
  'x" or "1" eq "1',
  "paren) or (username eq",
  "memberOfGroups[id eq",
  'both\\"and"\\',
  "plain-user",
];

const users = new Map<string, string>();

beforeAll(async () => {
  env = await startEmulatorEnvironment();
  connector = createConnector(env.connection, { client: { retry: { maxAttempts: 1 } } });
  for (const username of HOSTILE_USERNAMES) {
    const user = await createTestUser(env.client, { username });
    users.set(username, user.id);
  }
});

afterAll(async () => {
  await connector?.close();
  await env?.stop();
});

/** The characters that matter to a SCIM filter, plus enough letters to spell its keywords. */
const hostileChar = fc.constantFrom(..."\"\\ ()[]*'eqorandswprEQOR-_.@u1".split(""));
const hostileString = fc.array(hostileChar, { minLength: 1, maxLength: 14 }).map((chars) => chars.join(""));
const injection = fc.constantFrom('" or username sw "', '") or (email pr', "\\", '\\"', '" or "" eq "', "*");

/** Every shape of identifier: random hostile text, a real username, a real username with an injection around it. */
const identifier = fc.oneof(
  hostileString,
  fc.constantFrom(...HOSTILE_USERNAMES),
  fc
    .tuple(fc.constantFrom(...HOSTILE_USERNAMES), injection, fc.boolean())
    .map(([name, extra, before]) => (before ? extra + name : name + extra)),
);

/** The emulator compares usernames case-insensitively by default (docs/emulator.md#filters). */
function intendedUser(value: string): string | undefined {
  for (const [username, id] of users) if (username.toLowerCase() === value.toLowerCase()) return id;
  return undefined;
}

describe("SCIM escaping of identifiers", () => {
  it("matches exactly the intended user or nobody, whatever the identifier", async () => {
    await fc.assert(
      fc.asyncProperty(identifier, async (value) => {
        fc.pre(value.trim() !== "");
        const envelope = toDaVinciEnvelope(
          await connector.invoke("userLookup", {
            matchAttributes: ["username"],
            userIdentifierForFindUser: value,
          }),
        );
        const expected = intendedUser(value);
        if (expected === undefined) {
          expect("error" in envelope && envelope.error.code).toBe("noUserMatch");
        } else {
          expect("output" in envelope && (envelope.output.matchedUser as { id: string }).id).toBe(expected);
        }
      }),
      { numRuns: 2000 },
    );
  }, 120_000);

  it("finds every hostile username through readUser too", async () => {
    for (const [username, id] of users) {
      const result = await connector.invoke("readUser", { matchAttribute: "username", identifier: username });
      expect(result.ok && (result.output.user as { id: string }).id).toBe(id);
    }
  });
});
