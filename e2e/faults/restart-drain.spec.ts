import { Agent } from "node:http";
import { expect, test } from "@playwright/test";
import { type AppInstance, EVERY_VOTE_ITS_OWN_EVENT } from "./support/app";
import { type VoteInput, voteFor } from "./support/clients";
import { send } from "./support/keep-alive";
import { readProject } from "./support/records";
import { sleep, useFaultWorld, waitFor } from "./support/world";

/**
 * A rolling restart under load: members vote through personal access tokens (the CLI's way)
 * on keep-alive connections to instance A; B starts, A gets SIGTERM. A must stop being ready at
 * once, answer every request it took (those in flight with `Connection: close`), refuse new
 * ones with a 503 saying nothing was done, and exit without cutting any: every vote
 * acknowledged is stored, nothing refused is, and no request sent goes unanswered.
 */
const CLIENTS = 10;
const SIGTERM_AT_MS = 3_000;
/** Votes carry on this long after A has exited. */
const AFTER_MS = 2_000;
const MAX_LOAD_MS = 60_000;
const RESTARTING = /This server is restarting; your request was not carried out/;

const faults = useFaultWorld(CLIENTS, { tokens: true });
let a: AppInstance | undefined;

test.beforeAll(async () => {
  // Its info lines are read: "draining" says when it has taken the signal.
  a = await faults().startApp({
    env: { SHUTDOWN_GRACE_SECONDS: "10", LOG_LEVEL: "info", ...EVERY_VOTE_ITS_OWN_EVENT },
    captureLogs: true,
  });
});

/** How long a request waits for its answer: instance A may be busy draining. */
const ANSWER_WITHIN_MS = 20_000;

type Attempt = {
  instance: "A" | "B";
  vote: VoteInput;
  outcome: "acknowledged" | "refused" | "not sent" | "cut" | "other";
  closing: boolean;
  detail: string;
};

test("SIGTERM drains: not ready at once, every request taken answered, none cut, nothing lost", async () => {
  if (!a) throw new Error("setup failed");
  const first = a;
  const { database: db, world, tokens } = faults();
  const attempts: Attempt[] = [];
  const started = Date.now();
  let sigtermAt = Number.POSITIVE_INFINITY;
  let current: AppInstance = first;
  let stopAt = started + MAX_LOAD_MS;

  async function client(member: number) {
    const agents = new Map<AppInstance, Agent>();
    const agentFor = (app: AppInstance) => {
      let agent = agents.get(app);
      if (!agent) {
        agent = new Agent({ keepAlive: true, maxSockets: 1 });
        agents.set(app, agent);
      }
      return agent;
    };
    // Even members follow the load balancer to B at the signal; odd ones keep using their
    // connection to A until A turns them away.
    let turnedAway = false;
    for (let n = 0; Date.now() < stopAt; n++) {
      const app = member % 2 === 1 && !turnedAway ? first : current;
      const vote = voteFor(world, member + n, `m${member}-n${n}`);
      const attempt: Attempt = {
        instance: app === first ? "A" : "B",
        vote,
        outcome: "other",
        closing: false,
        detail: "",
      };
      try {
        const answer = await send(
          agentFor(app),
          app.origin,
          "POST",
          "/api/trpc/vote.cast",
          {
            "content-type": "application/json",
            authorization: `Bearer ${tokens[member] ?? ""}`,
          },
          JSON.stringify(vote),
          ANSWER_WITHIN_MS,
        );
        attempt.closing = answer.headers.connection === "close";
        attempt.detail = `${answer.status} ${answer.body.slice(0, 200)}`;
        attempt.outcome =
          answer.status === 200
            ? "acknowledged"
            : answer.status === 503 && RESTARTING.test(answer.body)
              ? "refused"
              : "other";
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        attempt.detail = `${code ?? ""} ${(error as Error).message}`;
        // Refused at connect: the request never left the client, so nothing can have happened.
        attempt.outcome = code === "ECONNREFUSED" ? "not sent" : "cut";
      }
      attempts.push(attempt);
      if (attempt.instance === "A" && attempt.outcome !== "acknowledged") turnedAway = true;
      if (attempt.outcome !== "acknowledged") await sleep(50);
    }
    for (const agent of agents.values()) agent.destroy();
  }

  async function rollingRestart() {
    await sleep(SIGTERM_AT_MS);
    const b = await faults().startApp({ env: EVERY_VOTE_ITS_OWN_EVENT });
    // A readiness probe holding a connection to A from before the signal: a new request on an
    // idle keep-alive connection, which a draining server refuses.
    const probe = new Agent({ keepAlive: true, maxSockets: 1 });
    const before = await send(
      probe,
      first.origin,
      "GET",
      "/api/ready",
      {},
      undefined,
      ANSWER_WITHIN_MS,
    );
    sigtermAt = Date.now();
    const stopped = first.stop();
    current = b;
    // The first probe once A has taken the signal: on a busy machine that can be a while after
    // it was sent, and until then A is rightly still ready.
    await waitFor(
      "A to log that it is draining",
      () => first.logLines().some((line) => line.msg === "draining"),
      { timeoutMs: ANSWER_WITHIN_MS, everyMs: 5 },
    );
    const during = await send(
      probe,
      first.origin,
      "GET",
      "/api/ready",
      {},
      "",
      ANSWER_WITHIN_MS,
    ).catch((error: Error) => ({ status: 0, headers: {}, body: error.message }));
    probe.destroy();
    await stopped;
    const stoppedMs = Date.now() - sigtermAt;
    stopAt = Date.now() + AFTER_MS;
    return { before, during, stoppedMs };
  }

  const [restart] = await Promise.all([
    rollingRestart(),
    ...Array.from({ length: CLIENTS }, (_, member) => client(member)),
  ]);

  const count = (outcome: Attempt["outcome"], instance?: "A" | "B") =>
    attempts.filter((x) => x.outcome === outcome && (!instance || x.instance === instance)).length;
  const inFlightAnswered = attempts.filter(
    (x) => x.instance === "A" && x.outcome === "acknowledged" && x.closing,
  );
  console.log(
    `rolling restart: ${attempts.length} votes; A acknowledged ${count("acknowledged", "A")} ` +
      `(${inFlightAnswered.length} while draining, with Connection: close), refused ${count("refused", "A")}, ` +
      `not sent ${count("not sent")}; B acknowledged ${count("acknowledged", "B")}; cut ${count("cut")}, ` +
      `other ${count("other")}; A exited ${restart.stoppedMs} ms after SIGTERM`,
  );

  expect(restart.before.status).toBe(200);
  expect(restart.during.status, `ready while draining: ${restart.during.body}`).toBe(503);
  expect(JSON.parse(restart.during.body)).toMatchObject({ status: "unavailable", draining: true });
  // No request that reached a server went unanswered, and every answer was a clear one.
  expect(
    attempts.filter((x) => x.outcome === "cut" || x.outcome === "other").map((x) => x.detail),
    "requests cut or answered unclearly",
  ).toEqual([]);
  expect(
    attempts.filter((x) => x.outcome === "refused").every((x) => x.closing),
    "refusals close their connection",
  ).toBe(true);
  expect(inFlightAnswered.length, "requests in flight at SIGTERM answered").toBeGreaterThan(0);
  expect(count("acknowledged", "B"), "votes carry on on the new instance").toBeGreaterThan(0);
  // Exited once drained, well before the grace period and the harness's SIGKILL (5 s).
  expect(restart.stoppedMs).toBeLessThan(4_000);

  // What the database holds: every acknowledged vote with its event; nothing refused.
  const stored = await readProject(db.url, world.projectId);
  const events = new Set(stored.voteEvents.map((e) => e.after?.rationale ?? ""));
  expect(
    attempts
      .filter((x) => x.outcome === "acknowledged" && !events.has(x.vote.rationale))
      .map((x) => x.vote.rationale),
    "acknowledged votes missing",
  ).toEqual([]);
  expect(
    attempts
      .filter((x) => x.outcome !== "acknowledged" && events.has(x.vote.rationale))
      .map((x) => `${x.outcome}: ${x.vote.rationale}`),
    "votes saved though the client was told otherwise",
  ).toEqual([]);
});
