import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file starts its own servers; forks keep their processes and sockets apart.
    pool: "forks",
    testTimeout: 30_000,
    // Chromium's first start on a new machine (font caches) took 18 s here.
    hookTimeout: 60_000,
  },
});
