/**
 * Shared pieces of the top-level commands (start, dev, test): paths, the local secret,
 * child processes that stop with their parent.
 */
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isIP } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const dataDir = join(repoRoot, ".data");

/**
 * The session secret for local runs: generated once, kept in the git-ignored data folder,
 * so sessions survive restarts. Deployments set NEXTAUTH_SECRET themselves.
 */
export function localSecret(): string {
  const file = join(dataDir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Tells the server its database is the embedded one of a local run (not a deployment's):
 * the demo account is expected there, and /api/metrics stays open.
 */
export function embeddedDatabaseEnv(embedded: boolean): Record<string, string> {
  return embedded ? { TRADEOFF_EMBEDDED_DB: "true" } : {};
}

/**
 * With a configured public URL (NEXTAUTH_URL) every link and check uses it. Without one (a local
 * run) the app answers at whatever address it was opened with, localhost or 127.0.0.1 alike:
 * next-auth is told to build its URLs from the request's host (AUTH_TRUST_HOST, its own setting).
 */
export function publicUrlEnv(): Record<string, string> {
  return process.env.NEXTAUTH_URL ? {} : { AUTH_TRUST_HOST: "true" };
}

/** Parses PORT: an integer 1..65535, or exits with a sentence saying what is wrong. */
export function portFromEnv(fallback: number): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail(`PORT must be a whole number between 1 and 65535 (got "${raw}").`);
  }
  return port;
}

/**
 * The address `npm start` and `npm run dev` listen on. On the embedded database (no DATABASE_URL)
 * the app is a local trial with a demo account whose password is in the README, so it answers
 * this computer only (127.0.0.1) unless HOST says otherwise; a deployment (DATABASE_URL set)
 * listens on every interface, as a container or a proxy in front of it needs. HOST is an IP
 * address (`0.0.0.0` for every interface, `::` for IPv6 too) or a host name.
 */
export function listenHostname(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const raw = env.HOST?.trim();
  if (!raw) return env.DATABASE_URL ? undefined : "127.0.0.1";
  const hostName =
    /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
  if (isIP(raw) || hostName.test(raw)) return raw;
  throw new Error(
    `HOST must be an IP address or a host name, such as 127.0.0.1 (this computer only) or 0.0.0.0 (every network interface); got "${raw}".`,
  );
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/**
 * The address to open the app at, and who can open it, as `npm start` says it at start: a trial
 * must not be open to the network unawares.
 */
export function listenAddress(hostname: string | undefined, port: number) {
  const everywhere = hostname === undefined || hostname === "0.0.0.0" || hostname === "::";
  const host = everywhere || LOOPBACK.has(hostname) ? "localhost" : hostname;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    reach:
      hostname !== undefined && LOOPBACK.has(hostname)
        ? "Only this computer can open it; HOST=0.0.0.0 opens it to your network."
        : `Listening on ${everywhere ? "every network interface" : hostname}: other computers that reach this one can open it.`,
  };
}

export function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

/** Runs a command to completion, inheriting the terminal; rejects on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: repoRoot, ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolvePromise()
        : reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

/**
 * Starts the app's server (apps/web/server.ts: Next.js plus the API served directly) in its own
 * process group, so stopping it stops every process it started. `dev`: Next.js in development
 * mode, and the server restarts when its own code or the packages' code changes (tsx watch).
 */
export function spawnServer(
  options: { port: number; hostname?: string; dev?: boolean },
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
  /**
   * "pipe": the caller reads the server's log (standard output) and what it writes to standard
   * error (Next.js's own error reports) instead of passing them on.
   */
  output: "inherit" | "pipe" = "inherit",
): ChildProcess {
  const args = ["--port", String(options.port)];
  if (options.hostname) args.push("--hostname", options.hostname);
  const web = join(repoRoot, "apps/web");
  const command = options.dev
    ? [
        createRequire(join(web, "package.json")).resolve("tsx/cli"),
        "watch",
        "--clear-screen=false",
        "--exclude",
        "**/.next/**",
        "server.ts",
        "--dev",
      ]
    : [...SERVER_NODE_FLAGS, ...nodeArgs, "--import", "tsx", "server.ts"];
  return spawn(process.execPath, [...command, ...args], {
    cwd: web,
    stdio: ["ignore", output, output],
    env,
    detached: true,
  });
}

/**
 * Node.js settings of the production server: a larger young generation, so the short-lived
 * objects of each request are collected less often (garbage collection was about a tenth of a
 * busy server's CPU time with the default).
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];

/** Signals a child's whole process group (see spawnServer). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/** Forwards Ctrl-C and termination to a long-running child, then runs cleanup. */
export function superviseChild(child: ChildProcess, cleanup: () => Promise<void>) {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    killGroup(child, signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  child.on("exit", async (code) => {
    await cleanup();
    process.exit(code ?? 0);
  });
}

export const quietEnv = { NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };
