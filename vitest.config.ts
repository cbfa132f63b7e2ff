import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    testTimeout: 30_000,
    // set-up hooks run the built command several times: as long as a test may take, twice over
    hookTimeout: 60_000,
    pool: "forks",
  },
});
