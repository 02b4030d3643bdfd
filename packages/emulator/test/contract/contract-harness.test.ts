import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  expectCollection,
  expectMatchesSchema,
  expectPingOneError,
  OFFICIAL_ERROR_SCHEMAS,
  schemaErrors,
  validatorFor,
} from "./schema-validators.js";

// The harness itself: each check must reject a wrong body, or every contract test built on it proves nothing.
const env = { id: randomUUID() };
const self = { self: { href: "http://127.0.0.1:4600/v1/environments/x/groups/y" } };

describe("contract harness", () => {
  it("compiles every community, overlay and official schema the tests use", () => {
    for (const name of [
      "User",
      "Group",
      "GroupMembership",
      "Population",
      "RoleAssignment",
      "Role",
      "Environment",
      "P1Error",
      "PasswordState",
      "Session",
      "LinkedAccount",
      "IdentityProvider",
      "Collection.users",
      "Collection.sessions",
      "application/vnd.pingidentity.account.link",
      ...Object.values(OFFICIAL_ERROR_SCHEMAS),
    ] as const) {
      expect(typeof validatorFor(name)).toBe("function");
    }
  });

  it("accepts a PingOne group and rejects one without a name", () => {
    const group = { id: randomUUID(), environment: env, name: "Admins", _links: self };
    expectMatchesSchema(group, "Group");
    expect(schemaErrors({ id: group.id }, "Group")).toContain("name");
  });

  it("rejects a membership type outside DIRECT/INDIRECT through the community enum", () => {
    expect(schemaErrors({ id: "g", type: "DIRECT" }, "GroupMembership")).toBeUndefined();
    expect(schemaErrors({ id: "g", type: "NESTED" }, "GroupMembership")).toMatch(/type/);
  });

  it("validates collections per key, including each embedded item", () => {
    const body = {
      _links: self,
      _embedded: { groups: [{ id: "g", name: "A", environment: env }] },
      count: 1,
      size: 1,
    };
    expectCollection(body, "groups");
    expect(() => expectCollection({ ...body, _embedded: { users: [] } }, "groups")).toThrow(/groups/);
    expect(() => expectCollection({ ...body, _embedded: { groups: [{ id: "g" }] } }, "groups")).toThrow(
      /name/,
    );
    expect(() => expectCollection({ ...body, _links: { self: { href: "not a uri" } } }, "groups")).toThrow();
    expect(() => expectCollection({ _links: self, _embedded: body._embedded, size: 1 }, "groups")).toThrow(
      /count/,
    );
  });

  it("checks error bodies against the official strict error schema of the status", () => {
    const body = {
      id: randomUUID(),
      code: "INVALID_DATA",
      message: "The request could not be completed.",
      details: [{ code: "UNIQUENESS_VIOLATION", target: "name", message: "must be unique" }],
    };
    expectPingOneError(400, body);
    expect(() => expectPingOneError(400, { ...body, code: "NOT_FOUND" })).toThrow(/BadRequestError/);
    expect(() => expectPingOneError(400, { ...body, id: "not-a-uuid" })).toThrow(/id/);
    expect(() => expectPingOneError(400, { ...body, details: [{ code: "MADE_UP", message: "x" }] })).toThrow(
      /details/,
    );
    expectPingOneError(404, {
      id: randomUUID(),
      code: "NOT_FOUND",
      message: "The requested resource was not found.",
    });
    expect(() => expectPingOneError(404, { code: "NOT_FOUND", message: "m" })).toThrow(/id/);
  });

  it("checks overlay resources the community spec lacks", () => {
    const session = {
      id: randomUUID(),
      environment: env,
      user: { id: randomUUID() },
      createdAt: "2026-01-02T03:04:05.000Z",
      _links: self,
    };
    expectMatchesSchema(session, "Session");
    expect(schemaErrors({ ...session, createdAt: "yesterday" }, "Session")).toMatch(/createdAt/);
    expect(
      schemaErrors({ status: "FINE", environment: env, user: env, _links: self }, "PasswordState"),
    ).toMatch(/status/);
    expect(
      schemaErrors({ identityProvider: { id: "i" } }, "application/vnd.pingidentity.account.link"),
    ).toMatch(/externalId/);
  });
});
