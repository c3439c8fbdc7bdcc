import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS } from "@tradeoff/bench/chromium-flags";

/**
 * End-to-end tests against the production build on a fresh database (created by
 * support/serve.ts and dropped when the run ends).
 * Browser: CHROMIUM_PATH, else the system Chromium, else Playwright's own download.
 */
const systemChromium = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
].find((path): path is string => Boolean(path && existsSync(path)));
console.log(
  systemChromium
    ? `e2e browser: system Chromium at ${systemChromium}`
    : "e2e browser: Playwright's bundled Chromium (run `npx playwright install chromium` if it is missing)",
);

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./specs",
  outputDir: "./.test-results/artifacts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Budgets for a small shared machine (two cores running the app, PostgreSQL and two browsers):
  // a two-member voting flow there takes about 30 s. What a test checks does not depend on them.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "./.test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: systemChromium,
          args: CHROMIUM_FLAGS,
        },
      },
    },
  ],
  webServer: {
    command: `npx tsx support/serve.ts`,
    cwd: import.meta.dirname,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
