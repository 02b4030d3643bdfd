import type { HttpBindings } from "@hono/node-server";
import type { Hono } from "hono";
import type { RoleName } from "../domain/roles.js";

/** Who is calling `/v1`: the worker application behind the bearer token. */
export interface Principal {
  environmentId: string;
  organizationId: string;
  applicationId: string;
  roles: ReadonlySet<RoleName>;
}

/** Hono typing shared by every route module. `incoming` is absent when the app runs in-process. */
export interface EmulatorEnv {
  Bindings: Partial<HttpBindings>;
  Variables: { principal: Principal };
}

export type EmulatorApp = Hono<EmulatorEnv>;
