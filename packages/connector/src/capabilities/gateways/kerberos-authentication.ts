import { type Static, Type } from "@sinclair/typebox";
import type { DirectoryEntry } from "../../directory/directory-entry.js";
import { KerberosSetupError, KerberosTicketError } from "../../kerberos/kerberos-errors.js";
import type { KerberosPrincipal } from "../../kerberos/spnego-acceptor.js";
import { readSpnegoToken } from "../../kerberos/spnego-token.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizeUser, UserSchema } from "../kit/schemas/user.js";
import { findUniqueEntry } from "./directory-lookups.js";
import { directoryFor } from "./gateway-directory.js";
import { findUserByUsername, importGatewayUser, type MappedUser, mapUser } from "./gateway-user-import.js";
import { type GatewayUserType, readGatewayUserType } from "./gateway-user-type.js";
import { principalFilter } from "./principal-filter.js";

/** One `{name: gatewayId, value: userTypeId}` item of a gateway and user type list (`variableInputList`). */
const GatewayUserTypeItem = Type.Object({
  name: Type.String({ description: "The gateway id." }),
  value: Type.String({ description: "The user type id." }),
  preferredDataType: Type.Optional(Type.String()),
});

/** The "User Type" dropdown's placeholder value: no user type chosen. */
const NO_USER_TYPE = "useUserTypeId";

/**
 * A33 Authenticate User via Kerberos (docs/connector-capabilities.md#kerberos-authentication):
 * validates the browser's SPNEGO token with the service principal's keytab, finds the client
 * principal's entry under each selected user type's base DN in the directory behind its gateway,
 * then the PingOne user made from that entry, which it imports when missing if the user type
 * migrates users and `createUserIfNotFound` is on.
 */
export const kerberosAuthentication = defineCapability({
  id: "kerberosAuthentication",
  title: "Authenticate User via Kerberos",
  description: "Authenticate Active Directory users seamlessly via the Kerberos protocol.",
  input: {
    gatewayId: Type.String({ description: "Gateway Id" }),
    userTypeId: Type.String({ description: "User Type ID", default: NO_USER_TYPE }),
    additionalGatewayUserTypeList: Type.Optional(
      Type.Array(GatewayUserTypeItem, { description: "More gateways and user types, tried in order." }),
    ),
    gatewayUserTypeList: Type.Optional(
      Type.Array(GatewayUserTypeItem, {
        description: "The gateway and user type to target when validating the user's credentials.",
      }),
    ),
    createUserIfNotFound: Type.Optional(
      Type.Boolean({
        description: "Create the PingOne user from the directory entry when none exists.",
        default: true,
      }),
    ),
    kerberosTicket: Type.Optional(
      Type.String({
        description:
          "The end user's SPNEGO token: the base64 value of the browser's Authorization: Negotiate header (the whole header value is accepted too).",
      }),
    ),
  },
  output: outputSchema({
    user: UserSchema,
    kerberosPrincipal: Type.String({ description: "The client principal of the ticket, user@REALM." }),
    userCreated: Type.Boolean({ description: "True when this sign-on imported the user into PingOne." }),
  }),
  properties: {
    gatewayId: {
      displayName: "Gateway",
      control: "dropDown",
      info: "Select the gateway that connects to the Active Directory servers where the users are located. The gateway must have Kerberos enabled, and the connection a gatewayDirectories setting for it.",
    },
    userTypeId: {
      displayName: "User Type",
      control: "dropDown",
      info: "Select the user type through which the users can be found.",
    },
    additionalGatewayUserTypeList: {
      displayName: "Additional Gateway and User Types",
      control: "variableInputList",
      info: "More gateways (name: gateway ID) and user types (value: user type ID), for example one user type per base DN; tried in order after the first.",
      uiOnly: true,
    },
    createUserIfNotFound: {
      displayName: "Create PingOne User",
      control: "toggleSwitch",
      info: "When enabled, a PingOne user account is created using attributes from Active Directory. Disable this to support a legacy integration where DaVinci is configured as an External IdP in PingOne.",
    },
  },
  errors: {
    kerberosTicketMissing:
      "No Kerberos ticket came with the request: answer with WWW-Authenticate: Negotiate.",
    kerberosTicketInvalid:
      "The Kerberos ticket is malformed, too large (its size in details), expired, replayed, for another service or from a realm that is not accepted.",
    noUserMatch:
      "The principal is under none of the selected user types, or has no PingOne user and none is created.",
    multipleUserMatch: "More than one directory entry matches the principal; none was used.",
    notFound: "A selected gateway or user type does not exist, or the gateway has Kerberos off.",
    uniquenessViolation: "PingOne refused the import: a user with that username or email exists.",
    unexpectedError:
      "PingOne, the network or the directory failed, or the connector cannot validate tickets (no kerberos settings, no native addon, an unreadable keytab) or reach the gateway's directory.",
  },
  examples: [
    {
      gatewayId: "5f46e4e6-8d4d-4b6a-b5c4-0a1b2c3d4e5f",
      userTypeId: "9c7a3b2d-1e0f-4a5b-8c6d-7e8f9a0b1c2d",
      createUserIfNotFound: true,
      kerberosTicket: "YIIC...",
    },
    {
      gatewayId: "5f46e4e6-8d4d-4b6a-b5c4-0a1b2c3d4e5f",
      userTypeId: "9c7a3b2d-1e0f-4a5b-8c6d-7e8f9a0b1c2d",
      additionalGatewayUserTypeList: [
        {
          name: "5f46e4e6-8d4d-4b6a-b5c4-0a1b2c3d4e5f",
          value: "0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a",
          preferredDataType: "string",
        },
      ],
      createUserIfNotFound: false,
    },
  ],
  legacy: {
    // gatewayUserTypeList is declared in the input: no name to add, only the rewrite.
    names: [],
    rewrite(input) {
      // The 2025 Input Schema's gatewayUserTypeList stands in for the two dropdowns when they are empty.
      const list = input.gatewayUserTypeList;
      const first = Array.isArray(list)
        ? (list[0] as { name?: unknown; value?: unknown } | undefined)
        : undefined;
      if (isEmpty(input.gatewayId) && isEmpty(input.userTypeId) && first) {
        return { ...input, gatewayId: first.name, userTypeId: first.value };
      }
      return input;
    },
  },
  async handler(input, ctx) {
    const pairs = selectedUserTypes(input);
    const client = await validateTicket(ctx, input.kerberosTicket);
    for (const pair of pairs) {
      const userType = await readGatewayUserType(ctx, pair.gatewayId, pair.userTypeId);
      if (!userType.gatewayKerberosEnabled) {
        throw new CapabilityError(
          "notFound",
          `Gateway ${pair.gatewayId} has Kerberos off (its kerberos setting is null): Kerberos sign-on goes through Kerberos-enabled LDAP gateways only`,
          { httpResponseCode: 404 },
        );
      }
      const directory = directoryFor(ctx, userType.gatewayId);
      const filter = principalFilter(ctx.kerberos().settings.userFilter, client);
      const entry = await findUniqueEntry(ctx, directory, userType, filter);
      if (entry) return signOn(ctx, userType, entry, client, input.createUserIfNotFound !== false);
    }
    throw new CapabilityError(
      "noUserMatch",
      `No directory entry of the selected user types matches the Kerberos principal ${client.principal}`,
      { httpResponseCode: 404 },
    );
  },
});

export type KerberosAuthenticationInput = InputOf<typeof kerberosAuthentication>;
export type KerberosAuthenticationOutput = Static<typeof kerberosAuthentication.output>;

interface SelectedUserType {
  gatewayId: string;
  userTypeId: string;
}

/**
 * The dropdowns' gateway and user type, then the additional list, then the schema's list, each
 * pair once, in that order. Refused before any call: a pair without both ids.
 */
function selectedUserTypes(input: {
  gatewayId: string;
  userTypeId: string;
  additionalGatewayUserTypeList?: ReadonlyArray<{ name: string; value: string }> | undefined;
  gatewayUserTypeList?: ReadonlyArray<{ name: string; value: string }> | undefined;
}): SelectedUserType[] {
  const pairs: SelectedUserType[] = [];
  const add = (gatewayId: string, userTypeId: string, where: string) => {
    if (gatewayId.trim() === "" || userTypeId.trim() === "" || userTypeId === NO_USER_TYPE) {
      throw new CapabilityError("invalidInput", `${where}: a gateway id and a user type id are required`);
    }
    if (!pairs.some((pair) => pair.gatewayId === gatewayId && pair.userTypeId === userTypeId)) {
      pairs.push({ gatewayId, userTypeId });
    }
  };
  add(input.gatewayId, input.userTypeId, "gatewayId and userTypeId");
  for (const [name, list] of [
    ["additionalGatewayUserTypeList", input.additionalGatewayUserTypeList],
    ["gatewayUserTypeList", input.gatewayUserTypeList],
  ] as const) {
    for (const [index, item] of (list ?? []).entries()) add(item.name, item.value, `${name}/${index}`);
  }
  return pairs;
}

/**
 * The ticket's client, or the failure a flow branches on: no token (`kerberosTicketMissing`,
 * 401, so that the service answers with a Negotiate challenge), a token refused
 * (`kerberosTicketInvalid`), or a connector that cannot validate tokens (`unexpectedError`).
 * No PingOne call is made before the token is accepted.
 */
async function validateTicket(
  ctx: CapabilityContext,
  ticket: string | undefined,
): Promise<KerberosPrincipal> {
  if (ticket === undefined || ticket.trim() === "" || /^negotiate\s*$/i.test(ticket.trim())) {
    throw new CapabilityError("kerberosTicketMissing", "No Kerberos ticket was presented (Negotiate)", {
      httpResponseCode: 401,
    });
  }
  try {
    const acceptor = ctx.kerberos();
    return await acceptor.accept(readSpnegoToken(ticket, acceptor.settings.maxTokenLength));
  } catch (error) {
    if (error instanceof KerberosTicketError) {
      throw new CapabilityError("kerberosTicketInvalid", error.message, {
        httpResponseCode: error.httpStatus,
        ...(error.details ? { details: [{ rawResponse: error.details, statusCode: error.httpStatus }] } : {}),
      });
    }
    if (error instanceof KerberosSetupError) {
      throw new CapabilityError("unexpectedError", error.message, { httpResponseCode: 500 });
    }
    throw error;
  }
}

/**
 * The PingOne user of a directory entry: the username its user type's mappings give (the
 * principal's user part for a user type that does not migrate), found by username, else
 * imported linked to the gateway when the user type migrates and creation is on.
 */
async function signOn(
  ctx: CapabilityContext,
  userType: GatewayUserType,
  entry: DirectoryEntry,
  client: KerberosPrincipal,
  createUserIfNotFound: boolean,
) {
  const lookup = userType.newUserLookup;
  const mapped: MappedUser | undefined = lookup ? mapUser(userType, lookup, entry) : undefined;
  const username = mapped?.username ?? client.user;
  const existing = await findUserByUsername(ctx, username);
  const projections = { kerberosPrincipal: client.principal };
  if (existing.user) {
    return succeed(
      { user: normalizeUser(existing.user), ...projections, userCreated: false },
      existing.response,
      {
        rawResponse: existing.user,
      },
    );
  }
  if (!lookup || !mapped || !createUserIfNotFound) {
    const why = lookup
      ? "createUserIfNotFound is off"
      : `user type ${userType.id} does not migrate users (no newUserLookup)`;
    throw new CapabilityError(
      "noUserMatch",
      `The Kerberos principal ${client.principal} is ${entry.dn} in the directory, but no PingOne user has the username "${username}", and ${why}`,
      { httpResponseCode: 404 },
    );
  }
  // No password came with a Kerberos sign-on: the user's password stays in the directory
  // (status EXTERNAL) whatever the user type's passwordAuthority.
  const imported = await importGatewayUser(ctx, userType, lookup, entry, mapped, { final: true });
  return succeed({ user: normalizeUser(imported.body), ...projections, userCreated: true }, imported);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}
