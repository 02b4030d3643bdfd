/**
 * A JSON answer as the service decides it, before anything writes it: the call routes write it
 * to Node's response themselves (`calls/write-reply.ts`), the Hono routes with `c.json`. Refusals
 * and errors are built once as replies, so both paths answer them alike.
 */
export interface JsonReply {
  status: number;
  body: unknown;
  headers?: Readonly<Record<string, string>>;
}
