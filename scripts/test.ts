/**
 * `npm test`: every runner, one verdict. Unit and integration tests (Vitest, per package,
 * through Turborepo), then the production build, the end-to-end tests and the fault and load
 * tests (Playwright, two configs).
 * Ends with `tests: N passed, N failed` summed over all runners; exits non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { quietEnv, repoRoot } from "./lib";

type Tally = { runner: string; passed: number; failed: number; skipped: number };

const workspaceDirs = ["apps", "packages"].flatMap((group) =>
  readdirSync(join(repoRoot, group)).map((name) => join(repoRoot, group, name)),
);
const vitestReports = workspaceDirs.map((dir) => join(dir, ".test-results", "vitest.json"));
const playwrightReport = join(repoRoot, "e2e", ".test-results", "playwright.json");
const faultsReport = join(repoRoot, "e2e", ".test-results", "faults.json");

/**
 * How long each stage took and whether it exited cleanly, printed with the summary: where a slow
 * run spent its time, and which stage failed when no test did.
 */
const stageSeconds: { label: string; seconds: number; ok: boolean }[] = [];

function exec(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}`);
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, ...quietEnv },
  });
  const ok = result.status === 0;
  stageSeconds.push({ label, seconds: Math.round((performance.now() - started) / 1000), ok });
  return ok;
}

function readVitest(file: string): Tally | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests?: number;
    numFailedTestSuites: number;
    testResults: { assertionResults: unknown[]; status: string }[];
  };
  // A test file that fails to load has no assertions but is still a failure.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === "failed" && file.assertionResults.length === 0,
  ).length;
  return {
    runner: `vitest ${file.replace(`${repoRoot}/`, "").replace("/.test-results/vitest.json", "")}`,
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + (report.numTodoTests ?? 0),
  };
}

function readPlaywright(file: string, runner = "playwright e2e"): Tally | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
  return {
    runner,
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + (report.errors?.length ?? 0),
    skipped: report.stats.skipped,
  };
}

for (const file of [...vitestReports, playwrightReport, faultsReport])
  rmSync(file, { force: true });

console.log(
  process.env.TEST_DATABASE_URL
    ? "Integration tests use the PostgreSQL server of TEST_DATABASE_URL (each run creates and drops its own databases)."
    : "TEST_DATABASE_URL is not set: integration tests use an embedded PostgreSQL (PGlite) each.",
);

const unitOk = exec("Unit and integration tests (Vitest)", "npx", [
  "turbo",
  "run",
  "test",
  "--continue",
  "--concurrency=2",
  "--output-logs=new-only",
]);
const buildOk = exec("Production build", "npx", [
  "turbo",
  "run",
  "build",
  "--filter=@tradeoff/web",
  "--output-logs=errors-only",
]);
const e2eOk =
  buildOk &&
  exec("End-to-end tests (Playwright)", "npx", [
    "playwright",
    "test",
    "-c",
    "e2e/playwright.config.ts",
  ]);
// Fault and load tests: each spec starts its own PostgreSQL and app instances (no browser).
const faultsOk =
  buildOk &&
  exec("Fault and load tests (Playwright)", "npx", [
    "playwright",
    "test",
    "-c",
    "e2e/faults.config.ts",
  ]);

const tallies: Tally[] = [];
for (const file of vitestReports) {
  const tally = readVitest(file);
  if (tally) tallies.push(tally);
}
const e2e = readPlaywright(playwrightReport);
if (e2e) tallies.push(e2e);
else tallies.push({ runner: "playwright e2e (did not run)", passed: 0, failed: 1, skipped: 0 });
const faults = readPlaywright(faultsReport, "playwright faults");
if (faults) tallies.push(faults);
else tallies.push({ runner: "playwright faults (did not run)", passed: 0, failed: 1, skipped: 0 });

console.log("\nSummary");
for (const t of tallies) {
  console.log(
    `  ${t.runner.padEnd(34)} ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`,
  );
}
if (!buildOk) console.log("  the production build failed");
console.log("\nTime per stage");
for (const stage of stageSeconds) {
  console.log(`  ${stage.label.padEnd(40)} ${stage.seconds} s`);
}

const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
let failed = tallies.reduce((sum, t) => sum + t.failed, 0);
// A runner that failed without reporting a failed test (a crash, a type error, an error Vitest
// caught outside any test) still fails the run, and the summary says which.
if (failed === 0 && (!unitOk || !buildOk || !e2eOk || !faultsOk)) {
  failed = 1;
  for (const stage of stageSeconds.filter((s) => !s.ok)) {
    console.log(
      `${stage.label} exited with an error and no failed test: see its output above (for Vitest, "Unhandled Errors").`,
    );
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
