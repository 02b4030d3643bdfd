import { ErrorMessages } from "./error-messages.js";
import { invalidData, type PingOneErrorDetail } from "./errors.js";

/** The `password` member of a `user.import+json` body, checked and normalised. */
export interface ImportPassword {
  value?: string;
  forceChange: boolean;
  externalGateway?: Record<string, unknown>;
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
  let externalGateway: Record<string, unknown> | undefined;
  if (external !== undefined) {
    const gateway = (external as { gateway?: unknown } | null)?.gateway;
    const gatewayObject = gateway as { id?: unknown; userType?: { id?: unknown } } | undefined;
    if (
      typeof external !== "object" ||
      external === null ||
      typeof gateway !== "object" ||
      gateway === null ||
      typeof gatewayObject?.id !== "string"
    ) {
      details.push(problem("password.external.gateway", ErrorMessages.wrongType("an object with an id")));
    } else {
      externalGateway = gateway as Record<string, unknown>;
    }
  }
  if (details.length > 0) throw invalidData(details);
  const result: ImportPassword = { forceChange: forceChange === true };
  if (typeof value === "string") result.value = value;
  if (externalGateway !== undefined) result.externalGateway = externalGateway;
  return result;
}
