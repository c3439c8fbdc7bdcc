import { defineConfig } from "vitest/config";

/**
 * Settings every package's vitest.config.ts extends.
 * The JSON report is what `npm test` (scripts/test.mjs) sums into its totals line.
 */
export const sharedTestConfig = defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: ".test-results/vitest.json" }]],
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 20_000,
  },
});
