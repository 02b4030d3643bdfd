import { describe, expect, it } from "vitest";
import { UnknownActionError } from "../../src/actions/action-errors.js";
import { runAction } from "../../src/actions/run-action.js";
import { CAPABILITIES, REGISTRY } from "../../src/capabilities/index.js";
import { prepareInput } from "../../src/capabilities/kit/prepare-input.js";
import { createConnector } from "../../src/connector.js";
import { UnknownCapabilityError } from "../../src/facade/unknown-capability-error.js";
import { compileSchema } from "../support/schema-validator.js";
import { SWIMLANE_ACTION_NAMES } from "../support/swimlane-actions.js";

const CONTROLS = new Set([
  "textField",
  "textArea",
  "toggleSwitch",
  "dropDown",
  "textFieldArrayView",
  "variableInputList",
  "keyValueList",
  "label",
  "link",
]);

describe("the capability registry", () => {
  it("has unique DaVinci ids, UI metadata for every required property, and UI that matches the schema", () => {
    const ids = CAPABILITIES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const capability of CAPABILITIES) {
      expect(capability.title.length, capability.id).toBeGreaterThan(0);
      expect(Object.keys(capability.errors).length, capability.id).toBeGreaterThan(0);
      // Some documented Input Schemas carry fields the panel never shows (createUserGroupMembership).
      for (const name of capability.input.required ?? []) {
        expect(capability.properties[name], `${capability.id}.${name} has no UI metadata`).toBeDefined();
      }
      for (const [name, ui] of Object.entries(capability.properties)) {
        expect(CONTROLS.has(ui.control), `${capability.id}.${name}`).toBe(true);
        if (!ui.uiOnly && ui.control !== "label" && ui.control !== "link") {
          expect(
            capability.input.properties,
            `${capability.id}.${name} is shown but not in the schema`,
          ).toHaveProperty(name);
        }
      }
      // rawResponse too, except where the product documents none (deleteAccountLink).
      for (const key of ["statusCode", "headers"]) {
        expect(capability.output.properties, capability.id).toHaveProperty(key);
      }
    }
  });

  it("keys the registry by each definition's own id, so invoke's types name the capability that runs", () => {
    expect(Object.entries(REGISTRY).filter(([key, definition]) => key !== definition.id)).toEqual([]);
  });

  it("accepts every documented input example, flat and DaVinci-wrapped", () => {
    for (const capability of CAPABILITIES) {
      expect(capability.examples.length, capability.id).toBeGreaterThan(0);
      for (const example of capability.examples) {
        expect(
          prepareInput(capability, example).problems,
          `${capability.id} ${JSON.stringify(example)}`,
        ).toEqual([]);
        expect(prepareInput(capability, { properties: example }).problems).toEqual([]);
      }
    }
  });

  it("accepts every user view's submission example, flat and as DaVinci's parameters", () => {
    const withViews = CAPABILITIES.filter((capability) => capability.userView);
    expect(withViews.map((capability) => capability.id)).toEqual(["singleFactorSignOn"]);
    for (const capability of withViews) {
      const view = capability.userView!;
      expect(() => compileSchema(view.view)).not.toThrow();
      expect(view.examples.length, capability.id).toBeGreaterThan(0);
      for (const example of view.examples) {
        const step = { input: view.submission };
        expect(prepareInput(step, example, "parameters").problems, JSON.stringify(example)).toEqual([]);
        expect(prepareInput(step, { parameters: example }, "parameters").problems).toEqual([]);
      }
    }
  });

  it("has input and output schemas that are valid JSON Schema", () => {
    for (const capability of CAPABILITIES) {
      expect(() => compileSchema(capability.input)).not.toThrow();
      expect(() => compileSchema(capability.output)).not.toThrow();
    }
  });

  it("describes the error keys every capability can raise, and the user-resolution ones where a user is targeted", () => {
    const connector = createConnector();
    for (const { id } of connector.list()) {
      const { errors, properties } = connector.describe(id);
      for (const key of ["invalidInput", "accessFailed", "connectionFailed", "unexpectedError"]) {
        expect(errors[key], `${id}.${key}`).toEqual(expect.any(String));
      }
      if (properties.matchAttribute) {
        expect(Object.keys(errors), id).toEqual(expect.arrayContaining(["noUserMatch", "multipleUserMatch"]));
      }
    }
    // A capability's own text wins over the shared one.
    expect(connector.describe("unlockUser").errors.invalidInput).toBe("The user id is empty.");
    expect(connector.describe("readUser").errors.accessFailed).toBe(
      "The worker application lacks the roles or credentials for this call.",
    );
  });

  it("maps a legacy userId onto the identifier, then the capability's own legacy names", () => {
    const setPassword = CAPABILITIES.find((c) => c.id === "setPassword")!;
    const { value, problems } = prepareInput(setPassword, { userId: "u-1", newPassword: "N3w-Pass!" });
    expect(problems).toEqual([]);
    expect(value).toMatchObject({ matchAttribute: "id", identifier: "u-1", passwordValue: "N3w-Pass!" });
  });

  it("lists, describes and validates through the library without a connection", () => {
    const connector = createConnector();
    expect(connector.list().map((c) => c.id)).toContain("checkPassword");
    const described = connector.describe("checkPassword");
    expect(described.properties.password).toMatchObject({ displayName: "Password", secret: true });
    expect(described.inputSchema.required).toEqual(["matchAttribute", "identifier", "password"]);
    expect(connector.validate("checkPassword", { identifier: "a", password: "b" })).toEqual({
      valid: true,
      problems: [],
      warnings: [],
    });
    expect(() => connector.describe("noSuchCapability")).toThrow(/Unknown capability/);
    expect(connector.listActions().map((a) => a.name)).toEqual(SWIMLANE_ACTION_NAMES);
    expect(connector.describeAction("get_user_by_id")).toMatchObject({
      name: "get_user_by_id",
      method: "GET",
      endpoint: "v1/environments/{{envID}}/users/{{userID}}",
      inputSchema: { required: ["path_parameters"] },
    });
    expect(() => connector.describeAction("no_such_action")).toThrow(UnknownActionError);
  });

  it("treats Object.prototype's names as unknown capabilities, actions and options", async () => {
    const connector = createConnector({
      envId: "11111111-1111-4111-8111-111111111111",
      clientId: "client",
      clientSecret: "secret",
      region: "NA",
    });
    const neverSent = {
      environmentId: "env",
      send: () => Promise.reject(new Error("no request may be sent for an unknown name")),
    } as unknown as Parameters<typeof runAction>[0];
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(() => connector.describe(name)).toThrow(UnknownCapabilityError);
      expect(() => connector.validate(name, {})).toThrow(UnknownCapabilityError);
      await expect(connector.invoke(name, {})).rejects.toThrow(UnknownCapabilityError);
      await expect(runAction(neverSent, name, {})).rejects.toThrow(UnknownActionError);
      const result = await connector.invoke("readUser", { matchAttribute: name, identifier: "someone" });
      expect(result).toMatchObject({ ok: false, code: "invalidInput" });
      expect(connector.validate("deleteUser", { matchAttribute: name, identifier: "someone" })).toMatchObject(
        {
          valid: false,
          problems: [expect.objectContaining({ path: "/matchAttribute" })],
        },
      );
    }
  });
});
