import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { LOG_REDACT_PATHS } from "../src/client/logger.js";
import { createConnector } from "../src/connector.js";
import { REDACTED } from "../src/redaction/redact.js";
import { seedEnvironment } from "./environment.js";
import { policyPassword } from "./journeys.js";
import { journeysUnderReadFaults, type ReadFaultReport } from "./read-faults.js";
import { type WriteFaultReport, writesUnderFaults } from "./write-faults.js";

export interface ResilienceOptions {
  /** Times every journey runs under read faults. */
  iterations: number;
  /** Calls of createUser and of createUserGroupMembership under write faults. */
  writeCalls: number;
  readFaultProbability: number;
  writeFaultProbability: number;
  concurrency: number;
}

export interface CanaryReport {
  /** How many distinct secret values were watched: the client secret, passwords, every emailed code. */
  canaries: number;
  logLines: number;
  /** Where a canary showed up; must be empty. */
  leaks: string[];
}

export interface ResilienceReport {
  readFaults: ReadFaultReport;
  writes: WriteFaultReport[];
  canary: CanaryReport;
}

/**
 * The resilience suite: journeys under read faults, writes under write faults, all with a canary
 * client secret, canary passwords and the emailed codes, and debug logging on. Everything written
 * to stdout, stderr and the log while it runs is then searched for the canaries.
 */
export async function runResilienceSuite(
  emulatorUrl: string,
  options: ResilienceOptions,
): Promise<ResilienceReport> {
  const tag = randomBytes(4).toString("hex");
  const clientSecret = `canary-client-secret-${tag}-${randomBytes(8).toString("hex")}`;
  const secrets = {
    password: policyPassword(`Cnry${tag}`),
    newPassword: policyPassword(`CnryNew${tag}`),
    codesSeen: [] as string[],
  };
  const logLines: string[] = [];
  const printed: string[] = [];
  const logger = pino(
    { level: "debug", redact: { paths: LOG_REDACT_PATHS, censor: REDACTED } },
    { write: (line: string) => logLines.push(line) },
  );
  const restore = teeOutput(printed);
  let report: Omit<ResilienceReport, "canary">;
  try {
    const env = await seedEnvironment(emulatorUrl, clientSecret);
    const connector = createConnector(env.connection, { client: { logger } });
    try {
      const readFaults = await journeysUnderReadFaults(env, connector, secrets, {
        iterations: options.iterations,
        probability: options.readFaultProbability,
        concurrency: options.concurrency,
      });
      const writes = await writesUnderFaults(env, connector, {
        calls: options.writeCalls,
        probability: options.writeFaultProbability,
        concurrency: options.concurrency,
      });
      report = { readFaults, writes };
    } finally {
      await connector.close();
    }
  } finally {
    restore();
  }
  const canaries = [clientSecret, secrets.password, secrets.newPassword, ...new Set(secrets.codesSeen)];
  const surfaces: [string, string][] = [
    ["log", logLines.join("")],
    ["stdout/stderr", printed.join("")],
    ["report", JSON.stringify(report)],
  ];
  const leaks: string[] = [];
  for (const [where, text] of surfaces) {
    for (const canary of canaries) {
      // Codes are case-insensitive in PingOne: look for them in any case.
      if (text.toLowerCase().includes(canary.toLowerCase())) leaks.push(`a canary appeared in the ${where}`);
    }
  }
  return { ...report, canary: { canaries: canaries.length, logLines: logLines.length, leaks } };
}

/** Copies everything this process writes to stdout and stderr into `sink`, until restored. */
function teeOutput(sink: string[]): () => void {
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write.bind(stream));
  streams.forEach((stream, index) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      sink.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return (originals[index] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
  });
  return () => {
    streams.forEach((stream, index) => {
      stream.write = originals[index] as typeof stream.write;
    });
  };
}
