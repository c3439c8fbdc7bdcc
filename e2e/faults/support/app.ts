/**
 * Production app instances for the fault tests: the production server of apps/web (built first when no
 * build exists), each on its own free port, in its own process group, stopped by the test.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { killGroup, quietEnv, repoRoot, spawnServer } from "../../../scripts/lib";
import { appPort } from "./ports";

/** Builds the web app when there is no production build yet; reuses an existing one. */
export function ensureBuild(): void {
  if (existsSync(join(repoRoot, "apps/web/.next/BUILD_ID"))) return;
  const result = spawnSync(
    "npx",
    ["turbo", "run", "build", "--filter=@tradeoff/web", "--output-logs=errors-only"],
    { cwd: repoRoot, stdio: "inherit", env: { ...process.env, ...quietEnv } },
  );
  if (result.status !== 0) throw new Error("The production build of apps/web failed.");
}

/** The token the fault tests scrape /api/metrics with (a deployment keeps metrics behind one). */
export const METRICS_TOKEN = "fault-tests-metrics-token";

/** One secret for every instance of a test: a session issued by one is valid on the other. */
export const newSecret = () => randomBytes(32).toString("base64url");

export type AppInstance = {
  port: number;
  origin: string;
  pid: number;
  /** Stops the instance (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
  /** Kills it at once, as a crash would. */
  kill(): Promise<void>;
  /**
   * The JSON log lines written so far (only with `captureLogs`; otherwise they are passed on).
   * A line that is no JSON is `{ msg }`, with `stream: "stderr"` when written to standard error.
   */
  logLines(): Record<string, unknown>[];
};

/**
 * Tests that match every acknowledged vote to its own history event turn folding off (a
 * deployment's `HISTORY_FOLD_SECONDS=0`): with the default window, a member's vote on the
 * criterion they voted on last, when nobody changed anything in between (as right after a
 * database outage), is folded into that entry, which then shows only the later vote.
 */
export const EVERY_VOTE_ITS_OWN_EVENT = { HISTORY_FOLD_SECONDS: "0" } as const;

export async function startApp(options: {
  databaseUrl: string;
  secret: string;
  env?: Record<string, string>;
  captureLogs?: boolean;
  /** `npm run dev`'s server: Next.js in development mode, compiling each page on first load. */
  dev?: boolean;
}): Promise<AppInstance> {
  const port = await appPort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawnServer(
    { port, hostname: "127.0.0.1", dev: options.dev ?? false },
    {
      ...process.env,
      ...quietEnv,
      NODE_ENV: options.dev ? "development" : "production",
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: origin,
      LOG_LEVEL: "error",
      METRICS_TOKEN,
      // Tests sign up their members from 127.0.0.1; a spec sets a lower limit to test it.
      SIGN_UP_LIMIT: "999999",
      ...options.env,
    },
    [],
    options.captureLogs ? "pipe" : "inherit",
  );
  const lines: Record<string, unknown>[] = [];
  if (child.stdout) {
    createInterface({ input: child.stdout }).on("line", (line) => {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        lines.push({ msg: line });
      }
    });
  }
  if (child.stderr) {
    createInterface({ input: child.stderr }).on("line", (line) => {
      lines.push({ msg: line, stream: "stderr" });
    });
  }
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const stopWith = async (signal: NodeJS.Signals) => {
    killGroup(child, signal);
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const instance: AppInstance = {
    port,
    origin,
    pid: child.pid ?? -1,
    stop: () => stopWith("SIGTERM"),
    kill: () => stopWith("SIGKILL"),
    logLines: () => [...lines],
  };
  // Development mode compiles the health route on its first request.
  const startWithin = options.dev ? 180_000 : 60_000;
  const deadline = Date.now() + startWithin;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app on port ${port} exited on start.`);
    const ok = await fetch(`${origin}/api/health`)
      .then((res) => res.ok)
      .catch(() => false);
    if (ok) return instance;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await instance.stop();
  throw new Error(`The app on port ${port} did not become healthy within ${startWithin / 1000} s.`);
}

/** Starts `count` instances side by side; if one fails to start, stops the others first. */
export async function startApps(
  count: number,
  options: Parameters<typeof startApp>[0],
): Promise<AppInstance[]> {
  const results = await Promise.allSettled(Array.from({ length: count }, () => startApp(options)));
  const started = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await Promise.all(started.map((app) => app.stop()));
    throw failed.reason;
  }
  return started;
}
