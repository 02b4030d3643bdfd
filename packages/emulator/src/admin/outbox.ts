import { listOutboxMessages } from "../store/outbox.js";
import type { BackDoorModule } from "./back-door-module.js";

/** `GET /_emulator/outbox?environmentId=&userId=&type=`: every email PingOne would have sent, oldest first. */
export const outboxRoutes: BackDoorModule = (app, ctx) => {
  app.get("/_emulator/outbox", (c) => {
    const messages = listOutboxMessages(ctx.db, {
      environmentId: c.req.query("environmentId") || undefined,
      userId: c.req.query("userId") || undefined,
      type: c.req.query("type") || undefined,
    });
    return c.json({ messages });
  });
};
