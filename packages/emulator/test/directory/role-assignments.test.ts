import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectCollection, expectMatchesSchema, expectPingOneError } from "../contract/schema-validators.js";
import { type DirectoryTestEnvironment, startDirectoryTestEnvironment } from "./directory-test-client.js";

let env: DirectoryTestEnvironment;

beforeAll(async () => {
  env = await startDirectoryTestEnvironment();
});

afterAll(async () => {
  await env.emulator.stop();
});

async function roleId(name: string): Promise<string> {
  const roles = await env.api("GET", "/v1/roles");
  const role = (roles.body._embedded.roles as { id: string; name: string }[]).find((r) => r.name === name);
  if (role === undefined) throw new Error(`no role ${name}`);
  return role.id;
}

describe("roles", () => {
  it("lists the built-in roles and reads one", async () => {
    const listed = await env.api("GET", "/v1/roles");
    expect(listed.status).toBe(200);
    expectCollection(listed.body, "roles");
    const names = listed.body._embedded.roles.map((r: { name: string }) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Environment Admin",
        "Identity Data Admin",
        "Organization Admin",
        "Client Application Developer",
        "Identity Data Read Only",
        "Configuration Read Only",
      ]),
    );
    const id = await roleId("Identity Data Admin");
    const one = await env.api("GET", `/v1/roles/${id}`);
    expectMatchesSchema(one.body, "Role");
    expect(one.body).toMatchObject({
      id,
      name: "Identity Data Admin",
      applicableTo: ["ENVIRONMENT", "POPULATION"],
    });
    const missing = await env.api("GET", "/v1/roles/3f1d9a52-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expectPingOneError(404, missing.body);
  });
});

describe("user role assignments", () => {
  it("grants, lists with expand=role, reads and revokes a role", async () => {
    const userId = await env.createUser("role.holder");
    const identityDataAdmin = await roleId("Identity Data Admin");
    const created = await env.api("POST", `/users/${userId}/roleAssignments`, {
      body: { role: { id: identityDataAdmin }, scope: { id: env.environmentId, type: "ENVIRONMENT" } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expectMatchesSchema(created.body, "RoleAssignment");
    expect(created.body).toMatchObject({
      role: { id: identityDataAdmin },
      scope: { id: env.environmentId, type: "ENVIRONMENT" },
      environment: { id: env.environmentId },
      readOnly: false,
    });

    const populationScoped = await env.api("POST", `/users/${userId}/roleAssignments`, {
      body: { role: { id: identityDataAdmin }, scope: { id: env.defaultPopulationId, type: "POPULATION" } },
    });
    expect(populationScoped.status).toBe(201);

    const listed = await env.api("GET", `/users/${userId}/roleAssignments?expand=role`);
    expect(listed.status).toBe(200);
    expectCollection(listed.body, "roleAssignments");
    expect(listed.body).toMatchObject({ count: 2, size: 2 });
    expect(listed.body._links.user.href).toBe(
      `${env.url}/v1/environments/${env.environmentId}/users/${userId}`,
    );
    const embedded = listed.body._embedded.roleAssignments[0]._embedded.role;
    expectMatchesSchema(embedded, "Role");
    expect(embedded.name).toBe("Identity Data Admin");

    const plain = await env.api("GET", `/users/${userId}/roleAssignments`);
    expect(plain.body._embedded.roleAssignments[0]._embedded).toBeUndefined();

    const one = await env.api("GET", `/users/${userId}/roleAssignments/${created.body.id}?expand=role`);
    expectMatchesSchema(one.body, "RoleAssignment");
    expect(one.body._embedded.role.id).toBe(identityDataAdmin);

    expect((await env.api("DELETE", `/users/${userId}/roleAssignments/${created.body.id}`)).status).toBe(204);
    const gone = await env.api("GET", `/users/${userId}/roleAssignments/${created.body.id}`);
    expect(gone.status).toBe(404);
    expectPingOneError(404, gone.body);
    expect((await env.api("GET", `/users/${userId}/roleAssignments`)).body.count).toBe(1);
  });

  it("refuses unknown roles, scopes a role cannot take, unknown scope ids and duplicates", async () => {
    const userId = await env.createUser("role.refused");
    const organizationAdmin = await roleId("Organization Admin");
    const environmentAdmin = await roleId("Environment Admin");
    const cases: [unknown, string][] = [
      [
        {
          role: { id: "3f1d9a52-0000-4000-8000-000000000000" },
          scope: { id: env.environmentId, type: "ENVIRONMENT" },
        },
        "role.id",
      ],
      [
        { role: { id: organizationAdmin }, scope: { id: env.environmentId, type: "ENVIRONMENT" } },
        "scope.type",
      ],
      [
        {
          role: { id: environmentAdmin },
          scope: { id: "3f1d9a52-0000-4000-8000-000000000000", type: "ENVIRONMENT" },
        },
        "scope.id",
      ],
      [{ role: { id: environmentAdmin }, scope: { id: env.environmentId, type: "GALAXY" } }, "scope.type"],
      [{ role: { id: environmentAdmin } }, "scope"],
    ];
    for (const [body, target] of cases) {
      const refused = await env.api("POST", `/users/${userId}/roleAssignments`, { body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expectPingOneError(400, refused.body);
      expect(refused.body.details[0].target).toBe(target);
    }
    const body = { role: { id: environmentAdmin }, scope: { id: env.environmentId, type: "ENVIRONMENT" } };
    expect((await env.api("POST", `/users/${userId}/roleAssignments`, { body })).status).toBe(201);
    const duplicate = await env.api("POST", `/users/${userId}/roleAssignments`, { body });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.details[0].code).toBe("UNIQUENESS_VIOLATION");
    expect((await env.api("GET", `/users/${userId}/roleAssignments`)).body.count).toBe(1);
  });

  it("lets Identity Data Admin read but not grant roles", async () => {
    const dataAdmin = await env.environmentWithRoles(["Identity Data Admin"]);
    const base = `/v1/environments/${dataAdmin.environmentId}`;
    const user = await env.api("POST", `${base}/users`, {
      token: dataAdmin.token,
      body: { username: "reader.only", email: "reader.only@example.com" },
    });
    expect(user.status).toBe(201);
    const read = await env.api("GET", `${base}/users/${user.body.id}/roleAssignments`, {
      token: dataAdmin.token,
    });
    expect(read.status).toBe(200);
    const grant = await env.api("POST", `${base}/users/${user.body.id}/roleAssignments`, {
      token: dataAdmin.token,
      body: {
        role: { id: await roleId("Environment Admin") },
        scope: { id: dataAdmin.environmentId, type: "ENVIRONMENT" },
      },
    });
    expect(grant.status).toBe(403);
    expectPingOneError(403, grant.body);
  });
});
