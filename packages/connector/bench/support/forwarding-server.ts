import { createServer } from "node:http";
import { Agent, request } from "undici";

/**
 * The HTTP service's baseline: the least a Node HTTP service can do for `POST
 * /capabilities/readUser`. A bare `node:http` server reads the JSON body, makes the same PingOne
 * GET with `undici.request` (keep-alive pool, token fetched once by the parent) and returns the
 * user as JSON. No routing, key check, validation, logging or metrics: the floor, not a rival.
 * Run in its own process by `bench/service.ts` (`node --import tsx forwarding-server.ts`), with
 * FORWARD_API_URL, FORWARD_ENVIRONMENT_ID and FORWARD_TOKEN in its environment; prints its URL.
 */
const apiUrl = required("FORWARD_API_URL");
const environmentId = required("FORWARD_ENVIRONMENT_ID");
const authorization = `Bearer ${required("FORWARD_TOKEN")}`;
const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 128 });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", async () => {
    try {
      const input = JSON.parse(Buffer.concat(chunks).toString() || "{}") as { identifier: string };
      const upstream = await request(
        `${apiUrl}/v1/environments/${environmentId}/users/${encodeURIComponent(input.identifier)}`,
        { headers: { authorization, accept: "application/json" }, dispatcher },
      );
      const user = await upstream.body.json();
      const body = JSON.stringify({ user });
      res.writeHead(upstream.statusCode, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address() as { port: number };
  process.stdout.write(`forwarding server listening on http://127.0.0.1:${address.port}\n`);
});
process.once("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  void dispatcher.close();
});

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
