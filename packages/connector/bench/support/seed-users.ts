import { randomUUID } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ProvisionedEnvironment } from "./emulator-process.js";

export interface PagingSeed {
  /** The seed file to start the emulator with (`--seed`). */
  file: string;
  /** The seeded environment's connection, once the emulator's URL is known. */
  environment(url: string): ProvisionedEnvironment;
}

/**
 * A seed file with one environment holding `users` users and a worker app with known
 * credentials: loading it at start-up is far faster than creating the users through the API.
 */
export async function writePagingSeed(users: number): Promise<PagingSeed> {
  const environmentId = randomUUID();
  const clientId = randomUUID();
  const clientSecret = `bench-${randomUUID()}`;
  const document = {
    environments: [
      {
        id: environmentId,
        name: "Paging benchmark",
        workers: [{ clientId, clientSecret }],
        users: Array.from({ length: users }, (_, i) => ({
          username: `paging-${String(i).padStart(7, "0")}`,
          email: `paging-${i}@example.com`,
        })),
      },
    ],
  };
  const dir = await mkdtemp(join(tmpdir(), "pingone-bench-"));
  const file = join(dir, "paging-seed.json");
  await writeFile(file, JSON.stringify(document));
  return {
    file,
    environment: (url) => ({ environmentId, clientId, clientSecret, apiUrl: url, authUrl: url }),
  };
}
