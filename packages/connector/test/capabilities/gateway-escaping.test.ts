import fc from "fast-check";
import { type Slapd, startSlapd, userEntry } from "pingone-test-servers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connector, createConnector } from "../../src/connector.js";
import { escapeFilterValue } from "../../src/index.js";
import { createPopulationViaApi } from "../support/directory-setup.js";
import { type EmulatorEnvironment, startEmulatorEnvironment } from "../support/emulator-environment.js";
import { createLdapGatewayViaApi, directorySettingFor, type TestGateway } from "../support/gateway-setup.js";

const PEOPLE = "ou=people,dc=example,dc=com";

/**
 * Directory usernames built to break an LDAP filter that is not escaped: wildcards, brackets,
 * backslashes, escapes spelled out, operators, an injection, and text beyond ASCII.
 */
const HOSTILE_UIDS = [
  "*",
  "a*",
  "*)(uid=*",
  "(",
  ")",
  "a(b)",
  "\\",
  "a\\b",
  "\\2a",
  "x=y",
  "&",
  "|(uid=a)",
  "$&",
  "é日",
  "a",
  "ab",
  "ba",
];

/** The PingOne username of each entry is a plain `user-<n>` (mapped from cn), so any uid can migrate. */
const entries = HOSTILE_UIDS.map((uid, index) => ({
  uid,
  cn: `user-${index}`,
  password: `pw-${index}-of-${uid}`,
}));

let slapd: Slapd;
let env: EmulatorEnvironment;
let gateway: TestGateway;
let connector: Connector;

beforeAll(async () => {
  [slapd, env] = await Promise.all([
    startSlapd({
      baseDns: [PEOPLE],
      entries: entries.map((entry) =>
        userEntry(PEOPLE, { ...entry, sn: entry.cn, mail: `${entry.cn}@example.com` }),
      ),
    }),
    startEmulatorEnvironment(),
  ]);
  const population = await createPopulationViaApi(env.client);
  gateway = await createLdapGatewayViaApi(env.client, slapd, [
    {
      name: "People",
      searchBaseDn: PEOPLE,
      passwordAuthority: "LDAP",
      newUserLookup: {
        populationId: population.id,
        attributeMappings: [
          { name: "username", value: `\${cn}` },
          { name: "email", value: `\${mail}` },
        ],
      },
    },
  ]);
  connector = createConnector({
    ...env.connection,
    gatewayDirectories: { [gateway.id]: directorySettingFor(slapd) },
  });
});

afterAll(async () => {
  await connector?.close();
  await Promise.all([env?.stop(), slapd?.stop()]);
});

/** The characters that matter to an LDAP filter, NUL included, and a few letters to spell attacks. */
const hostileChar = fc.constantFrom(...'*()\\\0=&|!~<>$,+"#;: abuidé日'.split(""));
const hostileString = fc.string({ unit: hostileChar, minLength: 1, maxLength: 10 });
const injection = fc.constantFrom("*", "*)(uid=*", ")(|(uid=*", "\\2a", "\\", "\0", "(");

/** Random hostile text, a real uid, or a real uid with an injection before or after it. */
const username = fc.oneof(
  hostileString,
  fc.constantFrom(...HOSTILE_UIDS),
  fc
    .tuple(fc.constantFrom(...HOSTILE_UIDS), injection, fc.boolean())
    .map(([uid, extra, before]) => (before ? extra + uid : uid + extra)),
);

/**
 * The entry a username names: uid compares with caseIgnoreMatch, for which the alphabet above
 * has no case to ignore; leading, trailing and repeated spaces are insignificant in it.
 */
function intendedEntry(value: string) {
  const prepared = (text: string) => text.trim().replace(/ +/g, " ");
  return entries.find((entry) => prepared(entry.uid) === prepared(value));
}

describe("LDAP filter escaping of usernames", () => {
  it("escapes the characters RFC 4515 names, and no others", () => {
    expect(escapeFilterValue("*)(uid=*")).toBe("\\2a\\29\\28uid=\\2a");
    expect(escapeFilterValue("a\\b\0c")).toBe("a\\5cb\\00c");
    expect(escapeFilterValue("\\2a")).toBe("\\5c2a");
    expect(escapeFilterValue("jdoe@example.com")).toBe("jdoe@example.com");
    expect(escapeFilterValue("é日 $&")).toBe("é日 $&");
  });

  it("migrates exactly the entry the username names, or none, whatever the username", async () => {
    await fc.assert(
      fc.asyncProperty(username, async (value) => {
        fc.pre(value.trim() !== "");
        const expected = intendedEntry(value);
        // With the intended entry's password: any other entry found would refuse it.
        const result = await connector.invoke("migrateUserGateway", {
          usernameGateway: value,
          passwordGateway: expected?.password ?? "no entry has this password",
          gatewayUserTypeList: [{ name: gateway.id, value: gateway.userTypeIds.People! }],
        });
        if (expected === undefined) {
          expect(result).toMatchObject({ ok: false, code: "noUserMatch" });
          return;
        }
        expect(result).toMatchObject({ ok: true });
        if (!result.ok) return;
        const raw = (result.rawResponse ?? {}) as { username?: string };
        // Imported now, or at an earlier run of the property ({} then).
        if (raw.username !== undefined) expect(raw.username).toBe(expected.cn);
        else expect(result.response.status).toBe(200);
      }),
      { numRuns: 150 },
    );
  });
});
