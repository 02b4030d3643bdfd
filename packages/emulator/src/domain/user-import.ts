import { ErrorMessages } from "./error-messages.js";
import { invalidData, type PingOneErrorDetail } from "./errors.js";
import { type GatewayLink, gatewayLinkProblems, toGatewayLink } from "./gateway-links.js";
import type { JsonObject } from "./validation.js";

/** The `password` member of a `user.import+json` body, checked and normalised. */
export interface ImportPassword {
  value?: string;
  forceChange: boolean;
  /** `external.gateway`, checked for shape; whether it names a gateway is checked at creation. */
  externalGateway?: GatewayLink;
}

function problem(target: string, message: string, innerError?: Record<string, unknown>): PingOneErrorDetail {
  return innerError === undefined
    ? { code: "INVALID_VALUE", target, message }
    : { code: "INVALID_VALUE", target, message, innerError };
}

/** Accepts `"secret"` or `{ value?, forceChange?, external?: { gateway: {...} } }`. */
export function parseImportPassword(raw: unknown): ImportPassword | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === "string") return { value: raw, forceChange: false };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw invalidData([problem("password", ErrorMessages.wrongType("a string or an object"))]);
  }
  const details: PingOneErrorDetail[] = [];
  const { value, forceChange, external, ...unknown } = raw as Record<string, unknown>;
  for (const key of Object.keys(unknown))
    details.push(problem(`password.${key}`, ErrorMessages.unknownAttribute));
  if (value !== undefined && (typeof value !== "string" || value === "")) {
    details.push(problem("password.value", ErrorMessages.wrongType("a non-empty string")));
  }
  if (forceChange !== undefined && typeof forceChange !== "boolean") {
    details.push(problem("password.forceChange", ErrorMessages.wrongType("a boolean")));
  }
  let externalGateway: GatewayLink | undefined;
  if (external !== undefined && external !== null) {
    if (typeof external !== "object" || Array.isArray(external)) {
      details.push(problem("password.external", ErrorMessages.wrongType("an object")));
    } else {
      const { gateway, ...others } = external as JsonObject;
      for (const key of Object.keys(others))
        details.push(problem(`password.external.${key}`, ErrorMessages.unknownAttribute));
      const linkProblems = gatewayLinkProblems(gateway, "password.external.gateway");
      details.push(...linkProblems);
      if (linkProblems.length === 0) externalGateway = toGatewayLink(gateway as JsonObject);
    }
  }
  if (details.length > 0) throw invalidData(details);
  const result: ImportPassword = { forceChange: forceChange === true };
  if (typeof value === "string") result.value = value;
  if (externalGateway !== undefined) result.externalGateway = externalGateway;
  return result;
}
