import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Settings every package's vitest.config.ts extends.
 * The JSON report is what `npm test` (scripts/test.ts) sums into its totals line; every test
 * file fails on a deprecation warning emitted while it ran (vitest.no-deprecations.ts).
 */
export const sharedTestConfig = defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: ".test-results/vitest.json" }]],
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 20_000,
    setupFiles: [fileURLToPath(new URL("./vitest.no-deprecations.ts", import.meta.url))],
  },
});
