import { randomUUID } from "node:crypto";
import { statements } from "@tradeoff/db";
import { aggregate } from "@tradeoff/scoring";
import { describe, expect, it } from "vitest";
import { loadDecision } from "../src/services/project/load-decision";
import { deferred, itOnPostgresServer, trpcError, useTestDatabase } from "./helpers";
import {
  at,
  blankInput,
  castOnBothCriteria,
  castVote,
  drfInput,
  openBlankProject,
  openProject,
  teamWith,
} from "./project-fixtures";

const t = useTestDatabase();

/**
 * The ballots of `projectId` as the recommendation counts them (complete, partial, none, the
 * quorum and whether it is met) and how ready its result is, as `viewer` reads them.
 */
async function ballotsAndReadiness(
  viewer: { api: ReturnType<typeof t.callerAs> },
  projectId: string,
) {
  const { participation, readiness } = await viewer.api.project.recommendation({ projectId });
  return { ...participation, readiness };
}

describe("the recommendation", () => {
  it("is the scoring package's result on the stored votes, with names, hot spots and sensitivity", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER", "MEMBER"]);
    const projectId = await openProject(owner, drfInput(team.id));
    const [a, b, c] = people;
    const cast = (
      who: typeof a,
      criterionKey: string,
      weight: number,
      drf: number,
      fastapi: number,
    ) => who?.api.vote.cast({ projectId, criterionKey, weight, scores: { drf, fastapi } });
    await cast(a, "performance", 5, 2, 5);
    await cast(b, "performance", 1, 3, 4);
    await cast(c, "performance", 4, 1, 5);
    await cast(a, "ecosystem", 3, 5, 3);
    await cast(b, "ecosystem", 5, 5, 2);

    const view = await owner.api.project.recommendation({ projectId });
    const expected = aggregate((await loadDecision(t.db, projectId)).decision);
    expect(view.hidden).toBe(false);
    expect(view.method).toBe("weighted-mean");
    expect(view.result?.totals).toEqual(expected.totals);
    expect(view.result?.winner).toBe(expected.winner);
    expect(view.result?.margin).toBe(expected.margin);
    expect(view.result?.confidence).toBe(expected.confidence);
    expect(view.options.map((o) => o.name)).toEqual(["Django REST Framework", "FastAPI"]);

    // Performance is where the team disagrees most once weighted by importance.
    expect(view.result?.hotSpots[0]?.criterionKey).toBe("performance");
    for (const s of view.result?.sensitivity ?? []) {
      const criterion = expected.criteria.find((x) => x.key === s.criterionKey);
      expect(s.flipAt).toBe(criterion?.flipAt);
      expect(s.direction).toBe(s.flipAt < s.importance ? "below" : "above");
    }
    // Three members each scored part of the 13 criteria: no ballot is complete, and only the
    // two criteria every option was scored on are counted.
    expect(view.participation).toMatchObject({ complete: 0, partial: 3, none: 0, eligible: 3 });
    expect(view.coverage).toEqual(expected.coverage);
    expect(view.coverage.counted).toBe(2);
    expect(view.readiness).toBe("provisional");
    expect(view.result?.notScored).toHaveLength(view.coverage.total - 2);
    // The member lists come with their own query, computed from the same result.
    expect(JSON.stringify(view)).not.toContain(people[1]?.name);
    const participation = await owner.api.project.participation({ projectId });
    const owners = participation.members.find((m) => m.id === owner.id);
    expect(owners).toMatchObject({ doneCriteria: 2, ballot: "partial" });
    expect(participation.personal.map((p) => p.name).sort()).toEqual(
      people.map((p) => p.name).sort(),
    );
    expect(participation.personal.find((p) => p.voterId === owner.id)?.winner).toBe(
      expected.personal.find((p) => p.voterId === owner.id)?.winner,
    );
    expect(view.mine?.winner).toBe(
      expected.personal.find((p) => p.voterId === owner.id)?.winner ?? null,
    );
  });

  it("tells a member who gave only importances (not scored yet) apart from a tie", async () => {
    const { owner, people, projectId } = await openBlankProject(t, ["MEMBER", "MEMBER"]);
    const [, tied, importancesOnly] = people;
    if (!tied || !importancesOnly) throw new Error("two members expected");
    await castOnBothCriteria(owner, projectId, { weight: 3, scores: { kafka: 2, sqs: 4 } });
    await castOnBothCriteria(tied, projectId, { weight: 3, scores: { kafka: 3, sqs: 3 } });
    await castOnBothCriteria(importancesOnly, projectId, { weight: 5, scores: {} });
    const { personal } = await owner.api.project.participation({ projectId });
    const byId = (id: string) => personal.find((p) => p.voterId === id);
    expect(byId(owner.id)).toMatchObject({ winner: "sqs", scored: true });
    expect(byId(tied.id)).toMatchObject({ winner: null, scored: true });
    expect(byId(importancesOnly.id)).toMatchObject({ winner: null, scored: false });
  });

  it("with an extra criterion nobody scored, is the same recommendation as without it", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER"]);
    const base = blankInput(team.id);
    const withExtra = blankInput(team.id, {
      criteria: [...base.criteria, { key: "docs", name: "Documentation", defaultWeight: 5 }],
    });
    const ids: string[] = [];
    for (const input of [base, withExtra]) {
      const projectId = await openProject(owner, input);
      for (const [i, who] of people.entries()) {
        await castVote(who, projectId, "ops", { weight: 2 + i, scores: { kafka: 2 + i, sqs: 4 } });
        await castVote(who, projectId, "ordering", {
          weight: 4,
          scores: { kafka: 5, sqs: 1 + 2 * i },
        });
      }
      ids.push(projectId);
    }
    const [without, extra] = await Promise.all(
      ids.map((projectId) => owner.api.project.recommendation({ projectId })),
    );
    expect(extra?.result?.totals).toEqual(without?.result?.totals);
    expect(extra?.result?.winner).toBe(without?.result?.winner);
    expect(extra?.result?.margin).toBe(without?.result?.margin);
    expect(extra?.result?.confidence).toBe(without?.result?.confidence);
    expect(extra?.result?.sensitivity).toEqual(without?.result?.sensitivity);
    expect(without?.coverage).toEqual({ counted: 2, total: 2, weightShare: 1 });
    // The extra criterion weighs 5 of (2.5 + 4 + 5): the share the totals do not rest on.
    expect(extra?.coverage).toEqual({ counted: 2, total: 3, weightShare: 6.5 / 11.5 });
    expect(extra?.result?.notScored).toEqual([
      { criterionKey: "docs", missingOptions: ["kafka", "sqs"] },
    ]);
    expect([without?.readiness, extra?.readiness]).toEqual(["ready", "provisional"]);
  });

  it("counts complete ballots towards the quorum, not members who voted at all", async () => {
    const { owner, people, projectId } = await openBlankProject(t, ["MEMBER"], { quorum: 2 });
    const member = at(people, 1);
    await castOnBothCriteria(owner, projectId, { weight: 3, scores: { kafka: 2, sqs: 4 } });
    // The member scores one option of one criterion: they voted, but their ballot is partial.
    await castVote(member, projectId, "ops", { weight: 5, scores: { sqs: 5 } });
    expect(await ballotsAndReadiness(owner, projectId)).toMatchObject({
      complete: 1,
      partial: 1,
      none: 0,
      quorum: 2,
      quorumMet: false,
      readiness: "provisional",
    });
    const ballots = await owner.api.project.participation({ projectId });
    expect(ballots.members.map((m) => [m.id, m.ballot])).toEqual([
      [owner.id, "complete"],
      [member.id, "partial"],
    ]);

    // Scoring the other option and marking the second criterion "no opinion" completes it.
    await castVote(member, projectId, "ops", { weight: 5, scores: { kafka: 1, sqs: 5 } });
    await castVote(member, projectId, "ordering", { weight: null, scores: {}, noOpinion: true });
    expect(await ballotsAndReadiness(owner, projectId)).toMatchObject({
      complete: 2,
      partial: 0,
      quorumMet: true,
      readiness: "ready",
    });
    const complete = await owner.api.project.recommendation({ projectId });
    // The mark adds nothing to the ordering means: the owner's scores alone stand there.
    const ordering = complete.result?.criteria.find((c) => c.key === "ordering");
    expect(ordering?.scores).toEqual({ kafka: 2, sqs: 4 });
    expect(ordering?.noOpinion).toBe(1);
  });

  it("counts a quorum above the team's size as every member, and keeps the number that was set", async () => {
    const { owner, people, projectId } = await openBlankProject(t, ["MEMBER"], { quorum: 5 });
    const member = at(people, 1);
    for (const voter of [owner, member]) {
      await castOnBothCriteria(voter, projectId, { weight: 3, scores: { kafka: 2, sqs: 4 } });
    }
    expect(await ballotsAndReadiness(owner, projectId)).toMatchObject({
      eligible: 2,
      complete: 2,
      quorum: 2,
      quorumAsSet: 5,
      quorumMet: true,
      readiness: "ready",
    });
    expect((await owner.api.project.get({ projectId })).quorum).toBe(5);
  });

  it("is served again only while nothing it depends on changed: votes, voters, roles, names", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER", "MEMBER"]);
    const projectId = await openProject(owner, drfInput(team.id));
    const [, b, c] = people;
    if (!b || !c) throw new Error("two members expected");
    const expectedNow = async () => aggregate((await loadDecision(t.db, projectId)).decision);

    await castVote(b, projectId, "performance", { weight: 5, scores: { drf: 1, fastapi: 5 } });
    const first = await owner.api.project.recommendation({ projectId });
    expect(first.result?.winner).toBe("fastapi");
    // Read again, unchanged: the same answer.
    expect((await owner.api.project.recommendation({ projectId })).result?.totals).toEqual(
      first.result?.totals,
    );

    // A new vote changes it at once.
    await castVote(c, projectId, "ecosystem", { weight: 5, scores: { drf: 5, fastapi: 1 } });
    const afterVote = await owner.api.project.recommendation({ projectId });
    expect(afterVote.result?.totals).toEqual((await expectedNow()).totals);
    expect(afterVote.participation.partial).toBe(2);

    // A voter made viewer no longer counts (no project event is written for that).
    await t.db.membership.update({
      where: { teamId_userId: { teamId: team.id, userId: c.id } },
      data: { role: "VIEWER" },
    });
    const afterRole = await owner.api.project.recommendation({ projectId });
    expect(afterRole.participation.partial).toBe(1);
    expect(afterRole.result?.totals).toEqual((await expectedNow()).totals);

    // A renamed member shows under the new name.
    await t.db.user.update({ where: { id: b.id }, data: { name: "Renamed member" } });
    const afterRename = await owner.api.project.participation({ projectId });
    expect(afterRename.personal.map((p) => p.name)).toContain("Renamed member");
    expect(afterRename.members.map((m) => m.name)).toContain("Renamed member");
  });

  it("marks an option the team scores below 3 on a must-have criterion as failing it", async () => {
    const { owner, people, projectId } = await openBlankProject(t, ["MEMBER"]);
    await castVote(owner, projectId, "ordering", { weight: 5, scores: { kafka: 5, sqs: 2 } });
    await castVote(at(people, 1), projectId, "ordering", {
      weight: 4,
      scores: { kafka: 4, sqs: 2 },
    });
    const view = await owner.api.project.recommendation({ projectId });
    expect(view.result?.mustHaveFailures).toEqual([
      { optionKey: "sqs", criterionKey: "ordering", score: 2 },
    ]);
  });

  it("uses the project's aggregation method", async () => {
    const { team, owner } = await teamWith(t);
    const projectId = await openProject(owner, blankInput(team.id, { method: "BORDA" }));
    await castVote(owner, projectId, "ops", { weight: 5, scores: { kafka: 2, sqs: 4 } });
    const view = await owner.api.project.recommendation({ projectId });
    expect(view.method).toBe("borda");
    expect(view.result?.winner).toBe("sqs");
  });

  it("in blind mode shows who has voted and my own result, but no totals or others' votes until close", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER", "VIEWER"]);
    const member = at(people, 1);
    const viewer = at(people, 2);
    const projectId = await openProject(owner, blankInput(team.id, { votingMode: "BLIND" }));
    await castVote(member, projectId, "ops", { weight: 5, scores: { kafka: 1, sqs: 5 } });

    for (const who of [owner, member, viewer]) {
      const view = await who.api.project.recommendation({ projectId });
      expect(view.hidden).toBe(true);
      expect(view.result).toBeNull();
      // Nothing about how anyone voted, except my own result for the member who voted.
      if (who !== member) expect(JSON.stringify(view)).not.toContain('"score"');
      const participation = await who.api.project.participation({ projectId });
      expect(participation.hidden).toBe(true);
      expect(participation.personal).toEqual([]);
      expect(participation.members.find((m) => m.id === member.id)?.ballot).toBe("partial");
    }
    const mine = await member.api.project.recommendation({ projectId });
    expect(mine.mine?.winner).toBe("sqs");
    expect((await owner.api.project.recommendation({ projectId })).mine).toBeNull();

    await owner.api.project.close({ projectId });
    const after = await viewer.api.project.recommendation({ projectId });
    expect(after.hidden).toBe(false);
    expect(after.result?.winner).toBe("sqs");
    const revealed = await viewer.api.project.participation({ projectId });
    expect(revealed.personal.find((p) => p.voterId === member.id)?.winner).toBe("sqs");
  });

  it("is readable by viewers and hidden from other teams", async () => {
    const { team, owner, people } = await teamWith(t, ["VIEWER"]);
    const { id: projectId } = await owner.api.project.create(blankInput(team.id));
    const view = await at(people, 1).api.project.recommendation({ projectId });
    expect(view.participation.eligible).toBe(1);
    const stranger = await teamWith(t);
    expect((await trpcError(stranger.owner.api.project.recommendation({ projectId }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await trpcError(stranger.owner.api.project.participation({ projectId }))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("the recommendation cache under racing votes", () => {
  // A race needs two transactions open at once. The embedded database (PGlite) runs one
  // connection's work at a time, so the read between the votes would wait for the open
  // transaction: the race exists only on a PostgreSQL server (TEST_DATABASE_URL, as in CI).
  itOnPostgresServer(
    "never keeps a view that misses a vote committed after a later-numbered one",
    async () => {
      const { team, owner, people } = await teamWith(t, ["MEMBER", "MEMBER"]);
      const projectId = await openProject(owner, drfInput(team.id));
      const [, b, c] = people;
      if (!b || !c) throw new Error("two members expected");
      await owner.api.project.recommendation({ projectId });

      // B's vote runs the vote's own statements and stays uncommitted until released: its history
      // event takes the lower id. C votes meanwhile through the API (a higher event id).
      const released = deferred();
      const inserted = deferred();
      const slowVote = t.db.$transaction(
        async (tx) => {
          const [saved] = await statements.castVote(tx, {
            id: randomUUID(),
            projectId,
            teamId: team.id,
            criterionKey: "performance",
            userId: b.id,
            weight: 5,
            scores: { drf: 1, fastapi: 5 },
            noOpinion: false,
            rationale: "slow",
            foldSeconds: 0,
          });
          if (!saved?.savedAt) throw new Error("B's vote was not written");
          inserted.resolve();
          await released.promise;
        },
        { timeout: 20_000 },
      );
      await inserted.promise;
      const fastVote = castVote(c, projectId, "performance", {
        weight: 5,
        scores: { drf: 5, fastapi: 1 },
      });
      // Where C's vote could commit first, it has by now; where it waits for B's, it still waits.
      await Promise.race([fastVote, new Promise((r) => setTimeout(r, 1_000))]);
      // A read in between computes (and caches) a view without B's uncommitted vote.
      await owner.api.project.recommendation({ projectId });
      released.resolve();
      await slowVote;
      await fastVote;

      // After both commits the served view has both votes: the cache's key moved on.
      const served = await owner.api.project.recommendation({ projectId });
      const expected = aggregate((await loadDecision(t.db, projectId)).decision);
      expect(served.participation).toMatchObject({ partial: 2 });
      expect(served.result?.totals).toEqual(expected.totals);
    },
  );
});
