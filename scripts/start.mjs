#!/usr/bin/env node
// The main job behind `npm start`: pingone-emulator with demo data (persisted under .data/),
// the connector's HTTP service against it with a fresh API key, and a short guide with three
// commands that work as printed. Ctrl-C stops both. Settings (README "Quick start"):
// PINGONE_EMULATOR_PORT (4600), PINGONE_CONNECTOR_PORT (4700), PINGONE_DATA_DIR (.data).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dataDir = process.env.PINGONE_DATA_DIR ?? join(root, ".data");
const emulatorPort = process.env.PINGONE_EMULATOR_PORT ?? "4600";
const servicePort = process.env.PINGONE_CONNECTOR_PORT ?? "4700";
const emulatorCli = join(root, "packages/emulator/dist/cli/main.js");
const connectorCli = join(root, "packages/connector/dist/bin/pingone-connector.js");

mkdirSync(dataDir, { recursive: true });
const children = [];
let stopping = false;

/**
 * Starts a child, echoes nothing, and resolves with its stdout once `ready` matches it. `portSetting`
 * ({ setting, port }) names the variable that chose its port, for the message when the port
 * cannot be had.
 */
function start(name, args, env, ready, portSetting) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  let started = false;
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      if (!started && ready.test(output)) {
        started = true;
        resolve(output);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => {
      output += chunk.toString();
      // Before it is ready, its output goes into the failure message instead.
      if (stopping || !started) return;
      // The service logs JSON lines on stderr: show warnings and errors only.
      for (const line of chunk.toString().split("\n")) {
        if (/"level":(40|50|60)/.test(line) || (line.trim() && !line.startsWith("{")))
          process.stderr.write(`[${name}] ${line}\n`);
      }
    });
    child.once("exit", (code, signal) => {
      if (!stopping) {
        const hint = /already in use|needs privileges/.test(output)
          ? `\nSet ${portSetting.setting} to a free port (0 picks one), e.g. ${portSetting.setting}=${Number(portSetting.port) + 1} npm start`
          : "";
        reject(
          new Error(`${name} exited (${signal ?? code}) before it was ready:\n${output.trimEnd()}${hint}`),
        );
        shutdown(1);
      }
    });
  });
}

function shutdown(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  process.stdout.write("\nStopping the connector service and the emulator ...\n");
  const exits = children
    .filter((child) => child.exitCode === null && child.signalCode === null)
    .map(
      (child) =>
        new Promise((resolve) => {
          child.once("exit", resolve);
          child.kill("SIGTERM");
        }),
    );
  Promise.all(exits).then(() => process.exit(exitCode));
}
process.once("SIGINT", () => shutdown(0));
process.once("SIGTERM", () => shutdown(0));

try {
  const emulatorOutput = await start(
    "emulator",
    [emulatorCli, "--demo", "--db", join(dataDir, "emulator.db"), "--port", emulatorPort],
    {},
    /API base:/,
    { setting: "PINGONE_EMULATOR_PORT", port: emulatorPort },
  );
  const emulatorUrl = /listening on (http:\/\/\S+)/.exec(emulatorOutput)?.[1];
  const environmentId = /Demo environment \((?:created|reused)\): (\S+)/.exec(emulatorOutput)?.[1];
  const clientId = /client id:\s+(\S+)/.exec(emulatorOutput)?.[1];
  const clientSecret = /client secret:\s+(\S+)/.exec(emulatorOutput)?.[1];
  if (!emulatorUrl || !environmentId || !clientId || !clientSecret) {
    throw new Error(`could not read the demo environment from the emulator:\n${emulatorOutput}`);
  }
  const reused = /Demo environment \(reused\)/.test(emulatorOutput);

  // The CLI commands of the guide read the connection from this file, so no secret is printed.
  const connectionFile = join(dataDir, "connection.json");
  writeFileSync(
    connectionFile,
    `${JSON.stringify({ environmentId, clientId, clientSecret, apiUrl: emulatorUrl, authUrl: emulatorUrl }, null, 2)}\n`,
    { mode: 0o600 },
  );
  const apiKey = randomBytes(24).toString("base64url");
  const serviceOutput = await start(
    "service",
    [connectorCli, "serve", "--port", servicePort, "--connection", `@${connectionFile}`],
    { PINGONE_CONNECTOR_API_KEY: apiKey, LOG_LEVEL: "warn" },
    /listening on/,
    { setting: "PINGONE_CONNECTOR_PORT", port: servicePort },
  );
  const serviceUrl = /listening on (http:\/\/\S+)/.exec(serviceOutput)?.[1];
  const connection = `@${relative(root, connectionFile)}`;
  const cli = "npx pingone-connector";

  process.stdout.write(`
pingone-connector is running against pingone-emulator.

  Emulator (PingOne API + /_emulator back door): ${emulatorUrl}
    demo environment ${environmentId} (${reused ? "reused from" : "created in"} ${relative(root, join(dataDir, "emulator.db"))})
    demo users: alice / Blue!Falcon-42, bob (email not verified), carol (locked), dave (disabled)
  Connector service: ${serviceUrl}   API reference: ${serviceUrl}/docs
    API key (new on every start): ${apiKey}
  CLI connection file: ${relative(root, connectionFile)}

Try it (from this directory):

  curl -s -X POST ${serviceUrl}/capabilities/userLookup \\
    -H 'Authorization: Bearer ${apiKey}' -H 'Content-Type: application/json' \\
    -d '{"matchAttributes":["username"],"userIdentifierForFindUser":"alice"}'

  ${cli} invoke checkPassword --connection ${connection} \\
    --input '{"matchAttribute":"username","identifier":"alice","password":"Blue!Falcon-42"}'

  ${cli} action get_users --connection ${connection} --input '{"parameters":{"limit":2}}'

Emailed codes: curl -s '${emulatorUrl}/_emulator/outbox?environmentId=${environmentId}'
Press Ctrl-C to stop both.
`);
} catch (error) {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  shutdown(1);
}
