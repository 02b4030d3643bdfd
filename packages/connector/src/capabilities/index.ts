/**
 * The capability registry: every DaVinci capability the connector offers, and nothing else.
 * The library, the CLI, the HTTP service and the manifest generators read only this list.
 *
 * How to add a capability (a user-targeted one is one new file and one line here; copy
 * users/read-user.ts, or users/delete-user.ts for one that writes):
 * 1. Create `<family>/<kebab-id>.ts` (users, passwords, email, groups, populations,
 *    account-links, agreements, themes, gateways, sign-on) exporting `const <id> = defineCapability({...})` (kit/definition.ts): the
 *    DaVinci id and title exactly as PingOne spells them; `uses: [userTarget, escapeIdentifier]`
 *    for the shared fragments (kit/), which bring their properties, UI, error keys and legacy
 *    names; its own `input` properties (TypeBox: the product's names, `required`, lengths,
 *    enums, defaults), `properties` (UI), `errors` (only its own keys: DEFAULT_ERRORS are
 *    added), `examples`, `output` (`outputSchema({...})` adds rawResponse, statusCode, headers),
 *    `legacy` (the old property names it maps) and the handler. Export `<Id>Input` as
 *    `InputOf<typeof <id>>` and `<Id>Output` as `Static<typeof <id>.output>`.
 * 2. In the handler: first refuse the capability's own bad input (so it costs no call and a dry
 *    run reaches the same verdict); `resolveUser(ctx, input)` finds the target user;
 *    `ctx.client.request({ method, path, ... })` calls PingOne (the kit adds the signal and
 *    transaction id); mark the call after which the handler only reshapes responses with
 *    `final: true`, and send one whose answer the next calls do not depend on with
 *    `ctx.client.requestAhead`; return `succeed(projections, response)`.
 *    Let `PingOneApiError` propagate for the general key, or throw `new CapabilityError(key,
 *    message, { apiError })` for a capability-specific one. Never catch errors wholesale: a dry
 *    run stops by throwing through the handler. The rules: docs/connector-capabilities.md.
 * 3. Add its line to `REGISTRY` below (and its import): it is then in `CAPABILITIES`, and
 *    `connector.invoke("<id>", ...)` is typed by it. To make its input and output types public,
 *    export them from `src/index.ts`.
 * 4. Test it against the emulator (test/capabilities/): success, an expected error, a
 *    validation error. The registry and manifest tests check every entry's examples, UI and
 *    schemas by themselves.
 * A capability that shows a screen (a user view) also gives `userView` (kit/user-view.ts): its
 * first handler answers `showUserView(...)`, and `userView.continue` takes the person's
 * submission; sign-on/single-factor-sign-on.ts is the one to copy.
 */

import { createAccountLink } from "./account-links/create-account-link.js";
import { deleteAccountLink } from "./account-links/delete-account-link.js";
import { readAccountLinks } from "./account-links/read-account-links.js";
import { acceptAgreement } from "./agreements/accept-agreement.js";
import { checkUserAgreement } from "./agreements/check-user-agreement.js";
import { readAgreementContent } from "./agreements/read-agreement-content.js";
import { readUserAgreements } from "./agreements/read-user-agreements.js";
import { revokeUserAgreement } from "./agreements/revoke-user-agreement.js";
import { sendVerificationCode } from "./email/send-verification-code.js";
import { verifyEmail } from "./email/verify-email.js";
import { kerberosAuthentication } from "./gateways/kerberos-authentication.js";
import { migrateUserGateway } from "./gateways/migrate-user-gateway.js";
import { updateUserGateway } from "./gateways/update-user-gateway.js";
import { createGroup } from "./groups/create-group.js";
import { createUserGroupMembership } from "./groups/create-user-group-membership.js";
import { deleteGroup } from "./groups/delete-group.js";
import { deleteUserGroupMembership } from "./groups/delete-user-group-membership.js";
import { readGroup } from "./groups/read-group.js";
import { readGroupMembers } from "./groups/read-group-members.js";
import { readUserGroupMemberships } from "./groups/read-user-group-memberships.js";
import { updateGroup } from "./groups/update-group.js";
import type { AnyCapabilityDefinition } from "./kit/definition.js";
import { checkPassword } from "./passwords/check-password.js";
import { recoverPassword } from "./passwords/recover-password.js";
import { resetPassword } from "./passwords/reset-password.js";
import { sendRecoveryCode } from "./passwords/send-recovery-code.js";
import { setPassword } from "./passwords/set-password.js";
import { readPopulation } from "./populations/read-population.js";
import { singleFactorSignOn } from "./sign-on/single-factor-sign-on.js";
import { readTheme } from "./themes/read-theme.js";
import { createUser } from "./users/create-user.js";
import { deleteUser } from "./users/delete-user.js";
import { enableUser } from "./users/enable-user.js";
import { readUser } from "./users/read-user.js";
import { unlockUser } from "./users/unlock-user.js";
import { updateUser } from "./users/update-user.js";
import { userLookup } from "./users/user-lookup.js";
import { usersLookup } from "./users/users-lookup.js";

/**
 * The registry keyed by DaVinci id, in the product document's order
 * (docs/connector-capabilities.md#capability-order). Each key is its definition's id (the registry
 * test checks it); the keys give `connector.invoke` its per-capability types.
 */
export const REGISTRY = {
  userLookup,
  usersLookup,
  checkPassword,
  createUser,
  readUser,
  updateUser,
  deleteUser,
  enableUser,
  sendVerificationCode,
  verifyEmail,
  sendRecoveryCode,
  recoverPassword,
  resetPassword,
  setPassword,
  createAccountLink,
  readAccountLinks,
  deleteAccountLink,
  checkUserAgreement,
  readUserAgreements,
  revokeUserAgreement,
  acceptAgreement,
  readAgreementContent,
  readPopulation,
  readUserGroupMemberships,
  createUserGroupMembership,
  deleteUserGroupMembership,
  migrateUserGateway,
  createGroup,
  readGroup,
  updateGroup,
  deleteGroup,
  readGroupMembers,
  kerberosAuthentication,
  singleFactorSignOn,
  unlockUser,
  updateUserGateway,
  readTheme,
};

/** Every capability's definition, with its own input and output types, by DaVinci id. */
export type CapabilityRegistry = typeof REGISTRY;

/** A DaVinci capability id of the registry: `"userLookup" | "checkPassword" | ...`. */
export type CapabilityId = keyof CapabilityRegistry;

/** In the product document's order. */
export const CAPABILITIES: readonly AnyCapabilityDefinition[] = Object.values(REGISTRY);

const byId = new Map(CAPABILITIES.map((definition) => [definition.id, definition]));

/** The definition with this DaVinci id, or undefined. */
export function findCapability(id: string): AnyCapabilityDefinition | undefined {
  return byId.get(id);
}
