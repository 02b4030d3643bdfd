import { describe, expect, it } from "vitest";
import { ActionInputError } from "../../src/index.js";
import { invokeError, invokeOk } from "../support/capability-harness.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser, requestCount } from "../support/emulator-environment.js";

const fixture = useEmulatorConnector({ client: { retry: { maxAttempts: 1 } } });
const LONE = "\ud800";

/**
 * A lone surrogate becomes U+FFFD when it is encoded to UTF-8, so without the check a lookup
 * for "\ud800" would act on the user whose username is "\uFFFD".
 */
describe("input that is not well-formed Unicode", () => {
  it("is refused by every user-targeted capability before any call, and the look-alike user is untouched", async () => {
    const lookAlike = await createTestUser(fixture.env.client, {
      username: `\uFFFD${Date.now()}`,
      email: `x\uFFFD@example.com`,
    });
    const cases: [string, Record<string, unknown>][] = [
      ["deleteUser", { matchAttribute: "username", identifier: `${LONE}${lookAlike.username.slice(1)}` }],
      ["readUser", { matchAttribute: "username", identifier: `${LONE}${lookAlike.username.slice(1)}` }],
      ["readUser", { matchAttribute: "email", identifier: `x${LONE}@example.com` }],
      ["readUser", { matchAttribute: "id", identifier: LONE }],
      ["deleteUser", { matchAttribute: "id", identifier: `${lookAlike.id}${LONE}` }],
      ["readGroup", { groupId: LONE }],
      ["userLookup", { identifier: `${LONE}${lookAlike.username.slice(1)}` }],
    ];
    const before = await requestCount(fixture.env.url);
    for (const [id, input] of cases) {
      const error = await invokeError(fixture.connector, id, input);
      expect(error.code, id).toBe("invalidInput");
      expect(error.message, id).toMatch(/well-formed Unicode/);
    }
    expect(await requestCount(fixture.env.url)).toBe(before);
    const still = await invokeOk(fixture.connector, "readUser", {
      matchAttribute: "id",
      identifier: lookAlike.id,
    });
    expect(still.user).toMatchObject({ username: lookAlike.username });
  });

  it("names the property, also inside a DaVinci-wrapped input and in property names", async () => {
    const wrapped = await fixture.connector.invoke("readUser", {
      properties: { matchAttribute: "username", identifier: LONE },
    });
    expect(wrapped.ok).toBe(false);
    expect(!wrapped.ok && wrapped.problems?.map((p) => p.path)).toEqual(["/properties/identifier"]);
    const key = await fixture.connector.invoke("readUser", { identifier: "x", [`a${LONE}`]: 1 });
    expect(!key.ok && key.problems?.[0]?.message).toMatch(/property name/);
  });

  it("is refused in Swimlane path parameters and query values before any call", async () => {
    const before = await requestCount(fixture.env.url);
    for (const input of [
      { path_parameters: { userID: LONE } },
      { parameters: { filter: `username eq "${LONE}"` } },
    ]) {
      const name = "path_parameters" in input ? "get_user_by_id" : "get_users";
      const error = await fixture.connector.runAction(name, input).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error, name).toBeInstanceOf(ActionInputError);
      expect(String((error as Error).message), name).toMatch(/well-formed Unicode/);
    }
    expect(await requestCount(fixture.env.url)).toBe(before);
  });
});
