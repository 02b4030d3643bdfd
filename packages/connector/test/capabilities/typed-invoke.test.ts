import { describe, expect, expectTypeOf, it } from "vitest";
import type { CapabilityFailure } from "../../src/capabilities/kit/result.js";
import type { DryRunReport } from "../../src/capabilities/kit/run.js";
import type { UserLookupOutput } from "../../src/capabilities/users/user-lookup.js";
import { toDaVinciEnvelope } from "../../src/envelopes/davinci.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser } from "../support/emulator-environment.js";

/**
 * `connector.invoke` is typed per capability id. The type assertions are checked by the compiler
 * (`npm run typecheck` compiles test/): a regression of the typing fails the typecheck, and the
 * run below shows the typed value is the real one.
 */
const fixture = useEmulatorConnector({ client: { retry: { maxAttempts: 1 } } });

describe("typed invoke", () => {
  it("types userLookup's output, so matchedUser needs no cast", async () => {
    const user = await createTestUser(fixture.env.client);
    const result = await fixture.connector.invoke("userLookup", {
      matchAttributes: ["username"],
      userIdentifierForFindUser: user.username,
    });
    if (!result.ok) throw new Error(`userLookup failed: ${result.code}`);
    expectTypeOf(result.output).toEqualTypeOf<
      Omit<UserLookupOutput, "rawResponse" | "statusCode" | "headers">
    >();
    expectTypeOf(result.output.matchedUser).toEqualTypeOf<UserLookupOutput["matchedUser"]>();
    expectTypeOf(result.output.userCount).toEqualTypeOf<number>();
    expect(result.output.matchedUser.username).toBe(user.username);
    expect(result.output.userCount).toBe(1);

    const envelope = toDaVinciEnvelope(result);
    if ("error" in envelope) throw new Error(envelope.error.message);
    if ("action" in envelope) throw new Error("userLookup answered a user view");
    expectTypeOf(envelope.output.matchedUser).toEqualTypeOf<UserLookupOutput["matchedUser"]>();
    expectTypeOf(envelope.output.statusCode).toEqualTypeOf<number>();
    expect(envelope.output.statusCode).toBe(200);
  });

  it("types a failure and a dry run, and checks the input's property types", async () => {
    const failed = await fixture.connector.invoke("readUser", {
      matchAttribute: "username",
      identifier: "nobody-at-all",
    });
    if (failed.ok) throw new Error("readUser found a user that does not exist");
    expectTypeOf(failed).toEqualTypeOf<CapabilityFailure>();
    expect(failed.code).toBe("noUserMatch");

    const report = await fixture.connector.invoke("deleteUser", { identifier: "x" }, { dryRun: true });
    expectTypeOf(report).toEqualTypeOf<DryRunReport>();

    // A known id with a wrongly typed property does not fall back to the untyped overload.
    // @ts-expect-error matchAttribute is "id" | "username" | "email"
    await fixture.connector.invoke("readUser", { matchAttribute: 42, identifier: "x" });
    // Legacy names and properties a flow carries stay accepted.
    await fixture.connector.invoke("readUser", { userId: "x", identifier: "", nodeTitle: "Read" });
  });

  it("keeps any other string untyped, for ids known only at run time", async () => {
    const id: string = "readUser";
    const result = await fixture.connector.invoke(id, { identifier: "x" });
    expectTypeOf(result.ok ? result.output : undefined).toEqualTypeOf<Record<string, unknown> | undefined>();
    const unknown = await fixture.connector.invoke("noSuchCapability", {}).catch((error: Error) => error);
    expect(unknown).toMatchObject({ code: "unknownCapability" });
  });
});
