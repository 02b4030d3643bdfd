/**
 * The capability registry: every DaVinci capability the connector offers, and nothing else.
 * The library, the CLI, the HTTP service and the manifest generators read only this list.
 *
 * How to add a capability
 * 1. Create `<folder>/<kebab-id>.ts` (folders: users, passwords, email, groups, populations,
 *    account-links) exporting `const <id> = defineCapability({...})`: the DaVinci id and title
 *    exactly as PingOne spells them, the flat input schema (TypeBox; the product's property names,
 *    `required`, lengths, enums, defaults), the output schema (`outputSchema({...projections})`
 *    adds rawResponse/statusCode/headers), UI metadata for every property the panel shows, the
 *    error keys with what each means, input examples, and the handler. Export `<Id>Input` and
 *    `<Id>Output` types (`Static<typeof ...>`).
 * 2. In the handler: resolve a target user with `resolveUser` (user-target.ts; it escapes SCIM
 *    values and tells `noUserMatch` from `multipleUserMatch`), call `ctx.client.request` with
 *    `ctx.signal` and `ctx.transactionId`, wrap the last call in `{ ......, final: true }` so dry runs
 *    know the list is complete, and return `succeed(projections, response)`. Let
 *    `PingOneApiError` propagate for the §4.2 default key (error-keys.ts), or throw
 *    `CapabilityError(key, message, { apiError })` for a capability-specific key. Never catch
 *    errors wholesale: a dry run stops by throwing through the handler.
 * 3. Add one line to `CAPABILITIES` below and export the types from `src/index.ts`.
 * 4. Test it against the emulator: success, an expected error, a validation error, the
 *    examples against the input schema, the output against the output schema.
 */

import { createAccountLink } from "./account-links/create-account-link.js";
import { deleteAccountLink } from "./account-links/delete-account-link.js";
import { readAccountLinks } from "./account-links/read-account-links.js";
import { sendVerificationCode } from "./email/send-verification-code.js";
import { verifyEmail } from "./email/verify-email.js";
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
import { createUser } from "./users/create-user.js";
import { deleteUser } from "./users/delete-user.js";
import { enableUser } from "./users/enable-user.js";
import { readUser } from "./users/read-user.js";
import { unlockUser } from "./users/unlock-user.js";
import { updateUser } from "./users/update-user.js";
import { userLookup } from "./users/user-lookup.js";
import { usersLookup } from "./users/users-lookup.js";

/** In the product document's order (capabilities.md §0.3). */
export const CAPABILITIES: readonly AnyCapabilityDefinition[] = [
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
  readPopulation,
  readUserGroupMemberships,
  createUserGroupMembership,
  deleteUserGroupMembership,
  createGroup,
  readGroup,
  updateGroup,
  deleteGroup,
  readGroupMembers,
  unlockUser,
];

const byId = new Map(CAPABILITIES.map((definition) => [definition.id, definition]));

/** The definition with this DaVinci id, or undefined. */
export function findCapability(id: string): AnyCapabilityDefinition | undefined {
  return byId.get(id);
}
