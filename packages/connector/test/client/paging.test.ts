import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPingOneClient, createTokenStore } from "../../src/index.js";
import { type FakePingOne, startFakePingOne } from "../support/fake-pingone.js";

describe("paging", () => {
  let fake: FakePingOne;
  const PAGE = 7;
  const TOTAL = 100;
  beforeEach(async () => {
    fake = await startFakePingOne();
    const base = `/v1/environments/${fake.environmentId}/users`;
    // Cursors are opaque tokens the client must follow verbatim, never compute.
    const cursorFor = (page: number) =>
      Buffer.from(`page:${page}:${fake.environmentId}`).toString("base64url");
    fake.handlers.push((request) => {
      const url = new URL(request.path, fake.url);
      if (url.pathname !== base) return undefined;
      const cursor = url.searchParams.get("cursor");
      const page = cursor === null ? 0 : Number(Buffer.from(cursor, "base64url").toString().split(":")[1]);
      const users = Array.from({ length: PAGE }, (_, i) => ({ id: `u${page * PAGE + i}` })).filter(
        (u) => Number(u.id.slice(1)) < TOTAL,
      );
      const more = (page + 1) * PAGE < TOTAL;
      return {
        status: 200,
        body: {
          _links: {
            self: { href: `${fake.url}${request.path}` },
            ...(more
              ? { next: { href: `${fake.url}${base}?limit=${PAGE}&cursor=${cursorFor(page + 1)}` } }
              : {}),
          },
          _embedded: { users },
          count: TOTAL,
          size: users.length,
        },
      };
    });
  });
  afterEach(() => fake.close());

  const connect = () =>
    createPingOneClient(
      {
        envId: fake.environmentId,
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        apiUrl: fake.url,
      },
      { tokenStore: createTokenStore() },
    );
  const pageRequests = () => fake.apiRequests.filter((r) => r.path.includes("/users"));

  it("follows _links.next across every page", async () => {
    const ids: string[] = [];
    for await (const user of connect().paginate<{ id: string }>(`/environments/${fake.environmentId}/users`, {
      embedded: "users",
      query: { limit: PAGE },
    })) {
      ids.push(user.id);
    }
    expect(ids).toEqual(Array.from({ length: TOTAL }, (_, i) => `u${i}`));
    expect(pageRequests()).toHaveLength(Math.ceil(TOTAL / PAGE));
    expect(pageRequests()[0]!.path).toContain(`limit=${PAGE}`);
  });

  it("stops at the maximum without fetching further pages", async () => {
    const ids: string[] = [];
    for await (const user of connect().paginate<{ id: string }>(`/environments/${fake.environmentId}/users`, {
      embedded: "users",
      query: { limit: PAGE },
      maxItems: 23,
    })) {
      ids.push(user.id);
    }
    expect(ids).toHaveLength(23);
    expect(pageRequests()).toHaveLength(4);
  });

  it("refuses a next link that points away from the API host", async () => {
    fake.handlers.unshift((request) =>
      request.path.includes("/users")
        ? {
            status: 200,
            body: {
              _embedded: { users: [{ id: "x" }] },
              _links: { next: { href: "http://evil.example/v1/x" } },
            },
          }
        : undefined,
    );
    const seen: unknown[] = [];
    const run = async () => {
      for await (const user of connect().paginate(`/environments/${fake.environmentId}/users`, {
        embedded: "users",
      })) {
        seen.push(user);
      }
    };
    await expect(run()).rejects.toThrow(/not the PingOne API host/);
    expect(seen).toHaveLength(1);
  });
});
