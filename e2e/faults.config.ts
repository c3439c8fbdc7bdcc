import { defineConfig } from "@playwright/test";

/**
 * Fault and load tests against the production build: database restarts under load, two
 * instances sharing one database, live streams resuming on another instance, stream hygiene.
 * No browser and no shared web server: each spec starts its own PostgreSQL and app instances on
 * free ports and stops them in afterAll. One at a time: they load the machine on purpose.
 */
export default defineConfig({
  testDir: "./faults",
  testMatch: "*.spec.ts",
  outputDir: "./.test-results/faults-artifacts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "./.test-results/faults.json" }]],
});
