import { createEmulator, type Emulator, type EmulatorOptions } from "../../src/index.js";

/** What `POST /_emulator/environments` returns. */
export interface ProvisionedTestEnvironment {
  environmentId: string;
  clientId: string;
  clientSecret: string;
  tokenAuthMethod: "CLIENT_SECRET_BASIC" | "CLIENT_SECRET_POST";
  authUrl: string;
  apiUrl: string;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  body: any;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body text, sent as is (for malformed JSON and oversize tests). */
  rawBody?: string;
  contentType?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** Sends one request and reads the whole response; JSON bodies are parsed when possible. */
export async function send(method: string, url: string, options: RequestOptions = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined || options.contentType !== undefined) {
    headers["Content-Type"] = options.contentType ?? "application/json";
  }
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** A running emulator on 127.0.0.1 with a provisioned environment and a token for it. */
export interface EmulatorFixture {
  emulator: Emulator;
  url: string;
  environment: ProvisionedTestEnvironment;
  token: string;
  /** Fetches a fresh token (after moving the clock past the old one's expiry) and uses it from now on. */
  renewToken(): Promise<string>;
  /** `send` against `${url}/v1/environments/${environmentId}${path}` with the fixture's token. */
  api(method: string, path: string, options?: RequestOptions): Promise<HttpResult>;
  stop(): Promise<void>;
}

export async function provisionEnvironment(
  url: string,
  request: Record<string, unknown> = {},
): Promise<ProvisionedTestEnvironment> {
  const result = await send("POST", `${url}/_emulator/environments`, { body: request });
  if (result.status !== 201) throw new Error(`provisioning failed: ${result.status} ${result.text}`);
  return result.body as ProvisionedTestEnvironment;
}

/** Gets a worker token with the environment's configured client authentication method. */
export async function fetchToken(environment: ProvisionedTestEnvironment): Promise<string> {
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (environment.tokenAuthMethod === "CLIENT_SECRET_BASIC") {
    const credentials = `${encodeURIComponent(environment.clientId)}:${encodeURIComponent(environment.clientSecret)}`;
    headers.Authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
  } else {
    form.set("client_id", environment.clientId);
    form.set("client_secret", environment.clientSecret);
  }
  const response = await fetch(`${environment.authUrl}/${environment.environmentId}/as/token`, {
    method: "POST",
    headers,
    body: form.toString(),
  });
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || body.access_token === undefined) {
    throw new Error(`token request failed: ${response.status}`);
  }
  return body.access_token;
}

/** Starts an emulator on port 0, provisions one environment and fetches its token. */
export async function startEmulatorFixture(
  options: EmulatorOptions = {},
  environmentRequest: Record<string, unknown> = {},
): Promise<EmulatorFixture> {
  const emulator = createEmulator(options);
  const { url } = await emulator.start({ port: 0 });
  const environment = await provisionEnvironment(url, environmentRequest);
  const fixture: EmulatorFixture = {
    emulator,
    url,
    environment,
    token: await fetchToken(environment),
    async renewToken() {
      fixture.token = await fetchToken(environment);
      return fixture.token;
    },
    api: (method, path, requestOptions = {}) =>
      send(method, `${url}/v1/environments/${environment.environmentId}${path}`, {
        token: fixture.token,
        ...requestOptions,
      }),
    stop: () => emulator.stop(),
  };
  return fixture;
}
