import { environmentRoutes } from "./environments.js";
import { groupMembershipRoutes } from "./group-memberships.js";
import { groupRoutes } from "./groups.js";
import { identityProviderRoutes } from "./identity-providers.js";
import { linkedAccountRoutes } from "./linked-accounts.js";
import { passwordRoutes } from "./passwords.js";
import { populationRoutes } from "./populations.js";
import { roleAssignmentRoutes } from "./role-assignments.js";
import { roleRoutes } from "./roles.js";
import type { RouteModule } from "./route-module.js";
import { sessionRoutes } from "./sessions.js";
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
  passwordRoutes,
  groupRoutes,
  groupMembershipRoutes,
  identityProviderRoutes,
  linkedAccountRoutes,
  sessionRoutes,
  roleRoutes,
  roleAssignmentRoutes,
];
