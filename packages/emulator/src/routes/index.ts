import type { RouteModule } from "./route-module.js";

/** Every PingOne API route module, mounted in this order after bearer authentication. One line each. */
export const routeModules: readonly RouteModule[] = [];
