import { type TObject, type TProperties, Type } from "@sinclair/typebox";
import { stringEnum } from "../capabilities/kit/schema-helpers.js";

/**
 * Builders for the four Swimlane input groups. Placeholder names are canonical here (`envID`,
 * `userID`); other capitalisations are folded onto them before validation (action-request.ts).
 */

const environmentIdParameter = Type.String({
  title: "Environment ID",
  description: "The PingOne environment ID; defaults to the asset's environmentId",
  minLength: 1,
});

const userIdParameter = Type.String({
  title: "User ID",
  description: "The ID of the PingOne user",
  minLength: 1,
});

/** `path_parameters`: `envID` is optional because the asset's environment fills it. */
export function pathParameters(withUser: boolean): TObject {
  return Type.Object(
    {
      envID: Type.Optional(environmentIdParameter),
      ...(withUser ? { userID: userIdParameter } : {}),
    },
    { additionalProperties: false, description: "Values for the {{placeholders}} of the endpoint" },
  );
}

const queryValue = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);

/**
 * `parameters`: the query string. Undocumented parameters (`cursor` from a `_links.next` href,
 * `order`) are passed through so a playbook can page and sort.
 */
export function queryParameters(properties: TProperties): TObject {
  return Type.Object(properties, {
    additionalProperties: queryValue,
    description: "Query-string parameters",
  });
}

export const expandParameter = (example: string) =>
  Type.String({ description: `Related resources to embed under _embedded, e.g. ${example}` });
/** `include` on a single-user read: the computed group attributes PingOne adds (pingone-api §2.6). */
export const includeParameter = (description: string) =>
  stringEnum(["memberOfGroupNames", "memberOfGroupIDs"], { description });
export const limitParameter = Type.Number({ description: "Page size; the next page is at _links.next.href" });
export const filterParameter = (example: string) =>
  Type.String({ description: `A PingOne SCIM filter, e.g. ${example}` });

/** `headers`: extra request headers; the action media type goes in `Content-Type`. */
export function requestHeaders(contentType: string): TObject {
  return Type.Object(
    {
      "Content-Type": Type.Optional(
        Type.String({
          minLength: 1,
          default: contentType,
          description: `The PingOne action media type; ${contentType} when absent`,
        }),
      ),
    },
    { additionalProperties: Type.String(), description: "HTTP headers for the request" },
  );
}

/** The whole action input: only the groups given, each required when it holds a required field. */
export function actionInput(groups: {
  path_parameters?: TObject;
  parameters?: TObject;
  headers?: TObject;
  json_body?: TObject;
}): TObject {
  const properties: TProperties = {};
  for (const [group, schema] of Object.entries(groups)) {
    if (schema === undefined) continue;
    const hasRequired = Array.isArray(schema.required) && schema.required.length > 0;
    properties[group] = hasRequired ? schema : Type.Optional(schema);
  }
  return Type.Object(properties, { additionalProperties: false });
}
