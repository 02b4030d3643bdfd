import { createHash, randomUUID } from "node:crypto";
import fc from "fast-check";
import { type Kdc, startKdc } from "pingone-test-servers";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionDefinition } from "../../src/actions/definition.js";
import { ACTIONS } from "../../src/actions/index.js";
import { CAPABILITIES } from "../../src/capabilities/index.js";
import type { AnyCapabilityDefinition } from "../../src/capabilities/kit/definition.js";
import { type RunningService, startService } from "../../src/server/service.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  requestCount,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";

/**
 * Issue 10: arbitrary strings, ill-formed Unicode included, to every capability and action of the
 * registries (so one added later is covered too), over real HTTP through the service against the
 * emulator. Never a 5xx; a string that is not well-formed Unicode is always refused; an input the
 * connector refuses never reaches PingOne and changes none of the emulator's data.
 * `FAST_CHECK_SEED` replays a run (the seed is in every test name), `FAST_CHECK_RUNS` sets its size.
 */
const SEED = Number(process.env.FAST_CHECK_SEED ?? 20261210);
const RUNS_PER_TARGET = Number(process.env.FAST_CHECK_RUNS ?? 100);
const API_KEY = "hostile-input-property-key";

let env: EmulatorEnvironment;
let kdc: Kdc;
let service: RunningService;

beforeAll(async () => {
  // A deployment that offers kerberosAuthentication has a keytab: a real KDC's, so that hostile
  // tickets meet the real acceptor (and are refused by it) instead of a missing setting.
  [env, kdc] = await Promise.all([startEmulatorEnvironment(), startKdc()]);
  service = await startService({
    connection: {
      ...env.connection,
      kerberos: { keytab: kdc.keytabPath, servicePrincipal: kdc.servicePrincipal },
    },
    logger: pino({ level: "silent" }),
    port: 0,
    apiKey: API_KEY,
    client: { retry: { maxAttempts: 1 } },
  });
});

afterAll(async () => {
  await service?.shutdown();
  await env?.stop();
  await kdc?.stop();
});

/** The user and group a target's inputs may name; each target gets its own, as deletes and lockouts change them. */
interface RealData {
  userId: string;
  username: string;
  email: string;
  groupId: string;
}

async function createRealData(): Promise<RealData> {
  const user = await createTestUser(env.client);
  const group = await env.client.request<{ id: string }>({
    method: "POST",
    path: `/environments/${env.environment.environmentId}/groups`,
    body: { name: `Hostile ${randomUUID().slice(0, 8)}` },
  });
  return {
    userId: user.id,
    username: user.username,
    email: `${user.username}@example.com`,
    groupId: group.body.id,
  };
}

/** Text of any code point and URL or filter syntax; in one case of eight with a lone UTF-16 surrogate in it. */
const wellFormedString = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('"', "\\", ".", "/", "%", "?", "#", " ", "*", "(", ")", "&", "="),
    },
  ),
  maxLength: 16,
});
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
const illFormedString = fc
  .tuple(wellFormedString, loneSurrogate, wellFormedString)
  .map(([before, surrogate, after]) => `${before}${surrogate}${after}`);
const arbitraryString = fc.oneof(
  { weight: 7, arbitrary: wellFormedString },
  { weight: 1, arbitrary: illFormedString },
);
const unknownProperty = fc.tuple(arbitraryString, arbitraryString);

/** Attribute names worth trying in Other Attributes: the switches, refused ones, nested paths. */
const ATTRIBUTE_NAMES = [
  "mfaEnabled",
  "enabled",
  "id",
  "lifecycle",
  "account.status",
  "name.middle",
  "__proto__",
];

/** The value in one case of four, else undefined. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
}

/** Arbitraries over one target's real data. */
function inputsOver(real: RealData) {
  /** Text for the property `name`: arbitrary most of the time, sometimes a real value or one made hostile. */
  function textFor(name: string): fc.Arbitrary<unknown> {
    const lower = name.toLowerCase();
    const realOnes = lower.includes("group")
      ? [real.groupId]
      : lower === "identifier" || lower.includes("user") || lower === "id"
        ? [real.userId, real.username, real.email]
        : lower === "name"
          ? ATTRIBUTE_NAMES
          : [];
    const near = realOnes.flatMap((value) => [`${value}\ud800`, `\udfff${value}`, `${value}/..`]);
    return fc.oneof(
      { weight: 6, arbitrary: arbitraryString },
      { weight: 1, arbitrary: fc.constantFrom(".", "..", "", "%2e%2e", "../users", "\ud800", "a\udc00b") },
      ...(realOnes.length > 0
        ? [
            { weight: 2, arbitrary: fc.constantFrom(...realOnes) },
            { weight: 2, arbitrary: fc.constantFrom(...near) },
          ]
        : []),
    );
  }

  /**
   * A value for a property of this schema: of its shape (enums, booleans, arrays and objects with
   * their fields, so that validation passes and the handler's own checks are reached) or text.
   */
  function valueFor(name: string, schema: JsonSchema = {}): fc.Arbitrary<unknown> {
    const text = textFor(name);
    const shaped: fc.Arbitrary<unknown>[] = [];
    if (schema.enum) shaped.push(fc.constantFrom(...schema.enum));
    for (const option of schema.anyOf ?? []) shaped.push(valueFor(name, option));
    if (schema.type === "boolean") shaped.push(fc.boolean(), fc.constantFrom("true", "false"));
    if (schema.type === "array") shaped.push(fc.array(valueFor(name, schema.items), { maxLength: 3 }));
    if (schema.type === "object" && schema.properties) {
      const fields = Object.entries(schema.properties).map(([field, child]) => [
        field,
        valueFor(field, child),
      ]);
      shaped.push(fc.record(Object.fromEntries(fields), { requiredKeys: [] }));
    }
    if (shaped.length === 0) return text;
    return fc.oneof({ weight: 3, arbitrary: fc.oneof(...shaped) }, { weight: 1, arbitrary: text });
  }

  /** The input's target set to the real user and group, so that the calls get past the lookup. */
  function aimedAtRealData(input: Record<string, unknown>): Record<string, unknown> {
    const aimed = { ...input };
    if ("identifier" in aimed) Object.assign(aimed, { matchAttribute: "id", identifier: real.userId });
    if ("userIdentifierForFindUser" in aimed) aimed.userIdentifierForFindUser = real.username;
    if ("userId" in aimed) aimed.userId = real.userId;
    if ("groupId" in aimed) aimed.groupId = real.groupId;
    return aimed;
  }

  /** One of the capability's examples, often aimed at the real data, with a few properties replaced, maybe an unknown one, flat or wrapped. */
  function capabilityInput(capability: AnyCapabilityDefinition): fc.Arbitrary<unknown> {
    const names = [
      ...new Set([...Object.keys(capability.input.properties), ...Object.keys(capability.properties)]),
    ];
    const schemaOf = (name: string) => capability.input.properties[name] as JsonSchema | undefined;
    const replaced = fc
      .subarray(names, { maxLength: Math.min(3, names.length) })
      .chain((chosen) =>
        fc
          .tuple(...chosen.map((name) => valueFor(name, schemaOf(name))))
          .map((values) => Object.fromEntries(chosen.map((name, index) => [name, values[index]]))),
      );
    const bases = capability.examples as Record<string, unknown>[];
    return fc
      .record({
        base: fc.constantFrom(...bases),
        aimed: fc.boolean(),
        replaced,
        unknown: sometimes(unknownProperty),
        wrapped: fc.boolean(),
      })
      .map(({ base, aimed, replaced: values, unknown, wrapped }) => {
        const properties: Record<string, unknown> = { ...(aimed ? aimedAtRealData(base) : base), ...values };
        if (unknown) properties[unknown[0]] = unknown[1];
        return wrapped ? { properties } : properties;
      });
  }

  /** Each of the action's groups maybe given, each of its fields maybe given, maybe an unknown field too. */
  function actionInput(action: ActionDefinition): fc.Arbitrary<unknown> {
    const groups = Object.entries(action.inputSchema.properties as Record<string, JsonSchema>).map(
      ([group, schema]) => {
        const fields = Object.entries(schema.properties ?? {}).map(([field, child]) => [
          field,
          valueFor(field, child),
        ]);
        const given = fc.record(Object.fromEntries(fields), { requiredKeys: [] });
        const value = fc
          .tuple(given, sometimes(unknownProperty))
          .map(([known, extra]) => (extra ? { ...known, [extra[0]]: extra[1] } : known));
        return [group, value] as const;
      },
    );
    return fc.record(Object.fromEntries(groups), { requiredKeys: [] });
  }

  return { capabilityInput, actionInput };
}

/** A digest of every row of every table of the emulator's database (its in-process back door). */
function dataDigest(): string {
  const { db } = env.emulator;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const hash = createHash("sha256");
  for (const table of tables) {
    // An unchanged table is scanned in the same order, so equal data gives an equal digest.
    hash.update(`${table}\n${JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all())}\n`);
  }
  return hash.digest("hex");
}

/** A lone surrogate: in a `u` regex, a well-formed pair is one code point and does not match. */
const LONE_SURROGATE = /\p{Cs}/u;

function hasIllFormedString(value: unknown): boolean {
  if (typeof value === "string") return LONE_SURROGATE.test(value);
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([key, item]) => LONE_SURROGATE.test(key) || hasIllFormedString(item));
}

/** Sends one input and checks the rules; a broken rule fails the property, which shows the input. */
async function sendAndCheck(path: string, input: unknown): Promise<void> {
  const body = JSON.stringify(input);
  const digest = dataDigest();
  const before = await requestCount(env.url);
  const response = await fetch(`${service.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
    body,
  });
  const answer = (await response.json()) as { error?: { code?: string } };
  const sent = (await requestCount(env.url)) - before;
  const where = `${path} ${body.slice(0, 400)} → ${response.status} ${JSON.stringify(answer).slice(0, 300)}`;
  expect(response.status, `a 5xx: ${where}`).toBeLessThan(500);
  const refused = response.status === 400 && answer.error?.code === "invalidInput";
  if (hasIllFormedString(input)) expect(refused, `ill-formed Unicode accepted: ${where}`).toBe(true);
  if (refused) {
    expect(sent, `a refused input reached PingOne: ${where}`).toBe(0);
    expect(dataDigest(), `a refused input changed the emulator's data: ${where}`).toBe(digest);
  }
}

const targets = [
  ...CAPABILITIES.map((capability) => ({
    path: `/capabilities/${capability.id}`,
    input: (real: RealData) => inputsOver(real).capabilityInput(capability),
  })),
  ...ACTIONS.map((action) => ({
    path: `/actions/${action.name}`,
    input: (real: RealData) => inputsOver(real).actionInput(action),
  })),
];

describe(`hostile input through the service (fast-check seed ${SEED}, ${RUNS_PER_TARGET} runs per target)`, () => {
  it.each(targets)(
    "$path: no 5xx; refused input reaches nothing and changes nothing",
    async ({ path, input }) => {
      const real = await createRealData();
      await fc.assert(
        fc.asyncProperty(input(real), (value) => sendAndCheck(path, value)),
        { numRuns: RUNS_PER_TARGET, seed: SEED, endOnFailure: true },
      );
    },
  );
});
