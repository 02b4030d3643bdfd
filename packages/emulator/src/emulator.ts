import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { createEmulatorApp } from "./app.js";
import { type ControllableClock, createSystemClock } from "./clock.js";
import type { EmulatorContext } from "./context.js";
import type { EmulatorApp } from "./http/hono-env.js";
import { type EmulatorSettings, resolveSettings } from "./settings.js";
import { type EmulatorDatabase, openDatabase } from "./store/database.js";

export interface EmulatorOptions {
  /** SQLite file (WAL) or `:memory:` (default). */
  dbPath?: string;
  /** Injected clock; defaults to real time that `/_emulator/clock` can move forward. */
  clock?: ControllableClock;
  /** Overrides of the unconfirmed-behaviour settings. */
  settings?: Partial<EmulatorSettings>;
}

export interface Emulator {
  app: EmulatorApp;
  clock: ControllableClock;
  db: EmulatorDatabase;
  settings: EmulatorSettings;
  /** Origin while listening (`http://127.0.0.1:4600`), else undefined. */
  readonly url: string | undefined;
  /** Listens (port 0 = any free port) and resolves with the origin. */
  start(options?: { port?: number; host?: string }): Promise<{ url: string }>;
  /** Stops listening, drops open connections and closes the database. */
  stop(): Promise<void>;
}

/**
 * Creates an emulator: database, clock, settings and HTTP app. Tests import this and call
 * `start({ port: 0 })`; the CLI does the same with its flags.
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const ctx: EmulatorContext = {
    db: openDatabase(options.dbPath ?? ":memory:"),
    clock: options.clock ?? createSystemClock(),
    settings: resolveSettings(options.settings),
  };
  const { app } = createEmulatorApp(ctx);
  let server: ServerType | undefined;
  let url: string | undefined;

  return {
    app,
    clock: ctx.clock,
    db: ctx.db,
    settings: ctx.settings,
    get url() {
      return url;
    },
    start({ port = 0, host = "127.0.0.1" } = {}) {
      if (server !== undefined) return Promise.reject(new Error("The emulator is already listening"));
      return new Promise((resolve, reject) => {
        const listening = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
          const shownHost = info.family === "IPv6" ? `[${info.address}]` : info.address;
          url = `http://${shownHost}:${info.port}`;
          resolve({ url });
        });
        listening.once("error", (error) => {
          server = undefined;
          reject(error);
        });
        server = listening;
      });
    },
    async stop() {
      const running = server;
      server = undefined;
      url = undefined;
      if (running !== undefined) {
        await new Promise<void>((resolve) => {
          running.close(() => resolve());
          if ("closeAllConnections" in running) running.closeAllConnections();
        });
      }
      if (ctx.db.open) ctx.db.close();
    },
  };
}
