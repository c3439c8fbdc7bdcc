/**
 * `npm run bench`: Tradeoff's production build against a raw node:http + pg baseline doing
 * the same SQL, on the same fresh PostgreSQL database, with the same load, side by side in
 * one run. Also the project page's first-load JavaScript and Largest Contentful Paint, and the
 * stack's floor (floor.ts): what the libraries alone cost per request against the baseline.
 * Prints a table and writes bench/results/latest.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { encodeSessionToken } from "@tradeoff/auth";
import { createServerDatabase } from "@tradeoff/db/testing";
import {
  killGroup,
  quietEnv,
  repoRoot,
  run,
  SERVER_NODE_FLAGS,
  spawnServer,
} from "../../scripts/lib";
import { FLOOR_ANSWER_BYTES, FLOOR_REQUESTS, type FloorKind } from "./floor";
import { measureHistory } from "./history";
import { measureInProcess } from "./in-process";
import {
  combine,
  fetchFixed,
  fixedSlice,
  type LoadOptions,
  type LoadResult,
  runSlice,
  type Slice,
  smokeTest,
} from "./load";
import { findChromium, measurePage } from "./page";
import { seedBenchWorld } from "./seed";
import { RECEIVER_SLEEP_MS, startSlowWebhook } from "./webhook";

const serverUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const MEMBERS = 200;
const CONNECTIONS = 64;
const DURATION_S = Number(process.env.BENCH_DURATION_S || 10);
if (!Number.isInteger(DURATION_S) || DURATION_S < 1 || DURATION_S > 120) {
  console.error(
    `✖ BENCH_DURATION_S must be a whole number of seconds from 1 to 120 (got "${process.env.BENCH_DURATION_S}").`,
  );
  process.exit(1);
}
const APP_PORT = 3310;
/**
 * Optional: only these parts (comma-separated): the load scenarios read, write and mix, the
 * stack's floor (floor), the project page in a browser (page) and the history measures
 * (history). A folder for the app's CPU profile.
 */
const PARTS = ["read", "write", "mix", "floor", "page", "history"] as const;
const ONLY = process.env.BENCH_ONLY?.split(",").filter(Boolean);
if (ONLY?.some((s) => !(PARTS as readonly string[]).includes(s))) {
  console.error(
    `✖ BENCH_ONLY lists parts among ${PARTS.join(", ")} (got "${process.env.BENCH_ONLY}").`,
  );
  process.exit(1);
}
const runs = (part: (typeof PARTS)[number]) => !ONLY || ONLY.includes(part);
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
/** `1`: a webhook whose receiver answers after 5 s is configured on the benchmarked team. */
const WEBHOOK = process.env.BENCH_WEBHOOK === "1";
if (process.env.BENCH_WEBHOOK && !["0", "1"].includes(process.env.BENCH_WEBHOOK)) {
  console.error(
    `✖ BENCH_WEBHOOK is 1 (add a slow webhook) or 0 (got "${process.env.BENCH_WEBHOOK}").`,
  );
  process.exit(1);
}
/** Deliveries waiting when the load starts: more than the worker can finish during the run. */
const WEBHOOK_QUEUED = 200;
const BASELINE_PORT = 3311;
const FLOOR_PORT = 3312;

const log = (message: string) => console.log(`• ${message}`);

async function waitFor(url: string, child: ChildProcess, label: string) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`${label} exited before answering.`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${label} did not answer at ${url} within a minute.`);
}

/** One of the bench's own servers (bench/src/…), with the same Node.js settings as the app's. */
function spawnBenchServer(file: string, env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      ...(PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : []),
      "--import",
      "tsx",
      join(repoRoot, "bench/src", file),
    ],
    { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } },
  );
}

/** A server's share of a comparison: its load figures and its CPU time per request. */
type Measured = { result: LoadResult; cpuMsPerRequest: number };

/**
 * Two servers under the same load, compared in one run: a warm-up each, then each one's
 * measured time split in two halves run in the order first, second, second, first. On a shared
 * machine whose speed drifts during a run, both then see the same machine on average, and their
 * ratio compares like with like.
 */
async function compareInHalves<S extends string>(
  [first, second]: readonly [S, S],
  pid: (side: S) => number | undefined,
  load: (side: S, seconds: number) => Promise<Slice>,
): Promise<Record<S, Measured>> {
  for (const side of [first, second]) await load(side, Math.min(3, DURATION_S));
  const slices = { [first]: [], [second]: [] } as unknown as Record<S, Slice[]>;
  const cpuMs = { [first]: 0, [second]: 0 } as Record<S, number>;
  for (const side of [first, second, second, first]) {
    const before = processCpuMs(pid(side));
    slices[side].push(await load(side, DURATION_S / 2));
    cpuMs[side] += processCpuMs(pid(side)) - before;
  }
  const measured = (side: S): Measured => {
    const result = combine(slices[side]);
    return { result, cpuMsPerRequest: cpuMs[side] / result.total };
  };
  return { [first]: measured(first), [second]: measured(second) } as Record<S, Measured>;
}

/** CPU time (user and system) a process has used so far, from /proc (Linux). */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main() {
  const started = Date.now();
  log("Building the production app (cached builds are reused)…");
  await run(
    "npx",
    ["turbo", "run", "build", "--filter=@tradeoff/web", "--output-logs=errors-only"],
    {
      env: { ...process.env, ...quietEnv },
    },
  );

  const database = await createServerDatabase(serverUrl, {
    name: "BENCH_DATABASE_URL",
    prefix: "tradeoff_bench",
  });
  const children: ChildProcess[] = [];
  let webhook: Awaited<ReturnType<typeof startSlowWebhook>> | null = null;
  try {
    const db = database.db;
    log(`Seeding ${MEMBERS} members and the DRF vs FastAPI project with every member's votes…`);
    const world = await seedBenchWorld(db, MEMBERS);
    // Each member's session has its sign-in record, as a browser's does: every request checks it.
    const sessions = await Promise.all(
      world.members.map((m) =>
        db.signInSession.create({
          data: { userId: m.id, userAgent: "tradeoff-bench" },
          select: { id: true },
        }),
      ),
    );
    const secret = randomBytes(32).toString("base64url");
    webhook = WEBHOOK ? await startSlowWebhook(db, world, secret, WEBHOOK_QUEUED) : null;
    if (webhook) {
      log(
        `Webhook: a receiver answering after ${RECEIVER_SLEEP_MS / 1000} s, on every event of the team, ${WEBHOOK_QUEUED} deliveries queued…`,
      );
    }
    await db.$disconnect();

    const cookies = await Promise.all(
      world.members.map(
        async (m, i) =>
          `next-auth.session-token=${await encodeSessionToken({ ...m, sessionId: sessions[i]?.id }, secret)}`,
      ),
    );

    const app = spawnServer(
      { port: APP_PORT, hostname: "127.0.0.1" },
      {
        ...process.env,
        ...quietEnv,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: `http://127.0.0.1:${APP_PORT}`,
        LOG_LEVEL: "warn",
        ...(webhook ? { WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true" } : {}),
      },
      PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [],
    );
    children.push(app);
    const baseline = spawnBenchServer("baseline-server.ts", {
      BENCH_BASELINE_DATABASE_URL: database.url,
      BENCH_BASELINE_PORT: String(BASELINE_PORT),
    });
    children.push(baseline);
    await waitFor(`http://127.0.0.1:${APP_PORT}/api/health`, app, "The app");
    await waitFor(`http://127.0.0.1:${BASELINE_PORT}/health`, baseline, "The baseline");

    const targets = {
      tradeoff: { port: APP_PORT, cookies },
      baseline: { port: BASELINE_PORT, cookies: world.members.map((m) => m.id) },
    };
    for (const target of ["tradeoff", "baseline"] as const) {
      await smokeTest({ target, world, ...targets[target] });
    }

    const results: {
      scenario: string;
      target: string;
      result: LoadResult;
      cpuMsPerRequest: number;
    }[] = [];
    const scenarios = (["read", "write", "mix"] as const).filter(runs);
    for (const scenario of scenarios) {
      log(
        `Load: ${scenario} (${CONNECTIONS} connections; per target a warm-up, then ${DURATION_S} s in two alternating halves)…`,
      );
      const options = (target: "tradeoff" | "baseline"): LoadOptions => ({
        scenario,
        target,
        world,
        ...targets[target],
        connections: CONNECTIONS,
        durationS: DURATION_S,
      });
      const measured = await compareInHalves(
        ["tradeoff", "baseline"],
        (target) => (target === "tradeoff" ? app : baseline).pid,
        (target, seconds) => runSlice(options(target), seconds),
      );
      for (const target of ["tradeoff", "baseline"] as const) {
        results.push({ scenario, target, ...measured[target] });
      }
    }

    let inProcess: Awaited<ReturnType<typeof measureInProcess>> | null = null;
    if (runs("read") || runs("write")) {
      log(
        "The API without HTTP: the same read and vote through tRPC's createCaller, in this process…",
      );
      inProcess = await measureInProcess({ databaseUrl: database.url, world });
    }

    const floor: Partial<Record<FloorKind, Record<"stack" | "baseline", Measured>>> = {};
    if (runs("floor")) {
      log(
        `The stack's floor: hono, tRPC and Prisma with none of Tradeoff's code against node:http and pg, a read and a write (${CONNECTIONS} connections, ${DURATION_S} s each in two alternating halves)…`,
      );
      const stackServer = spawnBenchServer("floor-server.ts", {
        BENCH_FLOOR_DATABASE_URL: database.url,
        BENCH_FLOOR_PORT: String(FLOOR_PORT),
      });
      children.push(stackServer);
      await waitFor(`http://127.0.0.1:${FLOOR_PORT}/health`, stackServer, "The floor server");
      const servers = {
        stack: { port: FLOOR_PORT, pid: stackServer.pid },
        baseline: { port: BASELINE_PORT, pid: baseline.pid },
      };
      for (const kind of ["read", "write"] as const) {
        const request = (side: "stack" | "baseline") => ({
          ...FLOOR_REQUESTS[kind][side],
          port: servers[side].port,
        });
        // Both must answer alike, or the comparison says nothing.
        const answers = await Promise.all(
          (["stack", "baseline"] as const).map(async (side) => {
            const response = await fetchFixed(request(side));
            return { side, status: response.status, text: await response.text() };
          }),
        );
        const [stackAnswer, baselineAnswer] = answers;
        if (
          !stackAnswer ||
          !baselineAnswer ||
          answers.some((a) => a.status !== 200) ||
          stackAnswer.text !== baselineAnswer.text
        ) {
          throw new Error(
            `The floor's ${kind} is not answered alike: ${answers.map((a) => `${a.side} ${a.status} ${a.text.slice(0, 120)}`).join("; ")}`,
          );
        }
        floor[kind] = await compareInHalves(
          ["stack", "baseline"],
          (side) => servers[side].pid,
          (side, seconds) => fixedSlice(request(side), CONNECTIONS, seconds),
        );
      }
    }

    const cpu = cpus();
    const machine = { cpu: cpu[0]?.model ?? "unknown", cores: cpu.length, node: process.version };
    const rows = results.map(({ scenario, target, result, cpuMsPerRequest }) => {
      const base = results.find((r) => r.scenario === scenario && r.target === "baseline")?.result;
      return {
        scenario,
        target,
        requestsPerSecond: Math.round(result.requestsPerSecond),
        p50Ms: result.p50Ms,
        p99Ms: result.p99Ms,
        errors: result.errors,
        cpuMsPerRequest: Number(cpuMsPerRequest.toFixed(3)),
        ratio:
          target === "tradeoff" && base
            ? Number((result.requestsPerSecond / base.requestsPerSecond).toFixed(2))
            : null,
      };
    });

    console.log(`\nMachine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
    console.log(
      `Load: ${CONNECTIONS} connections, ${DURATION_S} s per scenario and target (two alternating halves), ${MEMBERS} members, 13 criteria.\n`,
    );
    console.log(
      "scenario  target     req/s    p50 ms   p99 ms   errors   server CPU ms/req   ratio to baseline",
    );
    for (const r of rows) {
      console.log(
        `${r.scenario.padEnd(9)} ${r.target.padEnd(9)} ${String(r.requestsPerSecond).padStart(6)} ${r.p50Ms.toFixed(1).padStart(8)} ${r.p99Ms.toFixed(1).padStart(8)} ${String(r.errors).padStart(8)} ${r.cpuMsPerRequest.toFixed(2).padStart(19)}   ${r.ratio === null ? "" : r.ratio.toFixed(2)}`,
      );
    }

    if (inProcess) {
      const served = (scenario: string) =>
        rows.find((r) => r.scenario === scenario && r.target === "tradeoff")?.cpuMsPerRequest;
      const part = (label: string, apiMs: number, serverMs: number | undefined) =>
        `${label} ${apiMs.toFixed(2)} ms${serverMs === undefined ? "" : ` (of ${serverMs.toFixed(2)} ms per request over HTTP under the load above; the other ${Math.max(0, serverMs - apiMs).toFixed(2)} ms are the HTTP layer and serving under that load)`}`;
      console.log(
        `\nThe API without HTTP (tRPC createCaller in the bench's process, ${inProcess.atOnce} calls at a time, CPU per call): ${part("read", inProcess.readCpuMs, served("read"))}; ${part("vote", inProcess.voteCpuMs, served("write"))}.`,
      );
    }

    const floorRows = (["read", "write"] as const).flatMap((kind) => {
      const measured = floor[kind];
      if (!measured) return [];
      const side = ({ result, cpuMsPerRequest }: Measured) => ({
        requestsPerSecond: Math.round(result.requestsPerSecond),
        errors: result.errors,
        cpuMsPerRequest: Number(cpuMsPerRequest.toFixed(3)),
      });
      const stack = side(measured.stack);
      const base = side(measured.baseline);
      // What 1.5 times the baseline's CPU leaves the app beyond the baseline's, in the
      // scenario this request stands for.
      const scenario = rows.find((r) => r.scenario === kind && r.target === "baseline");
      return [
        {
          kind,
          stack,
          baseline: base,
          addedCpuMs: Number((stack.cpuMsPerRequest - base.cpuMsPerRequest).toFixed(3)),
          allowanceCpuMs: scenario ? Number((scenario.cpuMsPerRequest / 2).toFixed(3)) : null,
        },
      ];
    });
    if (floorRows.length > 0) {
      console.log(
        `\nThe stack's floor (floor.ts: hono + tRPC + Prisma with none of Tradeoff's code, against node:http + pg answering the same):`,
      );
      for (const r of floorRows) {
        const what =
          r.kind === "read"
            ? `read (GET, one statement, ${(FLOOR_ANSWER_BYTES / 1000).toFixed(1)} kB answer)`
            : "write (POST, two statements, one after the other)";
        const allowance =
          r.allowanceCpuMs === null
            ? ""
            : `; at 1.5 times the baseline's CPU, a ${r.kind === "read" ? "read" : "vote"} of Tradeoff may cost ${r.allowanceCpuMs.toFixed(2)} ms beyond the baseline's, these libraries and all of its own work included`;
        console.log(
          `  ${what}: ${r.stack.requestsPerSecond} req/s at ${r.stack.cpuMsPerRequest.toFixed(2)} ms CPU per request against ${r.baseline.requestsPerSecond} req/s at ${r.baseline.cpuMsPerRequest.toFixed(2)} ms (${(r.stack.cpuMsPerRequest / r.baseline.cpuMsPerRequest).toFixed(2)} times; errors ${r.stack.errors} and ${r.baseline.errors}). The libraries add ${r.addedCpuMs.toFixed(2)} ms${allowance}.`,
        );
      }
    }

    const webhookStats = webhook?.stats() ?? null;
    if (webhookStats) {
      console.log(
        `\nWebhook (receiver answers after ${RECEIVER_SLEEP_MS / 1000} s): ${webhookStats.received} deliveries reached it during the load, ${webhookStats.answered} answered; ${WEBHOOK_QUEUED} were queued.`,
      );
    }

    const chromium = findChromium();
    let page: Awaited<ReturnType<typeof measurePage>> | null = null;
    if (chromium.path && runs("page")) {
      log("Project page: first-load JavaScript and Largest Contentful Paint in headless Chromium…");
      page = await measurePage({
        chromiumPath: chromium.path,
        url: `http://127.0.0.1:${APP_PORT}/t/${world.teamSlug}/p/${world.projectId}`,
        cookie: cookies[1] ?? "",
        runs: 5,
      });
    }

    let history: Awaited<ReturnType<typeof measureHistory>> | null = null;
    if (runs("history")) {
      log("History: 100,000 vote events, the History tab's chart and the JSON export over HTTP…");
      history = await measureHistory({
        databaseUrl: database.url,
        world,
        port: APP_PORT,
        cookie: cookies[1] ?? "",
        otherCookies: cookies.slice(2, 7),
      });
    }

    if (page) {
      console.log(
        `\nProject page: first-load JavaScript fetched over the network ${(page.firstLoadJsGzipBytes / 1024).toFixed(1)} kB gzip in ${page.scripts} scripts until the load event (target under 200 kB), then ${(page.afterLoadJsGzipBytes / 1024).toFixed(1)} kB in ${page.scriptsAfterLoad} scripts the page loads by itself once hydrated.`,
      );
      console.log(
        `Project page LCP with ${MEMBERS} members' votes: median ${median(page.lcpMs).toFixed(0)} ms over ${page.lcpMs.length} fresh loads (${page.lcpMs.map((v) => v.toFixed(0)).join(", ")}; target under 1000 ms).`,
      );
      console.log(
        `Project page layout shift once loaded, until quiet: median ${median(page.shiftAfterLoad).toFixed(3)} over the same loads (${page.shiftAfterLoad.map((v) => v.toFixed(3)).join(", ")}; 0 means nothing moved under the reader).${page.shiftSources.length > 0 ? ` What moved: ${page.shiftSources.join(" | ")}.` : ""}`,
      );
    }

    if (history) {
      console.log(
        `History of ${history.events.toLocaleString("en")} events: the chart's first view replays them all in ${history.chartReplayedMs.toFixed(0)} ms (${history.chartPoints} points; every load did before the points were kept); with the points kept, a member's first load median ${median(history.chartFirstLoadMs).toFixed(0)} ms (${history.chartFirstLoadMs.map((v) => v.toFixed(0)).join(", ")}; target under 300 ms), after each new vote ${history.chartRefreshMs.map((v) => v.toFixed(0)).join(", ")} ms; JSON export ${(history.exportJsonBytes / 1e6).toFixed(1)} MB in ${history.exportJsonMs.toFixed(0)} ms.`,
      );
    }

    const out = join(repoRoot, "bench/results");
    mkdirSync(out, { recursive: true });
    const report = {
      at: new Date().toISOString(),
      machine,
      settings: {
        connections: CONNECTIONS,
        durationS: DURATION_S,
        members: MEMBERS,
        criteria: world.criteriaKeys.length,
        webhook: webhookStats
          ? { receiverSleepMs: RECEIVER_SLEEP_MS, queued: WEBHOOK_QUEUED, ...webhookStats }
          : null,
      },
      load: rows,
      apiWithoutHttp: inProcess
        ? {
            calls: inProcess.calls,
            atOnce: inProcess.atOnce,
            readCpuMsPerCall: Number(inProcess.readCpuMs.toFixed(3)),
            voteCpuMsPerCall: Number(inProcess.voteCpuMs.toFixed(3)),
          }
        : null,
      stackFloor: floorRows.length > 0 ? floorRows : { skipped: "not in BENCH_ONLY" },
      page: page
        ? {
            firstLoadJsGzipKb: Number((page.firstLoadJsGzipBytes / 1024).toFixed(1)),
            afterLoadJsGzipKb: Number((page.afterLoadJsGzipBytes / 1024).toFixed(1)),
            lcpMedianMs: Math.round(median(page.lcpMs)),
            lcpRunsMs: page.lcpMs.map(Math.round),
            shiftAfterLoadRuns: page.shiftAfterLoad.map((v) => Number(v.toFixed(4))),
          }
        : { skipped: runs("page") ? chromium.reason : "not in BENCH_ONLY" },
      history: history
        ? {
            events: history.events,
            chartReplayedMs: Math.round(history.chartReplayedMs),
            chartFirstLoadMedianMs: Math.round(median(history.chartFirstLoadMs)),
            chartFirstLoadMs: history.chartFirstLoadMs.map(Math.round),
            chartPoints: history.chartPoints,
            chartRefreshMs: history.chartRefreshMs.map(Math.round),
            exportJsonMs: Math.round(history.exportJsonMs),
            exportJsonBytes: history.exportJsonBytes,
          }
        : { skipped: "not in BENCH_ONLY" },
      tookS: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(join(out, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
    if (!chromium.path && runs("page")) {
      console.log(
        `\nBrowser metrics skipped (the project page's first-load JavaScript and LCP): ${chromium.reason}. Install Chromium or set CHROMIUM_PATH to measure them; every load scenario above ran.`,
      );
    }
    console.log(`\nWritten to bench/results/latest.json (${report.tookS} s in all).`);
  } finally {
    await webhook?.close();
    for (const child of children) killGroup(child);
    await new Promise((r) => setTimeout(r, 1000));
    await database.drop().catch(() => {});
  }
}

main().catch((error: Error) => {
  console.error(`✖ ${error.message}`);
  process.exit(1);
});
