import { environmentRoutes } from "./environments.js";
import { populationRoutes } from "./populations.js";
import type { RouteModule } from "./route-module.js";
import { userActionRoutes } from "./user-actions.js";
import { userPropertyRoutes } from "./user-properties.js";
import { userRoutes } from "./users.js";

/** Every PingOne API route module, mounted in this order after bearer authentication. One line each. */
export const routeModules: readonly RouteModule[] = [
  environmentRoutes,
  populationRoutes,
  userRoutes,
  userPropertyRoutes,
  userActionRoutes,
];
