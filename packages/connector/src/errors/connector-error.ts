/**
 * The root of the facade's error family: an unknown capability or action, an action input
 * refused before any call, a capability failing with one of its error keys. Callers branch on
 * the stable `code`, never on message text; `facade/error-outcome.ts` turns each code into the
 * CLI's exit code and the service's HTTP status (docs/connector-service.md#error-family).
 * Subclasses set `name` themselves, so the class name survives bundling.
 */
export abstract class ConnectorError<Code extends string = string> extends Error {
  abstract readonly code: Code;
}
