import { expect, test } from "@playwright/test";
import { aggregate, type Method } from "@tradeoff/scoring";
import { type AppInstance, EVERY_VOTE_ITS_OWN_EVENT } from "./support/app";
import { mutate, query, type VoteInput, voteFor } from "./support/clients";
import { readDecisionInput, readProject, sameScores, slotKey } from "./support/records";
import { useFaultWorld } from "./support/world";

/**
 * 10,000 votes from 100 members over two app instances sharing one database: the final votes
 * are exactly the last ones sent, there is one history event per vote, and the recommendation
 * the API answers is the scoring package's result on the votes the database holds.
 */
const MEMBERS = 100;
const VOTES_PER_MEMBER = 100;
const METHOD_OF: Record<string, Method> = {
  WEIGHTED_MEAN: "weighted-mean",
  MEDIAN: "median",
  BORDA: "borda",
};

const faults = useFaultWorld(MEMBERS);
const apps: AppInstance[] = [];

test.beforeAll(async () => {
  apps.push(...(await faults().startApps(2, { env: EVERY_VOTE_ITS_OWN_EVENT })));
});

test("10,000 votes over two instances: final votes, events and the recommendation are exact", async () => {
  // 150 s measured on a shared 2-core machine at load 15; far less on an idle one.
  test.setTimeout(420_000);
  if (apps.length !== 2) throw new Error("setup failed");
  const { database: db, world, cookies } = faults();
  const before = await readProject(db.url, world.projectId);
  const lastSent = new Map<string, VoteInput>();
  const failures: string[] = [];
  const perInstance = [0, 0];
  const started = Date.now();

  // Each member votes in sequence (so "the last vote sent" is well defined), alternating
  // instances; the 100 members vote at the same time.
  await Promise.all(
    Array.from({ length: MEMBERS }, async (_, member) => {
      const cookie = cookies[member] ?? "";
      const memberId = world.members[member]?.id ?? "";
      for (let n = 0; n < VOTES_PER_MEMBER; n++) {
        const instance = (member + n) % 2;
        const app = apps[instance] as AppInstance;
        // Every vote differs from the member's previous one (a unique rationale), so each
        // one must add exactly one event.
        const vote = voteFor(world, member * 7 + n, `m${member}-n${n}`);
        const res = await mutate(app.origin, cookie, "vote.cast", vote).catch((error: unknown) => ({
          status: 0,
          text: String(error),
        }));
        if (res.status !== 200) {
          failures.push(`${res.status} ${res.text.slice(0, 200)}`);
          return;
        }
        perInstance[instance] = (perInstance[instance] ?? 0) + 1;
        lastSent.set(slotKey(memberId, vote.criterionKey), vote);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `consistency: ${MEMBERS * VOTES_PER_MEMBER} votes in ${seconds.toFixed(1)} s ` +
      `(${((MEMBERS * VOTES_PER_MEMBER) / seconds).toFixed(0)}/s), ${perInstance[0]} via A, ${perInstance[1]} via B, ${failures.length} failed`,
  );
  expect(failures.slice(0, 5), "votes that were not acknowledged").toEqual([]);

  const after = await readProject(db.url, world.projectId);
  // One event per vote sent, none lost and none doubled.
  const newEvents = after.voteEvents.slice(before.voteEvents.length);
  expect(after.voteEvents.length - before.voteEvents.length).toBe(MEMBERS * VOTES_PER_MEMBER);
  expect(new Set(newEvents.map((e) => e.after?.rationale)).size).toBe(MEMBERS * VOTES_PER_MEMBER);
  // Still exactly one vote per member and criterion, and each is the last one sent.
  expect(after.votes.length).toBe(before.votes.length);
  const wrong = after.votes.filter((v) => {
    const sent = lastSent.get(slotKey(v.userId, v.criterionKey));
    return (
      sent &&
      (v.rationale !== sent.rationale ||
        v.weight !== sent.weight ||
        !sameScores(v.scores, sent.scores))
    );
  });
  expect(lastSent.size).toBe(MEMBERS * world.criteriaKeys.length);
  expect(
    wrong.map((v) => slotKey(v.userId, v.criterionKey)),
    "stored votes not last sent",
  ).toEqual([]);

  // The recommendation both instances answer is `aggregate` over what the database holds.
  const { decision, method } = await readDecisionInput(db.url, world.projectId);
  const expected = aggregate(decision, { method: METHOD_OF[method] ?? "weighted-mean" });
  for (const app of apps) {
    const res = await query(app.origin, cookies[0] ?? "", "project.recommendation", {
      projectId: world.projectId,
    });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const answered = (res.data as { result: Record<string, unknown> | null }).result;
    expect(answered, "the project is open (not blind): the result is shown").not.toBeNull();
    expect(answered?.totals).toEqual(expected.totals);
    expect(answered?.winner).toBe(expected.winner);
    expect(answered?.margin).toBe(expected.margin);
    expect(answered?.criteria).toEqual(expected.criteria);
  }
});
