import { createEmulator, type Emulator } from "../../src/emulator.js";

/** A response as the tests look at it: status, headers and the parsed JSON body (undefined when empty). */
export interface ApiResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  body: any;
}

export interface DirectoryTestEnvironment {
  emulator: Emulator;
  url: string;
  environmentId: string;
  defaultPopulationId: string;
  /** Calls `/v1/environments/{environmentId}{path}` (or `/v1{path}` when `path` starts with `/v1`). */
  api(
    method: string,
    path: string,
    options?: { body?: unknown; contentType?: string; token?: string },
  ): Promise<ApiResponse>;
  /** Another environment whose worker app holds only `roles`, with a token for it. */
  environmentWithRoles(roles: string[]): Promise<{ environmentId: string; token: string }>;
  createUser(username: string, extra?: Record<string, unknown>): Promise<string>;
}

async function toApiResponse(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === "" ? undefined : JSON.parse(text),
  };
}

async function fetchToken(
  url: string,
  environmentId: string,
  clientId: string,
  clientSecret: string,
): Promise<string> {
  const response = await fetch(`${url}/${environmentId}/as/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
    },
    body: "grant_type=client_credentials",
  });
  if (response.status !== 200) throw new Error(`token request failed with ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function provisionEnvironment(
  url: string,
  request: Record<string, unknown>,
): Promise<{ environmentId: string; clientId: string; clientSecret: string }> {
  const response = await fetch(`${url}/_emulator/environments`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
  });
  if (response.status !== 201) throw new Error(`provisioning an environment failed with ${response.status}`);
  return (await response.json()) as { environmentId: string; clientId: string; clientSecret: string };
}

/**
 * Starts a real emulator on 127.0.0.1:0, provisions an environment through the back door and returns a
 * client that talks to it over HTTP with a worker token (Environment Admin and Identity Data Admin).
 */
export async function startDirectoryTestEnvironment(): Promise<DirectoryTestEnvironment> {
  const emulator = createEmulator();
  const { url } = await emulator.start({ port: 0 });
  const provisioned = await provisionEnvironment(url, {});
  const { environmentId } = provisioned;
  const adminToken = await fetchToken(url, environmentId, provisioned.clientId, provisioned.clientSecret);

  const api: DirectoryTestEnvironment["api"] = async (method, path, options = {}) => {
    const target = path.startsWith("/v1")
      ? `${url}${path}`
      : `${url}/v1/environments/${environmentId}${path}`;
    const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? adminToken}` };
    if (options.body !== undefined) headers["content-type"] = options.contentType ?? "application/json";
    const init: RequestInit = { method, headers };
    if (options.body !== undefined) {
      init.body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    }
    return toApiResponse(await fetch(target, init));
  };

  const populations = await api("GET", "/populations");
  const defaultPopulationId = (
    populations.body._embedded.populations as { id: string; default: boolean }[]
  ).find((population) => population.default)?.id;
  if (defaultPopulationId === undefined)
    throw new Error("the provisioned environment has no default population");

  return {
    emulator,
    url,
    environmentId,
    defaultPopulationId,
    api,
    async environmentWithRoles(roles) {
      const other = await provisionEnvironment(url, { roles });
      return {
        environmentId: other.environmentId,
        token: await fetchToken(url, other.environmentId, other.clientId, other.clientSecret),
      };
    },
    async createUser(username, extra = {}) {
      const created = await api("POST", "/users", {
        body: { username, email: `${username}@example.com`, ...extra },
      });
      if (created.status !== 201)
        throw new Error(`creating user ${username} failed: ${JSON.stringify(created.body)}`);
      return created.body.id as string;
    },
  };
}
