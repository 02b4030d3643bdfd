import { agreementConsentRoutes } from "./agreement-consents.js";
import { agreementLanguageRoutes } from "./agreement-languages.js";
import { agreementRevisionTextRoutes } from "./agreement-revision-text.js";
import { agreementRevisionRoutes } from "./agreement-revisions.js";
import { agreementRoutes } from "./agreements.js";
import { environmentRoutes } from "./environments.js";
import { formRoutes } from "./forms.js";
import { gatewayRoutes } from "./gateways.js";
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
import { themeRoutes } from "./themes.js";
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
  agreementRoutes,
  agreementLanguageRoutes,
  agreementRevisionRoutes,
  agreementRevisionTextRoutes,
  agreementConsentRoutes,
  themeRoutes,
  formRoutes,
  gatewayRoutes,
];
