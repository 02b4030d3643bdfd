import type { CapabilityFailure } from "../../capabilities/kit/result.js";

/** A failed sign-on as a person (and a client of the public page) is told it. */
export interface PublicFailure {
  /** `passwordNotValid`, `passwordLockedOut`, `invalidInput`, `requestLimited` or `unavailable`. */
  code: string;
  message: string;
  status: 400 | 429 | 503;
  fieldErrors?: Partial<Record<"username" | "password", string>>;
  /** Seconds, when PingOne said when to try again. */
  retryAfter?: string;
}

/**
 * Keys that all mean "this username and password do not sign anyone on". The page gives them one
 * answer so that it does not tell a stranger which usernames exist, are disabled or have no
 * password (docs/connector-service.md#sign-on-outcomes); the API-key route keeps every key.
 */
const NOT_SIGNED_ON = new Set([
  "passwordNotValid",
  "noUserMatch",
  "multipleUserMatch",
  "userDisabled",
  "noPassword",
  "accountNotUsable",
]);

export const MESSAGES = {
  passwordNotValid: "Incorrect username or password.",
  passwordLockedOut:
    "Too many failed attempts: this account is locked for now. Try again later or contact your administrator.",
  invalidInput: "Enter your username and password.",
  requestLimited: "Too many sign-on attempts right now. Wait a moment and try again.",
  unavailable: "Sign on is not available right now. Try again later.",
  expired: "This sign-on page expired or was opened elsewhere. Enter your username and password again.",
  username: "Enter your username.",
  password: "Enter your password.",
} as const;

/** The public answer for a capability failure of either step. */
export function publicFailure(failure: CapabilityFailure): PublicFailure {
  if (NOT_SIGNED_ON.has(failure.code)) {
    return { code: "passwordNotValid", message: MESSAGES.passwordNotValid, status: 400 };
  }
  if (failure.code === "passwordLockedOut") {
    return { code: "passwordLockedOut", message: MESSAGES.passwordLockedOut, status: 400 };
  }
  if (failure.code === "invalidInput") {
    const fieldErrors: PublicFailure["fieldErrors"] = {};
    for (const problem of failure.problems ?? []) {
      if (problem.path.endsWith("/username")) fieldErrors.username = MESSAGES.username;
      if (problem.path.endsWith("/password")) fieldErrors.password = MESSAGES.password;
    }
    const named = Object.keys(fieldErrors).length > 0;
    return {
      code: "invalidInput",
      message: named ? Object.values(fieldErrors).join(" ") : MESSAGES.invalidInput,
      status: 400,
      ...(named ? { fieldErrors } : {}),
    };
  }
  if (failure.code === "requestLimited") {
    const retryAfter = failure.response?.headers["retry-after"];
    return {
      code: "requestLimited",
      message: MESSAGES.requestLimited,
      status: 429,
      ...(retryAfter ? { retryAfter } : {}),
    };
  }
  return { code: "unavailable", message: MESSAGES.unavailable, status: 503 };
}
