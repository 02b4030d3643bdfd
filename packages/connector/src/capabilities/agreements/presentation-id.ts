import { CapabilityError } from "../kit/capability-error.js";

/** What an `agreementPresentationId` names: one revision of one language of one agreement. */
export interface PresentationTarget {
  environmentId: string;
  agreementId: string;
  languageId: string;
  revisionId: string;
}

/**
 * base64url of `{"e","a","l","r"}` JSON. It carries no secret and needs none: acceptAgreement
 * checks it against PingOne's current state (docs/connector-capabilities.md#agreement-presentation-id).
 */
export function encodePresentationId(target: PresentationTarget): string {
  const json = JSON.stringify({
    e: target.environmentId,
    a: target.agreementId,
    l: target.languageId,
    r: target.revisionId,
  });
  return Buffer.from(json, "utf8").toString("base64url");
}

/** The target of a presentation id of this environment; anything else is `invalidValue`. */
export function decodePresentationId(value: string, environmentId: string): PresentationTarget {
  const trimmed = value.trim();
  if (trimmed === "") throw new CapabilityError("invalidInput", "agreementPresentationId must not be empty");
  let fields: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(trimmed)) throw new Error("not base64url");
    fields = JSON.parse(Buffer.from(trimmed, "base64url").toString("utf8"));
  } catch {
    throw invalid("agreementPresentationId is not an agreement presentation id");
  }
  const { e, a, l, r } = (fields ?? {}) as Record<string, unknown>;
  if (![e, a, l, r].every((part) => typeof part === "string" && part !== "" && !/^\.{1,2}$/.test(part))) {
    throw invalid("agreementPresentationId is not an agreement presentation id");
  }
  if (e !== environmentId) {
    throw invalid("agreementPresentationId was issued for another environment");
  }
  return {
    environmentId: e as string,
    agreementId: a as string,
    languageId: l as string,
    revisionId: r as string,
  };
}

export function invalid(message: string): CapabilityError {
  return new CapabilityError("invalidValue", message, { httpResponseCode: 400 });
}
