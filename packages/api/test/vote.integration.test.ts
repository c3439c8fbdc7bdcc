import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";
import { at, blankInput, openBlankProject, teamWith } from "./project-fixtures";
import { holdRowLock, itWithLocks } from "./row-lock";

const t = useTestDatabase();

async function openProject(roles: ("ADMIN" | "MEMBER" | "VIEWER")[] = ["MEMBER"]) {
  const setup = await openBlankProject(t, roles);
  return setup;
}

const counts = async (projectId: string) => ({
  votes: await t.db.vote.count({ where: { projectId } }),
  events: await t.db.projectEvent.count({ where: { projectId, type: { startsWith: "vote." } } }),
});

describe("voting", () => {
  it("keeps one vote per member per criterion, with each change in the history", async () => {
    const { people, projectId } = await openProject();
    // Every edit its own history entry (folding is tested in history-folding).
    const member = { ...at(people, 1), api: t.callerAs(at(people, 1), { historyFoldSeconds: 0 }) };
    await member.api.vote.cast({ projectId, criterionKey: "ops", weight: 4, scores: { kafka: 2 } });
    const saved = await member.api.vote.cast({
      projectId,
      criterionKey: "ops",
      weight: 5,
      scores: { kafka: 3, sqs: 4 },
      rationale: "  SQS is managed  ",
    });
    expect(saved).toMatchObject({
      weight: 5,
      scores: { kafka: 3, sqs: 4 },
      rationale: "SQS is managed",
    });
    expect(await counts(projectId)).toEqual({ votes: 1, events: 2 });
    const events = await t.db.projectEvent.findMany({
      where: { projectId, type: "vote.cast" },
      orderBy: { id: "asc" },
    });
    expect(events[0]?.data).toEqual({
      before: null,
      after: { weight: 4, scores: { kafka: 2, sqs: null }, noOpinion: false, rationale: null },
    });
    expect(events[1]?.data).toMatchObject({
      before: { weight: 4 },
      after: { weight: 5, rationale: "SQS is managed" },
    });
    expect(events[1]).toMatchObject({ actorId: member.id, criterionKey: "ops" });

    // Sending the same vote again (a retry) changes nothing and adds nothing.
    await member.api.vote.cast({
      projectId,
      criterionKey: "ops",
      weight: 5,
      scores: { kafka: 3, sqs: 4 },
      rationale: "SQS is managed",
    });
    expect(await counts(projectId)).toEqual({ votes: 1, events: 2 });

    const mine = await member.api.vote.mine({ projectId });
    expect(mine).toEqual([expect.objectContaining({ criterionKey: "ops", weight: 5 })]);
  });

  it("accepts no opinion, and retracting removes the vote with a retracted event", async () => {
    const { people, projectId } = await openProject();
    const member = at(people, 1);
    await member.api.vote.cast({ projectId, criterionKey: "ordering", weight: null, scores: {} });
    const [vote] = await member.api.vote.mine({ projectId });
    expect(vote).toMatchObject({ weight: null, scores: { kafka: null, sqs: null } });
    await member.api.vote.retract({ projectId, criterionKey: "ordering" });
    expect(await member.api.vote.mine({ projectId })).toEqual([]);
    const last = await t.db.projectEvent.findFirstOrThrow({
      where: { projectId },
      orderBy: { id: "desc" },
    });
    expect(last).toMatchObject({ type: "vote.retracted", data: { after: null } });
  });

  it("stores an explicit no-opinion mark like a vote, and refuses one that carries numbers", async () => {
    const { people, projectId } = await openProject();
    const member = { ...at(people, 1), api: t.callerAs(at(people, 1), { historyFoldSeconds: 0 }) };
    const refused = await trpcError(
      member.api.vote.cast({
        projectId,
        criterionKey: "ordering",
        weight: 3,
        scores: { kafka: 2 },
        noOpinion: true,
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/A no-opinion mark carries no importance and no scores/);
    expect(await counts(projectId)).toEqual({ votes: 0, events: 0 });

    await member.api.vote.cast({
      projectId,
      criterionKey: "ordering",
      weight: null,
      scores: {},
      noOpinion: true,
    });
    const [vote] = await member.api.vote.mine({ projectId });
    expect(vote).toMatchObject({
      noOpinion: true,
      weight: null,
      scores: { kafka: null, sqs: null },
    });
    const event = await t.db.projectEvent.findFirstOrThrow({
      where: { projectId, type: "vote.cast" },
    });
    expect(event.data).toMatchObject({ before: null, after: { noOpinion: true, weight: null } });
    // Changing a no-opinion mark into a vote is a change like any other.
    await member.api.vote.cast({
      projectId,
      criterionKey: "ordering",
      weight: 2,
      scores: { kafka: 4, sqs: 4 },
    });
    expect((await member.api.vote.mine({ projectId }))[0]).toMatchObject({ noOpinion: false });
    expect(await counts(projectId)).toEqual({ votes: 1, events: 2 });
  });

  it("refuses out-of-range values, unknown keys and long rationales with field errors, writing nothing", async () => {
    const { people, projectId } = await openProject();
    const member = at(people, 1);
    const bad = [
      { criterionKey: "ops", weight: 6, scores: {} },
      { criterionKey: "ops", weight: -1, scores: {} },
      { criterionKey: "ops", weight: 2.5, scores: {} },
      { criterionKey: "ops", weight: 3, scores: { kafka: 0 } },
      { criterionKey: "ops", weight: 3, scores: { kafka: 6 } },
      { criterionKey: "ops", weight: 3, scores: { redis: 3 } },
      { criterionKey: "nope", weight: 3, scores: {} },
      { criterionKey: "ops", weight: 3, scores: {}, rationale: "x".repeat(1001) },
    ];
    for (const input of bad) {
      const error = await trpcError(member.api.vote.cast({ projectId, ...input } as never));
      expect(error.code).toBe("BAD_REQUEST");
    }
    const unknownOption = await trpcError(
      member.api.vote.cast({ projectId, criterionKey: "ops", weight: 3, scores: { redis: 3 } }),
    );
    expect(unknownOption.message).toMatch(/options this decision does not have/);
    expect(await counts(projectId)).toEqual({ votes: 0, events: 0 });
    // Exactly at the limit is fine.
    await member.api.vote.cast({
      projectId,
      criterionKey: "ops",
      weight: 3,
      rationale: "x".repeat(1000),
    });
  });

  it("refuses viewers, drafts and closed projects with a clear message", async () => {
    const setup = await teamWith(t, ["VIEWER", "MEMBER"]);
    const viewer = at(setup.people, 1);
    const member = at(setup.people, 2);
    const { id } = await setup.owner.api.project.create(blankInput(setup.team.id));
    const vote = { projectId: id, criterionKey: "ops", weight: 3, scores: { kafka: 3 } };

    const draft = await trpcError(member.api.vote.cast(vote));
    expect(draft.code).toBe("CONFLICT");
    expect(draft.message).toMatch(/draft/);

    await setup.owner.api.project.open({ projectId: id });
    expect((await trpcError(viewer.api.vote.cast(vote))).code).toBe("FORBIDDEN");

    await setup.owner.api.project.close({ projectId: id });
    const closed = await trpcError(member.api.vote.cast(vote));
    expect(closed.code).toBe("CONFLICT");
    expect(closed.message).toMatch(/Voting has closed/);
    const retract = await trpcError(
      member.api.vote.retract({ projectId: id, criterionKey: "ops" }),
    );
    expect(retract.code).toBe("CONFLICT");
    expect(await counts(id)).toEqual({ votes: 0, events: 0 });
  });

  itWithLocks(
    "refuses a vote that waited for the decision while its voter was removed or made a viewer",
    async () => {
      const { team, owner, people, projectId } = await openProject(["MEMBER", "MEMBER"]);
      const [removed, madeViewer] = [at(people, 1), at(people, 2)];
      const vote = { projectId, criterionKey: "ops", weight: 3, scores: { kafka: 3 } };
      // The decision busy (another change holding it) while both vote and the owner acts.
      const busy = await holdRowLock(t.db, "projects", projectId);
      const votes = [
        trpcError(removed.api.vote.cast(vote)),
        trpcError(madeViewer.api.vote.cast(vote)),
      ];
      await busy.waiting(2);
      await owner.api.member.remove({ teamId: team.id, userId: removed.id });
      await owner.api.member.changeRole({ teamId: team.id, userId: madeViewer.id, role: "VIEWER" });
      await busy.release();
      const [gone, viewer] = await Promise.all(votes);
      expect(gone?.code).toBe("NOT_FOUND");
      expect(gone?.message).toBe("Decision project was not found.");
      expect(viewer?.code).toBe("FORBIDDEN");
      expect(viewer?.message).toBe("This needs the member role or higher in the team.");
      expect(await counts(projectId)).toEqual({ votes: 0, events: 0 });
    },
  );

  itWithLocks(
    "keeps the vote of a member removed while their retraction waited for the decision",
    async () => {
      const { team, owner, people, projectId } = await openProject(["MEMBER"]);
      const member = at(people, 1);
      await member.api.vote.cast({
        projectId,
        criterionKey: "ops",
        weight: 3,
        scores: { kafka: 3 },
      });
      const busy = await holdRowLock(t.db, "projects", projectId);
      const retraction = trpcError(member.api.vote.retract({ projectId, criterionKey: "ops" }));
      await busy.waiting(1);
      await owner.api.member.remove({ teamId: team.id, userId: member.id });
      await busy.release();
      const refused = await retraction;
      expect(refused.code).toBe("NOT_FOUND");
      expect(refused.message).toBe("Decision project was not found.");
      expect(await counts(projectId)).toEqual({ votes: 1, events: 1 });
    },
  );

  it("100 racing requests of one member on one criterion leave one vote, 100 events, and a submitted value", async () => {
    const { people, projectId } = await openProject(["MEMBER", "MEMBER"]);
    // Every edit its own history entry, so the chain of befores and afters can be checked.
    const member = { ...at(people, 1), api: t.callerAs(at(people, 1), { historyFoldSeconds: 0 }) };
    const submitted = Array.from({ length: 100 }, (_, i) => ({
      projectId,
      criterionKey: "ops",
      weight: i % 6,
      scores: { kafka: (i % 5) + 1, sqs: ((i + 2) % 5) + 1 },
      rationale: `attempt ${i}`,
    }));
    const results = await Promise.allSettled(submitted.map((vote) => member.api.vote.cast(vote)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await counts(projectId)).toEqual({ votes: 1, events: 100 });

    const [final] = await member.api.vote.mine({ projectId });
    const match = submitted.find((s) => s.rationale === final?.rationale);
    expect(match).toBeDefined();
    expect(final).toMatchObject({ weight: match?.weight, scores: match?.scores });
    // The history chains: each event's "before" is the previous event's "after".
    const events = await t.db.projectEvent.findMany({
      where: { projectId, type: "vote.cast" },
      orderBy: { id: "asc" },
      select: { data: true },
    });
    for (let i = 1; i < events.length; i++) {
      const current = at(events, i).data as { before: unknown };
      const previous = at(events, i - 1).data as { after: unknown };
      expect(current.before).toEqual(previous.after);
    }

    // With the default window the same race folds into one entry that holds the stored vote.
    const folding = at(people, 2);
    const raced = await Promise.allSettled(
      submitted.map((vote) => folding.api.vote.cast({ ...vote, criterionKey: "ordering" })),
    );
    expect(raced.filter((r) => r.status === "rejected")).toEqual([]);
    const [stored] = await folding.api.vote.mine({ projectId });
    const entries = await t.db.projectEvent.findMany({
      where: { projectId, actorId: folding.id, type: "vote.cast" },
      select: { data: true },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.data).toMatchObject({
      before: null,
      after: { weight: stored?.weight, scores: stored?.scores, rationale: stored?.rationale },
    });
  }, 60_000);

  it("a vote racing a close either lands before it or is refused as closed, never after it", async () => {
    const { owner, people, projectId } = await openProject(["MEMBER", "MEMBER", "MEMBER"]);
    const voters = people.slice(1);
    const outcomes = await Promise.allSettled([
      ...voters.map((v) =>
        v.api.vote.cast({ projectId, criterionKey: "ops", weight: 3, scores: { kafka: 4 } }),
      ),
      owner.api.project.close({ projectId }),
      ...voters.map((v) =>
        v.api.vote.cast({ projectId, criterionKey: "ordering", weight: 3, scores: { sqs: 4 } }),
      ),
    ]);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected")
        expect(String(outcome.reason)).toMatch(/Voting has closed/);
    }
    const closedAt = await t.db.projectEvent.findFirstOrThrow({
      where: { projectId, type: "status.changed", data: { path: ["to"], equals: "DECIDED" } },
    });
    const late = await t.db.projectEvent.count({
      where: { projectId, type: "vote.cast", id: { gt: closedAt.id } },
    });
    expect(late).toBe(0);
    const accepted = outcomes.filter((o) => o.status === "fulfilled").length - 1;
    expect(await t.db.vote.count({ where: { projectId } })).toBe(accepted);
  });
});
