import { describe, expect, it } from "vitest";
import { invokeError, invokeOk } from "../support/capability-harness.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { requestCount } from "../support/emulator-environment.js";

const fixture = useEmulatorConnector({ client: { retry: { maxAttempts: 1 } } });

async function createTheme(body: Record<string, unknown>): Promise<{ id: string }> {
  const { env } = fixture;
  const response = await env.client.request<{ id: string }>({
    method: "POST",
    path: `/environments/${env.environment.environmentId}/themes`,
    body,
  });
  return response.body;
}

describe("readTheme", () => {
  it("reads the default theme for an empty id, a named theme by id, and notFound otherwise", async () => {
    const { env, connector } = fixture;
    const none = await invokeError(connector, "readTheme", { themeId: "" });
    expect(none.code).toBe("notFound");
    const first = await createTheme({
      template: "default",
      default: false,
      configuration: { logoType: "NONE", backgroundType: "DEFAULT", name: "Demo Default" },
    });
    const slate = await createTheme({
      template: "slate",
      default: false,
      configuration: { logoType: "NONE", backgroundType: "DEFAULT", name: "Demo Slate" },
    });
    const byDefault = await invokeOk(connector, "readTheme", { properties: { themeId: "" } });
    expect(byDefault.theme).toMatchObject({
      id: first.id,
      default: true,
      configuration: { name: "Demo Default" },
    });
    const named = await invokeOk(connector, "readTheme", { themeId: slate.id });
    expect(named.statusCode).toBe(200);
    expect(named.theme).toMatchObject({
      id: slate.id,
      template: "slate",
      default: false,
      environment: { id: env.environment.environmentId },
      configuration: { name: "Demo Slate", buttonColor: expect.any(String) },
    });
    expect(named.theme).not.toHaveProperty("_links");
    expect(named.rawResponse).toHaveProperty("_links");
    for (const themeId of ["7d3c1a4e-0b5f-4c2d-9e8a-1f2b3c4d5e6f", "not-a-uuid", ".."]) {
      expect((await invokeError(connector, "readTheme", { themeId })).code, themeId).toBe("notFound");
    }
    const before = await requestCount(env.url);
    expect((await invokeError(connector, "readTheme", {})).code).toBe("invalidInput");
    expect((await invokeError(connector, "readTheme", { themeId: "a".repeat(101) })).code).toBe(
      "invalidInput",
    );
    expect(await requestCount(env.url)).toBe(before);
  });
});
