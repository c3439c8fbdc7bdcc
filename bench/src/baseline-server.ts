/**
 * The raw baseline: node:http and pg, no framework. It answers the bench's two operations
 * (read the recommendation, cast a vote) with the same SQL statements as Tradeoff and the
 * same scoring package, so the ratio between the two is what the framework costs. It also
 * answers `/floor`, the raw side of the stack's floor (see floor.ts).
 * The caller is named by an `x-user-id` header (the baseline has no sessions).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import { aggregate, hotSpots, sensitivity } from "@tradeoff/scoring";
import pg from "pg";
import { BASELINE_SQL } from "./baseline-sql";
import { FLOOR_DATA, FLOOR_WRITTEN } from "./floor";

const url = process.env.BENCH_BASELINE_DATABASE_URL;
const port = Number(process.env.BENCH_BASELINE_PORT);
if (!url || !port)
  throw new Error("BENCH_BASELINE_DATABASE_URL and BENCH_BASELINE_PORT are required.");

const pool = new pg.Pool({ connectionString: url, max: 10 });
pool.on("error", () => {});

/** The benchmarked operations' statements, and the floor's one (see floor.ts). */
const STATEMENTS = { ...BASELINE_SQL, echo: "SELECT $1::text AS echo" } as const;

/**
 * Runs one of the baseline's statements as a named prepared statement: each connection parses
 * and plans it once, as Tradeoff's database client does with its statements (packages/db,
 * `statementNameGenerator`).
 */
function run<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  name: keyof typeof STATEMENTS,
  values: unknown[],
) {
  return pool.query<Row>({ name, text: STATEMENTS[name], values });
}

type Access = { team_id: string; role: string; token_version: number };
type DecisionShape = Parameters<typeof aggregate>[0];
type ShapeRow = {
  status: string;
  voting_mode: string;
  round: number;
  options: DecisionShape["options"];
  criteria: DecisionShape["criteria"];
};
type VoteRow = {
  user_id: string;
  key: string;
  weight: number | null;
  scores: Record<string, number | null>;
};

async function access(projectId: string, userId: string) {
  const { rows } = await run<Access>("access", [projectId, userId]);
  return rows[0] ?? null;
}

/** Computed recommendations by project, served again while the stamp is unchanged (as Tradeoff does). */
const computed = new Map<
  string,
  { stamp: string; body: Record<string, unknown>; personal: Map<string, unknown> }
>();

async function recommendation(projectId: string, userId: string) {
  if (!(await access(projectId, userId))) return { status: 404, body: { error: "not found" } };
  const stamp = (await run<{ stamp: string }>("stamp", [projectId])).rows[0]?.stamp ?? "";
  let entry = computed.get(projectId);
  if (!entry || entry.stamp !== stamp) entry = await computeOnce(projectId, stamp);
  return { status: 200, body: { ...entry.body, mine: entry.personal.get(userId) ?? null } };
}

/** Requests arriving together after a change compute it once (as Tradeoff does). */
const inFlight = new Map<
  string,
  Promise<{ stamp: string; body: Record<string, unknown>; personal: Map<string, unknown> }>
>();
function computeOnce(projectId: string, stamp: string) {
  const key = `${projectId}|${stamp}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = compute(projectId, stamp).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function compute(projectId: string, stamp: string) {
  const [shape, members, votes] = await Promise.all([
    run<ShapeRow>("shape", [projectId]),
    run<{ user_id: string }>("members", [projectId]),
    run<VoteRow>("votes", [projectId]),
  ]);
  const project = shape.rows[0];
  if (!project) throw new Error(`The bench's project ${projectId} is not in the database.`);
  const memberRows = members.rows;
  const rec = aggregate({
    options: project.options,
    criteria: project.criteria,
    members: memberRows.map((m) => m.user_id),
    votes: votes.rows.map((v) => ({
      voterId: v.user_id,
      criterionKey: v.key,
      weight: v.weight,
      scores: v.scores,
    })),
  });
  // The same response as Tradeoff's project.recommendation: the result and what the page
  // derives from it, participation as counts (the member lists are a query of their own).
  const entry = {
    stamp,
    personal: new Map(rec.personal.map((p) => [p.voterId, { totals: p.totals, winner: p.winner }])),
    body: {
      projectId,
      status: project.status,
      votingMode: project.voting_mode,
      method: rec.method,
      round: project.round,
      hidden: false,
      options: project.options,
      criteria: project.criteria,
      participation: { ...rec.participation, criteriaCount: project.criteria.length },
      result: {
        totals: rec.totals,
        winner: rec.winner,
        margin: rec.margin,
        confidence: rec.confidence,
        criteria: rec.criteria,
        mustHaveFailures: [],
        hotSpots: hotSpots(rec.criteria),
        sensitivity: sensitivity(rec.criteria),
      },
      previousRound: null,
    },
  };
  computed.set(projectId, entry);
  return entry;
}

type VoteInput = {
  projectId: string;
  criterionKey: string;
  weight: number | null;
  scores: Record<string, number | null>;
};

async function castVote(input: VoteInput, userId: string) {
  const who = await access(input.projectId, userId);
  if (!who) return { status: 404, body: { error: "not found" } };
  const saved = await run("castVote", [
    randomUUID(),
    input.projectId,
    who.team_id,
    input.criterionKey,
    userId,
    input.weight,
    JSON.stringify(input.scores),
    false,
    null,
    120,
  ]);
  const row = saved.rows[0] as
    | { status: string; criterionId: string | null; savedAt: Date | null }
    | undefined;
  if (row?.status !== "OPEN" || !row.criterionId || !row.savedAt) {
    return { status: 409, body: { error: "closed or unknown criterion" } };
  }
  return { status: 200, body: { criterionKey: input.criterionKey, savedAt: row.savedAt } };
}

/**
 * The raw side of the stack's floor (floor.ts), in tRPC's answer shape: a GET runs one
 * statement, a POST two, one after the other.
 */
async function floor(req: IncomingMessage, requestUrl: URL) {
  const raw = req.method === "POST" ? await readBody(req) : requestUrl.searchParams.get("input");
  const input = JSON.parse(raw ?? "null") as { id?: unknown } | null;
  if (typeof input?.id !== "string" || input.id === "") {
    return { status: 400, body: { error: "input.id must be a non-empty string" } };
  }
  await run("echo", [input.id]);
  if (req.method !== "POST") return { status: 200, body: { result: { data: FLOOR_DATA } } };
  await run("echo", [input.id]);
  return { status: 200, body: { result: { data: FLOOR_WRITTEN } } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      data += chunk;
    });
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

const server = createServer(async (req, res) => {
  try {
    const userId = String(req.headers["x-user-id"] ?? "");
    const requestUrl = new URL(req.url ?? "/", "http://baseline");
    let result: { status: number; body: unknown };
    if (req.method === "GET" && requestUrl.pathname === "/recommendation") {
      result = await recommendation(requestUrl.searchParams.get("projectId") ?? "", userId);
    } else if (req.method === "POST" && requestUrl.pathname === "/vote") {
      result = await castVote(JSON.parse(await readBody(req)) as VoteInput, userId);
    } else if (requestUrl.pathname === "/floor") {
      result = await floor(req, requestUrl);
    } else if (requestUrl.pathname === "/health") {
      result = { status: 200, body: { status: "ok" } };
    } else {
      result = { status: 404, body: { error: "not found" } };
    }
    res.writeHead(result.status, { "content-type": "application/json" });
    res.end(JSON.stringify(result.body));
  } catch (error) {
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: (error as Error).message }));
  }
});
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
