import { type Static, Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { succeed } from "../kit/result.js";
import { outputSchema, stringEnum } from "../kit/schema-helpers.js";
import { normalizeUser, UserSchema } from "../kit/schemas/user.js";
import { resolveUser, userPath, userTarget } from "../kit/user-target.js";
import { mapEntry } from "./attribute-mappings.js";
import { findLinkedEntry } from "./directory-lookups.js";
import { directoryFor } from "./gateway-directory.js";
import { readGatewayLink } from "./gateway-link.js";
import { readGatewayUserType } from "./gateway-user-type.js";

/**
 * A36 Update User through Gateway (docs/connector-capabilities.md#gateway-update): reads the
 * directory entry a gateway-linked user came from and PATCHes the attributes its user type maps.
 */
export const updateUserGateway = defineCapability({
  id: "updateUserGateway",
  title: "Update User through Gateway",
  description:
    "Retrieve a user's attributes through a PingOne gateway and update the PingOne user profile with them.",
  uses: [escapeIdentifier],
  input: {
    overrideUser: Type.Optional(Type.Boolean({ default: false, description: "Override User" })),
    matchAttribute: Type.Optional(
      stringEnum(["id", "username", "email"] as const, {
        default: "id",
        description: "PingOne user attribute to identify a user with.",
      }),
    ),
    identifier: Type.Optional(Type.String({ description: "User attribute to match attributes." })),
    authentication: Type.Optional(
      Type.Object(
        { userId: Type.Optional(Type.String()), methods: Type.Optional(Type.Array(Type.Unknown())) },
        { additionalProperties: true, description: "The flow's authentication context: who signed on." },
      ),
    ),
  },
  output: outputSchema({ user: UserSchema }),
  properties: {
    overrideUser: {
      displayName: "Override User",
      control: "toggleSwitch",
      info: "User ID is mapped automatically unless you override them here.",
    },
    matchAttribute: userTarget.properties.matchAttribute!,
    identifier: userTarget.properties.identifier!,
  },
  errors: {
    noUserMatch: "No PingOne user matches.",
    multipleUserMatch:
      "More than one PingOne user, or more than one directory entry, matches; none was chosen.",
    notFound:
      "The user is not linked to a gateway, or its gateway, user type, attribute mappings or directory entry does not exist.",
    invalidValue: "PingOne refused a value read from the directory.",
    unexpectedError:
      "PingOne, the network or the directory failed, or the connection has no directory for the gateway (gateway validation not available).",
  },
  examples: [
    { authentication: { userId: "f442f27a-6d9c-4280-891f-bed26a9bd9ce", methods: ["pwd"] } },
    { overrideUser: true, matchAttribute: "username", identifier: "jdoe", escapeIdentifier: true },
  ],
  async handler(input, ctx) {
    let userId: string;
    if (input.overrideUser) {
      if (input.identifier === undefined || input.identifier.trim() === "") {
        throw new CapabilityError("invalidInput", "identifier is required when overrideUser is on");
      }
      const target = { matchAttribute: input.matchAttribute, identifier: input.identifier };
      userId = (await resolveUser(ctx, target)).id;
    } else {
      const signedOn = input.authentication?.userId;
      if (signedOn === undefined || signedOn.trim() === "") {
        throw new CapabilityError(
          "invalidInput",
          "authentication.userId (the signed-on user) is required unless overrideUser is on",
        );
      }
      userId = signedOn;
    }
    const link = await readGatewayLink(ctx, userId);
    const userType = await readGatewayUserType(ctx, link.gatewayId, link.userTypeId);
    const mappings = userType.newUserLookup?.attributeMappings ?? [];
    if (mappings.length === 0) {
      throw new CapabilityError(
        "notFound",
        `User type ${userType.id} of gateway ${userType.gatewayId} maps no attributes (newUserLookup.attributeMappings)`,
        { httpResponseCode: 404 },
      );
    }
    const directory = directoryFor(ctx, link.gatewayId);
    const entry = await findLinkedEntry(ctx, directory, userType, link);
    // The username identifies the user in PingOne; updateUser treats it as unchangeable too.
    const { username: _username, ...attributes } = mapEntry(userType, mappings, entry);
    try {
      const response = await ctx.client.request<Record<string, unknown>>({
        method: "PATCH",
        path: userPath(ctx, userId),
        body: attributes,
        final: true,
      });
      return succeed({ user: normalizeUser(response.body) }, response);
    } catch (error) {
      // Deleted between the reads and the update: no such user any more.
      if (error instanceof PingOneApiError && error.status === 404) {
        throw new CapabilityError("noUserMatch", "No user matches the given id", { apiError: error });
      }
      throw error;
    }
  },
});

export type UpdateUserGatewayInput = InputOf<typeof updateUserGateway>;
export type UpdateUserGatewayOutput = Static<typeof updateUserGateway.output>;
