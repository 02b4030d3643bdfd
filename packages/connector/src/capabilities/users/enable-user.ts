import { type Static, Type } from "@sinclair/typebox";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema, stringEnum } from "../kit/schema-helpers.js";
import { resolveUser, userPath, userTarget } from "../kit/user-target.js";

/** A8 Update User Status: enable or disable. Setting the current value again is a success. */
export const enableUser = defineCapability({
  id: "enableUser",
  title: "Update User Status",
  description: "Enable or disable user accounts.",
  uses: [userTarget],
  input: {
    // Flows store toggles as booleans; text values "true"/"false" from variables are accepted too.
    enabled: Type.Union([Type.Boolean(), stringEnum(["true", "false"] as const)], {
      description: "Enable Status Of User",
    }),
  },
  output: outputSchema({
    user: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: true }),
  }),
  properties: {
    enabled: { displayName: "Enable User", control: "toggleSwitch", info: "Enable Status Of User" },
  },
  examples: [
    { matchAttribute: "id", identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce", enabled: false },
    { matchAttribute: "username", identifier: "johndoe", enabled: "true" },
  ],
  async handler(input, ctx) {
    const enabled = input.enabled === true || input.enabled === "true";
    const { id } = await resolveUser(ctx, input);
    const response = await ctx.client.request<Record<string, unknown>>({
      method: "PUT",
      path: `${userPath(ctx, id)}/enabled`,
      body: { enabled },
      final: true,
    });
    const confirmed = typeof response.body?.enabled === "boolean" ? response.body.enabled : enabled;
    return succeed({ user: { enabled: confirmed } }, response);
  },
});

export type EnableUserInput = InputOf<typeof enableUser>;
export type EnableUserOutput = Static<typeof enableUser.output>;
