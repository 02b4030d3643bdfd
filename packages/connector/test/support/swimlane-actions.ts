/** The ten actions of the Swimlane product page, in the order the registry and `list` give them. */
export const SWIMLANE_ACTION_NAMES = [
  "get_all_environments",
  "get_all_group_memberships_for_user",
  "get_all_group_names_for_user",
  "get_all_sessions",
  "get_linked_accounts",
  "get_role_assignments",
  "get_user_by_id",
  "get_users",
  "user_account_lock",
  "user_account_unlock",
];
