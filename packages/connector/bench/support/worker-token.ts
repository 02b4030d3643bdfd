import type { Dispatcher } from "undici";
import { fetch } from "undici";
import type { ProvisionedEnvironment } from "./emulator-process.js";

/** A worker token fetched by hand, for the raw-HTTP baselines (client_secret_basic). */
export async function rawWorkerToken(env: ProvisionedEnvironment, dispatcher: Dispatcher): Promise<string> {
  const basic = Buffer.from(
    `${encodeURIComponent(env.clientId)}:${encodeURIComponent(env.clientSecret)}`,
  ).toString("base64");
  const response = await fetch(`${env.authUrl}/${env.environmentId}/as/token`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
    dispatcher,
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`token request failed: ${response.status}`);
  return body.access_token;
}

export function connectionOf(env: ProvisionedEnvironment) {
  return {
    environmentId: env.environmentId,
    clientId: env.clientId,
    clientSecret: env.clientSecret,
    apiUrl: env.apiUrl,
    authUrl: env.authUrl,
  };
}

/** Creates `count` users through the API with a raw token; returns their ids. */
export async function createUsers(
  env: ProvisionedEnvironment,
  token: string,
  dispatcher: Dispatcher,
  count: number,
  prefix: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const username = `${prefix}-${i}`;
    const response = await fetch(`${env.apiUrl}/v1/environments/${env.environmentId}/users`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ username, email: `${username}@example.com` }),
      dispatcher,
    });
    const body = (await response.json()) as { id?: string };
    if (!body.id) throw new Error(`user creation failed: ${response.status} ${JSON.stringify(body)}`);
    ids.push(body.id);
  }
  return ids;
}
