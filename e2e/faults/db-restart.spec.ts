import { expect, test } from "@playwright/test";
import { type AppInstance, EVERY_VOTE_ITS_OWN_EVENT } from "./support/app";
import {
  type CallResult,
  mutate,
  mutateWithToken,
  NoAnswer,
  query,
  type VoteInput,
  voteFor,
} from "./support/clients";
import { readProject, sameScores, slotKey } from "./support/records";
import { sleep, useFaultWorld } from "./support/world";

/**
 * The database restarts while 20 members vote, half of them signed in in a browser (session
 * cookie), half through personal access tokens as the CLI does: what the API acknowledged is
 * saved with its history event, what failed failed clearly (503, a message saying nothing was
 * saved, a request id that finds its line in the server's log), whichever way the client
 * authenticated, and the app serves again soon after the database returns, without a restart.
 */
const CLIENTS = 20;
const LOAD_MS = 15_000;
const STOP_AT_MS = 5_000;
const DOWN_MS = 3_000;
const RECOVERY_BUDGET_MS = 5_000;
const UNAVAILABLE =
  "The database is not answering right now; your change was not saved. Try again in a moment.";
/** The answer when the connection dropped as the commit was sent: saved or not, retry is safe. */
const OUTCOME_UNKNOWN =
  "The database connection dropped just as your change was being saved, so it may not have been saved. Retrying is safe.";
const STACK_TRACE = /\n\s+at |"stack"|\.tsx?:\d+:\d+|node_modules/;

const faults = useFaultWorld(CLIENTS, { tokens: true });
let app: AppInstance | undefined;

test.beforeAll(async () => {
  // Every request during the outage writes a warning: the test reads them (each failed answer's
  // request id must be in the log) rather than printing thousands of lines.
  app = await faults().startApp({
    env: { LOG_LEVEL: "warn", ...EVERY_VOTE_ITS_OWN_EVENT },
    captureLogs: true,
  });
});

type Attempt = {
  member: number;
  via: "session" | "token";
  requestId: string | null;
  vote: VoteInput;
  outcome: "acknowledged" | "unavailable" | "unknown" | "unclear";
  status: number | null;
  body: string;
  at: number;
};

test("a database restart under load loses no acknowledged vote and answers 503 meanwhile", async () => {
  if (!app) throw new Error("setup failed");
  const server = app;
  const { database: db, world, cookies, tokens } = faults();
  const attempts: Attempt[] = [];
  const started = Date.now();
  const endAt = started + LOAD_MS;

  async function client(member: number) {
    // Odd members call the API as the CLI does, with a personal access token.
    const via: Attempt["via"] = member % 2 === 1 ? "token" : "session";
    const cookie = cookies[member] ?? "";
    const token = tokens[member] ?? "";
    for (let n = 0; Date.now() < endAt; n++) {
      const vote = voteFor(world, member + n, `m${member}-n${n}`);
      let result: CallResult | null = null;
      let body = "";
      try {
        result =
          via === "token"
            ? await mutateWithToken(server.origin, token, "vote.cast", vote)
            : await mutate(server.origin, cookie, "vote.cast", vote);
        body = result.text;
      } catch (error) {
        if (!(error instanceof NoAnswer)) throw error;
        body = error.message;
      }
      const clear503 =
        result?.status === 503 &&
        result.requestId !== null &&
        result.error?.data?.requestId === result.requestId &&
        !STACK_TRACE.test(result.text);
      const outcome: Attempt["outcome"] =
        result?.status === 200
          ? "acknowledged"
          : clear503 && result?.error?.message === UNAVAILABLE
            ? "unavailable"
            : clear503 &&
                result?.error?.message === OUTCOME_UNKNOWN &&
                result.error.data?.reason === "OUTCOME_UNKNOWN"
              ? "unknown"
              : "unclear";
      attempts.push({
        member,
        via,
        requestId: result?.requestId ?? null,
        vote,
        outcome,
        status: result?.status ?? null,
        body,
        at: Date.now(),
      });
      // A client told to try again in a moment waits a moment.
      if (outcome !== "acknowledged") await sleep(100);
    }
  }

  async function restartDatabase() {
    await sleep(STOP_AT_MS);
    const stoppedAt = Date.now();
    await db.stop();
    await sleep(Math.max(0, stoppedAt + DOWN_MS - Date.now()));
    await db.start();
    const backAt = Date.now();
    // The app must answer again without a restart: poll one member's recommendation.
    let recoveredAt: number | null = null;
    while (Date.now() - backAt < 30_000) {
      const res = await query(server.origin, cookies[0] ?? "", "project.recommendation", {
        projectId: world.projectId,
      }).catch(() => null);
      if (res?.status === 200) {
        recoveredAt = Date.now();
        break;
      }
      await sleep(100);
    }
    return { stoppedAt, backAt, recoveredAt };
  }

  const [timeline] = await Promise.all([
    restartDatabase(),
    ...Array.from({ length: CLIENTS }, (_, member) => client(member)),
  ]);

  const acknowledged = attempts.filter((a) => a.outcome === "acknowledged");
  const unavailable = attempts.filter((a) => a.outcome === "unavailable");
  const unknown = attempts.filter((a) => a.outcome === "unknown");
  const unclear = attempts.filter((a) => a.outcome === "unclear");
  const recoveryMs = timeline.recoveredAt === null ? null : timeline.recoveredAt - timeline.backAt;
  const firstAckAfterReturn = acknowledged.find((a) => a.at > timeline.backAt);
  console.log(
    `db restart: ${attempts.length} votes sent in ${LOAD_MS / 1000} s by ${CLIENTS} clients; ` +
      `${acknowledged.length} acknowledged, ${unavailable.length} answered 503 ` +
      `(${unavailable.filter((a) => a.via === "token").length} to token clients), ` +
      `${unknown.length} answered "may not have been saved", ${unclear.length} unclear; ` +
      `database down ${timeline.backAt - timeline.stoppedAt} ms; app answered again ${recoveryMs} ms after it returned ` +
      `(first acknowledged vote ${firstAckAfterReturn ? firstAckAfterReturn.at - timeline.backAt : "none"} ms after)`,
  );

  // Every failure was a clear one: 503 with the message and a request id, no stack trace, for
  // token clients as for sessions.
  expect(
    unclear.slice(0, 5).map((a) => `${a.via} ${a.status}: ${a.body.slice(0, 300)}`),
    "failed requests without a clear 503",
  ).toEqual([]);
  for (const via of ["session", "token"] as const) {
    expect(
      unavailable.filter((a) => a.via === via).length,
      `the restart was felt by ${via} clients`,
    ).toBeGreaterThan(0);
  }
  // Each 503's request id finds its line in the server's log.
  const logged = new Set(server.logLines().map((line) => line.requestId));
  expect(
    unavailable.filter((a) => !logged.has(a.requestId)).map((a) => `${a.via} ${a.requestId}`),
    "503 answers without a log line of their request",
  ).toEqual([]);
  expect(acknowledged.length).toBeGreaterThan(CLIENTS * 5);
  expect(recoveryMs, "the app serves again within 5 s of the database returning").not.toBeNull();
  expect(recoveryMs ?? Infinity).toBeLessThan(RECOVERY_BUDGET_MS);
  expect(firstAckAfterReturn, "votes are acknowledged again after the restart").toBeDefined();

  // What the database holds: every acknowledged vote with its event; nothing answered 503 saved.
  const stored = await readProject(db.url, world.projectId);
  const memberId = (i: number) => world.members[i]?.id ?? "";
  const events = new Map(stored.voteEvents.map((e) => [e.after?.rationale ?? "", e]));
  const missingEvents = acknowledged.filter((a) => {
    const event = events.get(a.vote.rationale);
    return (
      !event ||
      event.actorId !== memberId(a.member) ||
      event.criterionKey !== a.vote.criterionKey ||
      event.after?.weight !== a.vote.weight ||
      !sameScores(event.after?.scores, a.vote.scores)
    );
  });
  expect(
    missingEvents.map((a) => a.vote.rationale),
    "acknowledged votes without their event",
  ).toEqual([]);
  const eventCount = new Map<string, number>();
  for (const e of stored.voteEvents) {
    const tag = e.after?.rationale ?? "";
    eventCount.set(tag, (eventCount.get(tag) ?? 0) + 1);
  }
  expect(
    [...eventCount].filter(([, n]) => n > 1),
    "votes recorded twice",
  ).toEqual([]);
  const savedDespite503 = unavailable.filter((a) => events.has(a.vote.rationale));
  expect(
    savedDespite503.map((a) => a.vote.rationale),
    "votes answered 503 ('not saved') that were saved",
  ).toEqual([]);

  // The stored vote of each slot is the last acknowledged one (each member votes in sequence),
  // or one sent after it whose outcome the server could not know ("may not have been saved").
  const possible = new Map<string, Attempt[]>();
  for (const a of attempts) {
    const key = slotKey(memberId(a.member), a.vote.criterionKey);
    if (a.outcome === "acknowledged") possible.set(key, [a]);
    else if (a.outcome === "unknown" && possible.has(key)) possible.get(key)?.push(a);
  }
  const votes = new Map(stored.votes.map((v) => [slotKey(v.userId, v.criterionKey), v]));
  const wrong = [...possible].filter(([key, candidates]) => {
    const vote = votes.get(key);
    return !candidates.some(
      (a) =>
        vote &&
        vote.rationale === a.vote.rationale &&
        vote.weight === a.vote.weight &&
        sameScores(vote.scores, a.vote.scores),
    );
  });
  expect(
    wrong.map(([key]) => key),
    "slots whose stored vote is not the last acknowledged",
  ).toEqual([]);
});
