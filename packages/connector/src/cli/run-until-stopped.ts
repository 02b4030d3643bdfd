import type { Logger } from "../client/logger.js";

/** Keeps a started service running until SIGTERM or SIGINT, then lets its in-flight calls finish. */
export async function runUntilStopped(service: { shutdown(): Promise<void> }, logger: Logger): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      logger.info({ signal }, "shutting down: finishing in-flight calls");
      service.shutdown().then(resolve, resolve);
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
  logger.info("stopped");
}

/** A whole-number option within bounds, or a usage error naming the flag. */
export function wholeNumber(
  value: string,
  flag: string,
  min: number,
  max: number,
  fail: (message: string) => never,
): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    fail(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}
