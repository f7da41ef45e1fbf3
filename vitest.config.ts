import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests spawn the built CLI and git; give slow CI machines room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
