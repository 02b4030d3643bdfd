// Benchmark of the emulator at scale: seeds users straight into SQLite (one transaction, one prepared
// statement), then serves that database from the real CLI in a child process and measures, over HTTP on
// 127.0.0.1, a username lookup and a 200-user page beside the cheapest route of the same stack (the floor).
// Usage: npm run bench -w pingone-emulator   (BENCH_USERS, BENCH_SAMPLES, BENCH_SECONDS, BENCH_CONCURRENCY)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createEmulator } from "../dist/index.js";

const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));

const directory = mkdtempSync(join(tmpdir(), "pingone-emulator-bench-"));
const dbPath = join(directory, "bench.db");

function usernameOf(index) {
  return `user${String(index).padStart(7, "0")}`;
}

/** Peak and current resident set of a process, from /proc (Linux). */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { peakMiB: kib("VmHWM") / 1024, currentMiB: kib("VmRSS") / 1024 };
}

async function seed() {
  const emulator = createEmulator({ dbPath });
  const response = await emulator.app.request("/_emulator/environments", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Benchmark" }),
  });
  const environment = await response.json();
  const populationId = emulator.db
    .prepare("SELECT id FROM populations WHERE environment_id = ? AND is_default = 1")
    .pluck()
    .get(environment.environmentId);
  const insert = emulator.db.prepare(
    `INSERT INTO users (id, environment_id, population_id, username, email, name_given, name_family, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const started = performance.now();
  const now = Date.now();
  emulator.db.transaction(() => {
    for (let index = 0; index < USERS; index += 1) {
      const username = usernameOf(index);
      insert.run(
        crypto.randomUUID(),
        environment.environmentId,
        populationId,
        username,
        `${username}@example.com`,
        `Given${index % 1000}`,
        `Family${index % 5000}`,
        now,
        now,
      );
    }
  })();
  emulator.db.pragma("wal_checkpoint(TRUNCATE)");
  const seconds = (performance.now() - started) / 1000;
  await emulator.stop();
  return { environment, seconds, seederMemory: memoryOf(process.pid) };
}

function startServer() {
  const child = spawn(process.execPath, [CLI, "--port", "0", "--db", dbPath], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url !== undefined) resolve({ child, url });
    });
    child.on("exit", (code) => reject(new Error(`emulator exited with ${code}: ${output}`)));
  });
}

async function fetchToken(url, environment) {
  const response = await fetch(`${url}/${environment.environmentId}/as/token`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Authorization: `Basic ${Buffer.from(`${environment.clientId}:${environment.clientSecret}`).toString("base64")}`,
    },
    body: "grant_type=client_credentials",
  });
  return (await response.json()).access_token;
}

async function call(request) {
  const response = await fetch(request.url, { headers: request.headers });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`${request.url} answered ${response.status}: ${body.slice(0, 200)}`);
  return body;
}

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

/**
 * Median/p95 latency of sequential calls, taken round-robin across the scenarios so that the floor
 * and the routes compared with it see the same machine load; then, scenario by scenario, the
 * throughput of CONCURRENCY callers for SECONDS.
 */
async function measure(scenarios) {
  const latencies = scenarios.map(() => []);
  for (let index = 0; index < SAMPLES; index += 1) {
    for (const [position, scenario] of scenarios.entries()) {
      const request = scenario.next();
      const started = performance.now();
      const body = await call(request);
      latencies[position].push(performance.now() - started);
      if (index === 0) scenario.check(JSON.parse(body));
    }
  }
  const results = [];
  for (const [position, scenario] of scenarios.entries()) {
    const sorted = latencies[position].sort((x, y) => x - y);
    let completed = 0;
    const deadline = performance.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline) {
          await call(scenario.next());
          completed += 1;
        }
      }),
    );
    results.push({
      name: scenario.name,
      medianMs: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
      requestsPerSecond: completed / SECONDS,
    });
  }
  return results;
}

function expect(condition, message) {
  if (!condition) throw new Error(`benchmark sanity check failed: ${message}`);
}

async function main() {
  console.log(`Seeding ${USERS.toLocaleString("en-US")} users into ${dbPath} ...`);
  const { environment, seconds, seederMemory } = await seed();
  const { child, url } = await startServer();
  try {
    const token = await fetchToken(url, environment);
    const headers = { Authorization: `Bearer ${token}`, Accept: "application/json" };
    const usersUrl = `${url}/v1/environments/${environment.environmentId}/users`;
    let lookups = 0;
    // Warm every route (JIT, statement cache, SQLite pages) before any of them is timed.
    for (let index = 0; index < 300; index += 1) {
      await call({ url: `${url}/_emulator/health`, headers });
      await call({
        url: `${usersUrl}?filter=${encodeURIComponent(`username eq "${usernameOf(index)}"`)}`,
        headers,
      });
      if (index % 10 === 0) await call({ url: `${usersUrl}?limit=200`, headers });
    }
    // The floor and the lookup it is compared with are sampled in alternation; the slow page is sampled
    // on its own so its large responses do not weigh on the next floor sample.
    const compared = await measure([
      {
        name: "floor: GET /_emulator/health",
        next: () => ({ url: `${url}/_emulator/health`, headers }),
        check: (body) => expect(body.status === "ok", "health"),
      },
      {
        name: 'GET /users?filter=username eq "…"',
        next: () => {
          lookups += 7919;
          const filter = encodeURIComponent(`username eq "${usernameOf(lookups % USERS)}"`);
          return { url: `${usersUrl}?filter=${filter}`, headers };
        },
        check: (body) => expect(body.count === 1 && body.size === 1, "lookup finds exactly one user"),
      },
    ]);
    const page = await measure([
      {
        name: "GET /users?limit=200 (with count)",
        next: () => ({ url: `${usersUrl}?limit=200`, headers }),
        check: (body) => expect(body.size === 200 && body.count === USERS, "a full page and the total"),
      },
    ]);
    const results = [...compared, ...page];
    const serverMemory = memoryOf(child.pid);
    const floor = results[0].medianMs;
    console.log("");
    console.log(`| measurement | median ms | p95 ms | req/s (${CONCURRENCY} callers) | median vs floor |`);
    console.log("| --- | ---: | ---: | ---: | ---: |");
    for (const result of results) {
      console.log(
        `| ${result.name} | ${result.medianMs.toFixed(2)} | ${result.p95Ms.toFixed(2)} | ${result.requestsPerSecond.toFixed(0)} | ${(result.medianMs / floor).toFixed(2)}x |`,
      );
    }
    console.log("");
    console.log("| figure | value | target |");
    console.log("| --- | ---: | --- |");
    console.log(`| seed ${USERS.toLocaleString("en-US")} users | ${seconds.toFixed(1)} s | < 60 s |`);
    console.log(`| emulator process peak RSS | ${serverMemory.peakMiB.toFixed(0)} MiB | < 1024 MiB |`);
    console.log(`| seeding process peak RSS | ${seederMemory.peakMiB.toFixed(0)} MiB | < 1024 MiB |`);
    console.log(`| lookup median / floor median | ${(results[1].medianMs / floor).toFixed(2)}x | ≤ 2x |`);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
