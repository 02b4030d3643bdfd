import type { ServerResponse } from "node:http";
import type { JsonReply } from "../reply.js";

/**
 * Writes a reply as JSON in one `writeHead` and one `end`, so Node sends the head and the body
 * in one write. `close` (the service is draining) tells the client not to reuse the connection.
 * Nothing is written once the client has gone.
 */
export function writeReply(outgoing: ServerResponse, reply: JsonReply, text: string, close: boolean): void {
  if (outgoing.destroyed) return;
  const headers: Record<string, string | number> = {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...reply.headers,
  };
  if (close) headers.connection = "close";
  outgoing.writeHead(reply.status, headers);
  outgoing.end(text);
}
