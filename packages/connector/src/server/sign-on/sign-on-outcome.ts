import { randomUUID } from "node:crypto";
import { mac, macMatches } from "./hmac.js";

/** How long an outcome token is good for: long enough for a redirect, too short to be kept. */
export const OUTCOME_TTL_SECONDS = 120;

/** What a sign-on page tells the application that sent the person there. */
export interface SignOnOutcome {
  /** `signedOn`: the password was checked; `buttonPressed`: another button of the form, nothing checked. */
  outcome: "signedOn" | "buttonPressed";
  /** How the person signed on: `password` (a Negotiate route would say `kerberos`). */
  method: "password";
  /** The button pressed: `submit`, or a flow button or link's key. */
  buttonValue: string;
  /** The PingOne user, when signed on. */
  user?: { id: string; username: string };
  /** PingOne's password status after the check (`OK`, `MUST_CHANGE_PASSWORD`, `PASSWORD_EXPIRED`). */
  passwordStatus?: string;
}

/** The signed token's payload: the outcome, when it was issued, until when, for whom, and a unique id. */
export interface SignOnOutcomeClaims extends SignOnOutcome {
  v: 1;
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
  /** The return URL the token was issued for. */
  aud: string;
  /** Unique per token: an application that remembers the ids it saw accepts each token once. */
  jti: string;
}

/**
 * `<payload>.<mac>`: base64url JSON claims, and HMAC-SHA256 (base64url) with the sign-on secret
 * over `outcome.<payload>` (docs/connector-service.md#sign-on-outcome). Signed, not encrypted: it
 * carries no secret, only who signed on.
 */
export function signSignOnOutcome(
  secret: string,
  outcome: SignOnOutcome,
  audience: string,
  nowMs: number,
): string {
  const iat = Math.floor(nowMs / 1000);
  const claims: SignOnOutcomeClaims = {
    v: 1,
    ...outcome,
    iat,
    exp: iat + OUTCOME_TTL_SECONDS,
    aud: audience,
    jti: randomUUID(),
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${mac(secret, "outcome", payload)}`;
}

/** Why an outcome token was refused. */
export class SignOnOutcomeError extends Error {
  readonly code: "malformed" | "badSignature" | "expired" | "wrongAudience";

  constructor(code: SignOnOutcomeError["code"], message: string) {
    super(message);
    this.name = "SignOnOutcomeError";
    this.code = code;
  }
}

/**
 * Checks an outcome token the sign-on page sent to the return URL (`signOnOutcome`) and returns
 * its claims: the signature with the shared secret, the expiry, and, when given, that it was
 * issued for this return URL.
 *
 * @example
 * const claims = verifySignOnOutcome(url.searchParams.get("signOnOutcome"), secret, { audience: returnUrl });
 * if (claims.outcome === "signedOn") startSession(claims.user.id);
 * @throws {SignOnOutcomeError}
 */
export function verifySignOnOutcome(
  token: string | null | undefined,
  secret: string,
  options: { audience?: string; now?: number } = {},
): SignOnOutcomeClaims {
  const parts = (token ?? "").split(".");
  if (parts.length !== 2 || parts[0] === "" || parts[1] === "") {
    throw new SignOnOutcomeError("malformed", "The sign-on outcome is not <payload>.<mac>");
  }
  const [payload, presented] = parts as [string, string];
  if (!macMatches(secret.trim(), "outcome", payload, presented)) {
    throw new SignOnOutcomeError("badSignature", "The sign-on outcome's signature does not match the secret");
  }
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as SignOnOutcomeClaims;
  if (claims.exp * 1000 <= (options.now ?? Date.now())) {
    throw new SignOnOutcomeError("expired", "The sign-on outcome has expired");
  }
  if (options.audience !== undefined && claims.aud !== new URL(options.audience).href) {
    throw new SignOnOutcomeError("wrongAudience", `The sign-on outcome was issued for ${claims.aud}`);
  }
  return claims;
}
