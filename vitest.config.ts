import { defineConfig } from "vitest/config";

/** Root tests: the main job (`npm start`), across both packages. Package tests have their own configs. */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    testTimeout: 60_000,
  },
});
