import type { Context } from "hono";
import { findRoleById } from "../domain/role-catalog.js";
import { links } from "../http/hal.js";
import type { Body } from "./paths.js";

/** A role of the built-in catalog; roles are organisation-wide, so links stay under `/roles`. */
export function toRoleResource(c: Context, roleId: string): Body | undefined {
  const role = findRoleById(roleId);
  if (role === undefined) return undefined;
  return {
    _links: links(c, { self: `/roles/${role.id}` }),
    id: role.id,
    name: role.name,
    description: role.description,
    applicableTo: [...role.applicableTo],
  };
}
