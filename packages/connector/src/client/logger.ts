import { type Logger, pino } from "pino";
import { REDACTED } from "../redaction/redact.js";

export type { Logger } from "pino";

/**
 * Paths pino censors in every record, as a second line of defence: the client never puts
 * secrets into log records in the first place.
 */
export const LOG_REDACT_PATHS = [
  "authorization",
  "headers.authorization",
  "*.headers.authorization",
  "clientSecret",
  "*.clientSecret",
  "client_secret",
  "access_token",
  "password",
  "*.password",
  "newPassword",
  "currentPassword",
  "recoveryCode",
  "verificationCode",
  "*.recoveryCode",
  "*.verificationCode",
  "bindPassword",
  "*.bindPassword",
  "gatewayDirectories",
  "*.gatewayDirectories",
  "kerberosTicket",
  "*.kerberosTicket",
  "keytab",
  "*.keytab",
];

/** The library is silent unless the caller injects a logger. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

/** A JSON logger to stderr with the redaction paths set, for the CLI and the HTTP service. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, redact: { paths: LOG_REDACT_PATHS, censor: REDACTED } }, pino.destination(2));
}
