import type { Emulator, EmulatorOptions } from "../../src/index.js";
import {
  fetchToken,
  type HttpResult,
  provisionEnvironment,
  type RequestOptions,
  send,
  startEmulatorFixture,
} from "../support/emulator-harness.js";

export interface DirectoryTestEnvironment {
  emulator: Emulator;
  url: string;
  environmentId: string;
  defaultPopulationId: string;
  /** Calls `/v1/environments/{environmentId}{path}`, or `{path}` as is when it starts with `/v1`. */
  api(method: string, path: string, options?: RequestOptions): Promise<HttpResult>;
  /** Another environment whose worker app holds only `roles`, with a token for it. */
  environmentWithRoles(roles: string[]): Promise<{ environmentId: string; token: string }>;
  /** Creates a user through `POST /users` and returns its id. */
  createUser(username: string, extra?: Record<string, unknown>): Promise<string>;
}

/**
 * The shared emulator fixture (a real emulator on 127.0.0.1:0, an environment from the back door, a worker
 * token with Environment Admin and Identity Data Admin) plus what the directory tests need on top.
 */
export async function startDirectoryTestEnvironment(
  options: EmulatorOptions = {},
): Promise<DirectoryTestEnvironment> {
  const fixture = await startEmulatorFixture(options);
  const { url } = fixture;
  const api: DirectoryTestEnvironment["api"] = (method, path, requestOptions = {}) =>
    path.startsWith("/v1")
      ? send(method, `${url}${path}`, { token: fixture.token, ...requestOptions })
      : fixture.api(method, path, requestOptions);

  const populations = await api("GET", "/populations");
  const defaultPopulationId = (
    populations.body._embedded.populations as { id: string; default: boolean }[]
  ).find((population) => population.default)?.id;
  if (defaultPopulationId === undefined)
    throw new Error("the provisioned environment has no default population");

  return {
    emulator: fixture.emulator,
    url,
    environmentId: fixture.environment.environmentId,
    defaultPopulationId,
    api,
    async environmentWithRoles(roles) {
      const other = await provisionEnvironment(url, { roles });
      return { environmentId: other.environmentId, token: await fetchToken(other) };
    },
    async createUser(username, extra = {}) {
      const created = await api("POST", "/users", {
        body: { username, email: `${username}@example.com`, ...extra },
      });
      if (created.status !== 201) throw new Error(`creating user ${username} failed: ${created.text}`);
      return created.body.id as string;
    },
  };
}
