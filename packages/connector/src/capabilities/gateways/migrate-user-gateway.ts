import { type Static, Type } from "@sinclair/typebox";
import type { ApiResponse } from "../../client/types.js";
import type { DirectoryEntry } from "../../directory/directory-entry.js";
import { PingOneError } from "../../errors/pingone-error.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { passwordAction, readPasswordState } from "../kit/password-resource.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { userPath } from "../kit/user-target.js";
import { checkCredentials } from "./directory-lookups.js";
import { directoryFor } from "./gateway-directory.js";
import { findUserByUsername, importGatewayUser, mapUser } from "./gateway-user-import.js";
import { type GatewayUserType, type NewUserLookup, readGateway, userTypeOf } from "./gateway-user-type.js";

const SET = "application/vnd.pingidentity.password.set+json";

/** One `{gatewayId, userTypeId}` pair of "Gateway User Type List" (`variableInputList`). */
const GatewayUserTypeItem = Type.Object({
  name: Type.String({ description: "The gateway id." }),
  value: Type.String({ description: "The user type id." }),
  preferredDataType: Type.Optional(Type.String()),
});

/**
 * A27 Migrate User through Gateway (docs/connector-capabilities.md#gateway-migration): finds the
 * user in the directory behind each listed gateway and user type in turn, binds as it with the
 * password, and imports it into PingOne linked to the gateway, unless PingOne has it already.
 */
export const migrateUserGateway = defineCapability({
  id: "migrateUserGateway",
  title: "Migrate User through Gateway",
  description:
    "Validate a user's credentials and, if valid, migrate the user from a PingOne gateway to PingOne.",
  input: {
    usernameGateway: Type.String({ description: "The user's unique identifier in the PingOne gateway." }),
    passwordGateway: Type.String({
      minLength: 4,
      maxLength: 100,
      description: "The user's password in the PingOne gateway.",
    }),
    gatewayUserTypeList: Type.Array(GatewayUserTypeItem, {
      description: "The gateway and user type to target when validating the user's credentials.",
    }),
  },
  output: outputSchema({}),
  properties: {
    usernameGateway: {
      displayName: "Username",
      control: "textField",
      info: "The user's unique identifier in the PingOne gateway.",
    },
    passwordGateway: {
      displayName: "Password",
      control: "textField",
      info: "The user's password in the PingOne gateway.",
      secret: true,
    },
    gatewayUserTypeList: {
      displayName: "Gateway User Type List",
      control: "variableInputList",
      info: "The gateway (name: gateway ID) and user type (value: user type ID) to target when validating the user's credentials, tried in order. The connection needs a gatewayDirectories setting for each gateway.",
    },
  },
  errors: {
    passwordNotValid: "The directory refused the password; nothing was imported.",
    noUserMatch: "The user is in none of the listed user types' directories.",
    notFound: "A listed gateway or user type does not exist.",
    uniquenessViolation: "PingOne refused the import: a user with that username or email exists.",
    unexpectedError:
      "PingOne, the network or the directory failed, or the connection has no directory for the gateway (gateway validation not available).",
  },
  examples: [
    {
      usernameGateway: "jdoe",
      passwordGateway: "2FederateM0re!",
      gatewayUserTypeList: [
        {
          name: "5f46e4e6-8d4d-4b6a-b5c4-0a1b2c3d4e5f",
          value: "9c7a3b2d-1e0f-4a5b-8c6d-7e8f9a0b1c2d",
          preferredDataType: "string",
        },
      ],
    },
  ],
  async handler(input, ctx) {
    const { usernameGateway: username, passwordGateway: password, gatewayUserTypeList: list } = input;
    if (username.trim() === "")
      throw new CapabilityError("invalidInput", "usernameGateway must not be empty");
    if (list.length === 0) {
      throw new CapabilityError(
        "invalidInput",
        "gatewayUserTypeList must name at least one gateway and user type",
      );
    }
    for (const [index, item] of list.entries()) {
      if (item.name.trim() === "" || item.value.trim() === "") {
        throw new CapabilityError(
          "invalidInput",
          `gatewayUserTypeList/${index}: name (the gateway id) and value (the user type id) are required`,
        );
      }
    }
    // A gateway listed with several of its user types is read once.
    const gateways = new Map<string, Promise<Record<string, unknown>>>();
    for (const item of list) {
      if (!gateways.has(item.name)) gateways.set(item.name, readGateway(ctx, item.name));
      const userType = userTypeOf(item.name, await gateways.get(item.name)!, item.value);
      const lookup = userType.newUserLookup;
      // Migration is off for this user type: this capability only migrates (capabilities.md A27).
      if (!lookup) continue;
      const directory = directoryFor(ctx, userType.gatewayId);
      const checked = await checkCredentials(ctx, directory, userType, lookup, username, password);
      if (!checked) continue;
      if (!checked.passwordValid) {
        throw new CapabilityError("passwordNotValid", "Invalid username/password combination", {
          httpResponseCode: 400,
        });
      }
      return migrate(ctx, userType, lookup, checked.entry, password);
    }
    throw new CapabilityError("noUserMatch", "No listed user type's directory has this user", {
      httpResponseCode: 404,
    });
  },
});

/**
 * Imports the user unless PingOne has it already (found by the mapped username), then, for a
 * `PING_ONE` password authority, stores the validated password in PingOne.
 */
async function migrate(
  ctx: CapabilityContext,
  userType: GatewayUserType,
  lookup: NewUserLookup,
  entry: DirectoryEntry,
  password: string,
) {
  const mapped = mapUser(userType, lookup, entry);
  const existing = await findUserByUsername(ctx, mapped.username);
  if (existing.user) {
    // Migrated at an earlier sign-on (or provisioned otherwise): nothing to import.
    return succeed({}, existing.response, { rawResponse: {} });
  }
  const imported = await importGatewayUser(ctx, userType, lookup, entry, mapped);
  const user = imported.body ?? {};
  const userId = String(user.id);
  const state =
    userType.passwordAuthority === "PING_ONE"
      ? await storePassword(ctx, userId, password)
      : (embeddedPassword(user) ?? (await readPasswordState(ctx, userId, { final: true })).body);
  return succeed({}, imported, { rawResponse: withPasswordState(user, state) });
}

/**
 * `password.set` with the password the directory just accepted. The policy is bypassed: the
 * password is the user's existing one, not a new choice, and a refusal would strand a user the
 * directory accepts (PingOne's policy applies at the next change). Should storing it fail anyway
 * (refused, or PingOne unreachable), the user imported by this run is deleted, so a failed
 * migration leaves nothing behind.
 */
async function storePassword(ctx: CapabilityContext, userId: string, password: string): Promise<unknown> {
  let response: ApiResponse<Record<string, unknown>>;
  try {
    response = await ctx.client.request<Record<string, unknown>>({
      ...passwordAction(ctx, userId, "PUT", SET, { value: password, forceChange: false, bypassPolicy: true }),
      final: true,
    });
  } catch (error) {
    if (!(error instanceof PingOneError)) throw error;
    await undoImport(ctx, userId, error);
    throw error;
  }
  // Stored: from here on the migration is complete, whatever a read of its state answers.
  return typeof response.body?.status === "string"
    ? response.body
    : (await readPasswordState(ctx, userId)).body;
}

async function undoImport(ctx: CapabilityContext, userId: string, cause: PingOneError): Promise<void> {
  try {
    await ctx.client.request({ method: "DELETE", path: userPath(ctx, userId) });
  } catch {
    throw new CapabilityError(
      "unexpectedError",
      `Storing the migrated password failed (${cause.message}), and the user ${userId} imported by this run could not be deleted: it stays linked to the gateway, its password in the directory`,
      { httpResponseCode: "status" in cause && typeof cause.status === "number" ? cause.status : 500 },
    );
  }
}

/** The password state PingOne embedded in the import response, if it did. */
function embeddedPassword(user: Record<string, unknown>): unknown {
  const embedded = user._embedded as { password?: { status?: unknown } } | undefined;
  return typeof embedded?.password?.status === "string" ? embedded.password : undefined;
}

/**
 * The import response with the password state after migration as `_embedded.password`, which
 * flows read (`rawResponse._embedded.password.status`): PingOne's own when it embedded one and
 * the password stayed in the directory, else the state read or set afterwards.
 */
function withPasswordState(user: Record<string, unknown>, state: unknown): Record<string, unknown> {
  const embedded = (user._embedded ?? {}) as Record<string, unknown>;
  return { ...user, _embedded: { ...embedded, password: state } };
}

export type MigrateUserGatewayInput = InputOf<typeof migrateUserGateway>;
export type MigrateUserGatewayOutput = Static<typeof migrateUserGateway.output>;
