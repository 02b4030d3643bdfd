import { describe, expect, it } from "vitest";
import { createConnector } from "../../src/connector.js";
import { NoContinuationError } from "../../src/facade/no-continuation-error.js";
import {
  continueError,
  continueOk,
  createUserWithPassword,
  invokeError,
  invokeUserView,
  strongPassword,
} from "../support/capability-harness.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser, requestCount } from "../support/emulator-environment.js";
import { createForm, createTheme, disableUser, signOnFields } from "../support/sign-on-setup.js";

const fixture = useEmulatorConnector({ client: { retry: { maxAttempts: 1 } } });
const ID = "singleFactorSignOn";

describe("singleFactorSignOn step 1: the user view", () => {
  it("shows PingOne's own look where the environment has no theme, then the active theme, or the one named", async () => {
    const { client, environment } = await fixture.env.provision();
    const connector = createConnector({
      environmentId: environment.environmentId,
      clientId: environment.clientId,
      clientSecret: environment.clientSecret,
      apiUrl: environment.apiUrl,
      authUrl: environment.authUrl,
    });
    try {
      const formId = await createForm(client);
      const bare = await invokeUserView(connector, ID, { singleFactorSignOnFormId: formId });
      expect(bare.id).toBe(ID);
      expect(bare.properties.theme).toEqual({
        template: "default",
        colors: expect.objectContaining({ button: "#2996cc", card: "#ffffff" }),
        background: { type: "DEFAULT" },
      });

      const active = await createTheme(client, {
        name: "Acme",
        footer: "© Acme Corp",
        buttonColor: "#123456",
        logoType: "IMAGE",
        logo: { href: "https://cdn.example.com/acme.png", id: "6d1c2b1a-1a44-4b1b-8a61-2d5ac6f7e8a9" },
      });
      const slate = await createTheme(client, { name: "Slate one" }, { template: "slate" });
      const view = await invokeUserView(connector, ID, { properties: { singleFactorSignOnFormId: formId } });
      expect(view.properties).toMatchObject({
        form: {
          id: formId,
          name: "Username and password sign-on",
          markRequired: true,
          fields: [
            { type: "TEXT", key: "user.username", label: "Username", submitAs: "username", required: true },
            { type: "PASSWORD", key: "user.password", label: "Password", submitAs: "password" },
            { type: "SUBMIT_BUTTON", label: "Sign On", buttonValue: "submit" },
            { type: "FLOW_LINK", label: "Forgot password?", buttonValue: "forgotPassword" },
            { type: "ERROR_DISPLAY" },
          ],
        },
        theme: {
          id: active,
          name: "Acme",
          footer: "© Acme Corp",
          logo: { href: "https://cdn.example.com/acme.png" },
          colors: { button: "#123456" },
        },
        buttons: [
          { buttonValue: "submit", label: "Sign On", type: "SUBMIT_BUTTON" },
          { buttonValue: "forgotPassword", label: "Forgot password?", type: "FLOW_LINK" },
        ],
      });
      const named = await invokeUserView(connector, ID, {
        singleFactorSignOnFormId: formId,
        theme: "useThemeId",
        themeId: slate,
      });
      expect(named.properties.theme).toMatchObject({ id: slate, template: "slate", name: "Slate one" });
      // A theme id alone names the theme too.
      const byId = await invokeUserView(connector, ID, { singleFactorSignOnFormId: formId, themeId: slate });
      expect(byId.properties.theme).toMatchObject({ id: slate });
      // The active choice ignores a leftover theme id.
      const activeChoice = await invokeUserView(connector, ID, {
        singleFactorSignOnFormId: formId,
        theme: "activeTheme",
        themeId: slate,
      });
      expect(activeChoice.properties.theme).toMatchObject({ id: active });
    } finally {
      await connector.close();
    }
  });

  it("reads the form's texts from rich text and its language bundle, and keeps only what a sign-on shows", async () => {
    const fields = [
      {
        type: "SLATE_TEXTBLOB",
        position: { row: 0, col: 0 },
        content: JSON.stringify([
          { type: "paragraph", children: [{ text: "Welcome " }, { text: "back", bold: true }] },
          { type: "paragraph", children: [{ text: "Second line" }] },
        ]),
      },
      {
        type: "TEXT",
        position: { row: 2, col: 0 },
        key: "user.nickname",
        label: "Nickname",
        validation: { type: "NONE" },
      },
      ...signOnFields().map((field) => ({
        ...field,
        position: { row: field.position.row + 3, col: 0 },
        // Translated forms name an entry of the language bundle instead of a text.
        ...(field.type === "TEXT" ? { label: "fields.username" } : {}),
      })),
      { type: "CHECKBOX", position: { row: 9, col: 0 }, key: "remember", label: "Remember me" },
      { type: "DIVIDER", position: { row: 1, col: 0 } },
    ];
    const formId = await createForm(fixture.env.client, fields, {
      languageBundle: { "fields.username": "E-mail or username" },
      passwordAutoCompleteEnabled: false,
    });
    const { properties } = await invokeUserView(fixture.connector, ID, { singleFactorSignOnFormId: formId });
    const form = properties.form as {
      fields: { type: string; text?: string; label?: string; autoComplete?: boolean }[];
    };
    expect(form.fields.map((field) => field.type)).toEqual([
      "SLATE_TEXTBLOB",
      "DIVIDER",
      "TEXT",
      "PASSWORD",
      "SUBMIT_BUTTON",
      "FLOW_LINK",
      "ERROR_DISPLAY",
    ]);
    expect(form.fields[0]!.text).toBe("Welcome back\nSecond line");
    expect(form.fields[2]).toMatchObject({
      key: "user.username",
      label: "E-mail or username",
      autoComplete: true,
    });
    expect(form.fields[3]).toMatchObject({ autoComplete: false });
  });

  it("fails with notFound for an unknown form or theme, invalidValue for a form that cannot sign on, and invalidInput without a call", async () => {
    const formId = await createForm(fixture.env.client);
    for (const id of ["7d3c1a4e-0b5f-4c2d-9e8a-1f2b3c4d5e6f", "not-a-uuid", ".."]) {
      expect((await invokeError(fixture.connector, ID, { singleFactorSignOnFormId: id })).code, id).toBe(
        "notFound",
      );
    }
    const unknownTheme = await invokeError(fixture.connector, ID, {
      singleFactorSignOnFormId: formId,
      theme: "useThemeId",
      themeId: "7d3c1a4e-0b5f-4c2d-9e8a-1f2b3c4d5e6f",
    });
    expect(unknownTheme).toMatchObject({ code: "notFound", httpResponseCode: 404 });
    const noPassword = await createForm(
      fixture.env.client,
      signOnFields().filter((f) => f.type !== "PASSWORD"),
    );
    const refused = await invokeError(fixture.connector, ID, { singleFactorSignOnFormId: noPassword });
    expect(refused.code).toBe("invalidValue");
    expect(refused.message).toMatch(/no a PASSWORD field/);

    const before = await requestCount(fixture.env.url);
    expect((await invokeError(fixture.connector, ID, {})).problems?.[0]?.path).toBe(
      "/singleFactorSignOnFormId",
    );
    expect(
      (await invokeError(fixture.connector, ID, { singleFactorSignOnFormId: formId, theme: "useThemeId" }))
        .code,
    ).toBe("invalidInput");
    expect(
      (await invokeError(fixture.connector, ID, { singleFactorSignOnFormId: formId, theme: "other" })).code,
    ).toBe("invalidInput");
    expect(await requestCount(fixture.env.url)).toBe(before);
  });

  it("dry-runs step 1 as its two reads, sent together", async () => {
    const report = await fixture.connector.invoke(
      ID,
      { singleFactorSignOnFormId: "f-1", themeId: "t-1" },
      { dryRun: true },
    );
    expect(report).toMatchObject({ complete: true, capability: ID });
    expect(report.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      `GET /v1/environments/${fixture.env.environment.environmentId}/forms/f-1`,
      `GET /v1/environments/${fixture.env.environment.environmentId}/themes/t-1`,
    ]);
  });
});

describe("singleFactorSignOn step 2: the submission", () => {
  it("signs a user on with the submit button: user, password state and buttonValue", async () => {
    const password = strongPassword();
    const user = await createUserWithPassword(fixture.env.client, password);
    const output = await continueOk(fixture.connector, ID, {
      username: user.username,
      password,
      buttonValue: "submit",
    });
    expect(output).toMatchObject({
      buttonValue: "submit",
      user: { id: user.id, username: user.username },
      passwordState: { status: "OK", user: { id: user.id } },
      statusCode: 200,
    });
    expect(output.user).not.toHaveProperty("_links");
    expect(output.rawResponse).toMatchObject({ id: user.id, _links: expect.any(Object) });
    expect(JSON.stringify(output)).not.toContain(password);
    // buttonValue defaults to submit, and DaVinci sends the submission as parameters.
    const wrapped = await continueOk(fixture.connector, ID, {
      properties: { singleFactorSignOnFormId: "ignored" },
      parameters: { username: user.username, password },
    });
    expect(wrapped).toMatchObject({ buttonValue: "submit", user: { id: user.id } });
  });

  it("answers another button's value without a password check, or any call", async () => {
    const before = await requestCount(fixture.env.url);
    const output = await continueOk(fixture.connector, ID, {
      buttonValue: "forgotPassword",
      username: "whoever",
    });
    expect(output).toEqual({ buttonValue: "forgotPassword", statusCode: 200, headers: {}, rawResponse: {} });
    expect(await requestCount(fixture.env.url)).toBe(before);
  });

  it("fails with the keys of Check Password, until the policy locks the password out", async () => {
    const password = strongPassword();
    const user = await createUserWithPassword(fixture.env.client, password);
    const codes: string[] = [];
    for (let attempt = 0; attempt < 10 && codes.at(-1) !== "passwordLockedOut"; attempt++) {
      codes.push(
        (await continueError(fixture.connector, ID, { username: user.username, password: "Wrong-Passw0rd!" }))
          .code,
      );
    }
    // The emulator's Standard policy locks after 5 failures, as PingOne's is reported to.
    expect(codes).toEqual([
      "passwordNotValid",
      "passwordNotValid",
      "passwordNotValid",
      "passwordNotValid",
      "passwordLockedOut",
    ]);
    expect((await continueError(fixture.connector, ID, { username: user.username, password })).code).toBe(
      "passwordLockedOut",
    );

    expect(
      (await continueError(fixture.connector, ID, { username: "nobody-here", password: "x" })).code,
    ).toBe("noUserMatch");
    const disabled = await createUserWithPassword(fixture.env.client, password);
    await disableUser(fixture.env.client, disabled.id);
    expect((await continueError(fixture.connector, ID, { username: disabled.username, password })).code).toBe(
      "userDisabled",
    );
    const passwordless = await createTestUser(fixture.env.client);
    expect(
      (await continueError(fixture.connector, ID, { username: passwordless.username, password: "x" })).code,
    ).toBe("noPassword");
  });

  it("refuses a submit without username or password before any call, with a pointer to each", async () => {
    const before = await requestCount(fixture.env.url);
    const missing = await continueError(fixture.connector, ID, { buttonValue: "submit", username: "" });
    expect(missing.code).toBe("invalidInput");
    expect(missing.problems?.map((p) => p.path).sort()).toEqual(["/password", "/username"]);
    const wrapped = await continueError(fixture.connector, ID, { parameters: { username: "jo" } });
    expect(wrapped.problems?.map((p) => p.path)).toEqual(["/parameters/password"]);
    expect((await continueError(fixture.connector, ID, { username: "  ", password: "x" })).code).toBe(
      "invalidInput",
    );
    expect((await continueError(fixture.connector, ID, { buttonValue: "" })).code).toBe("invalidInput");
    expect(await requestCount(fixture.env.url)).toBe(before);
  });

  it("dry-runs the submission, and refuses to continue a capability that shows no screen", async () => {
    const submit = await fixture.connector.continue(
      ID,
      { username: "jo", password: "secret-pw" },
      { dryRun: true },
    );
    expect(submit).toMatchObject({
      step: "continue",
      complete: false,
      pendingOn: expect.stringContaining("/users"),
    });
    expect(JSON.stringify(submit)).not.toContain("secret-pw");
    const button = await fixture.connector.continue(ID, { buttonValue: "forgotPassword" }, { dryRun: true });
    expect(button).toMatchObject({ complete: true, requests: [] });
    await expect(fixture.connector.continue("readUser", {})).rejects.toThrow(NoContinuationError);
  });
});
