import { drfVsFastapi } from "@tradeoff/templates";
import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";
import { ownerAnd } from "./project-fixtures";
import { holdRowLock, itWithLocks, onceBehindLock } from "./row-lock";

const t = useTestDatabase();

async function teamWithMember() {
  const { owner, other, team } = await ownerAnd(
    t,
    { name: "Mia Member", role: "MEMBER" },
    "Samples",
  );
  return { owner, member: other, team };
}

/** A real member of the team scores the sample's first criterion (FastAPI ahead). */
async function voteOnSample(user: Parameters<typeof t.callerAs>[0], projectId: string) {
  const [first] = drfVsFastapi.criteria;
  await t.callerAs(user).vote.cast({
    projectId,
    criterionKey: first?.key ?? "",
    weight: 4,
    scores: { drf: 3, fastapi: 4 },
  });
}

describe("the sample project (see how it works)", () => {
  it("opens a decision marked as a sample, with every criterion voted by three fictional teammates", async () => {
    const { member, team } = await teamWithMember();
    const created = await t.callerAs(member).project.createSample({ teamId: team.id });
    expect(created.title).toBe(`Sample: ${drfVsFastapi.title}`);

    const project = await t.callerAs(member).project.get({ projectId: created.id });
    expect(project).toMatchObject({ isSample: true, status: "OPEN" });
    // The template's context, once: the banner of the page says that it is a sample.
    expect(project.context).toBe(drfVsFastapi.context);

    const votes = await t.db.vote.findMany({
      where: { projectId: created.id },
      select: { userId: true, weight: true, scores: true },
    });
    const voters = await t.db.user.findMany({
      where: { id: { in: [...new Set(votes.map((v) => v.userId))] } },
      select: { name: true, email: true, passwordHash: true, fictional: true, id: true },
    });
    expect(voters).toHaveLength(3);
    expect(votes).toHaveLength(3 * drfVsFastapi.criteria.length);
    for (const voter of voters) {
      // Made up, marked, and with nothing to sign in with.
      expect(voter).toMatchObject({ fictional: true, email: null, passwordHash: null });
      expect(voter.name).toMatch(/\(sample\)$/);
      expect(await t.db.membership.count({ where: { userId: voter.id } })).toBe(0);
      expect(await t.db.account.count({ where: { userId: voter.id } })).toBe(0);
    }

    // Their votes drive the recommendation: a result with a leader, not an empty one.
    const recommendation = await t
      .callerAs(member)
      .project.recommendation({ projectId: created.id });
    expect(recommendation.result?.winner).toMatch(/^(drf|fastapi)$/);
    // The dashboard lists it as a sample, with the same leader and voters as its page (not
    // "0 of 2 voted, no votes yet"); the team still has its two real members.
    const dashboard = await t.callerAs(member).dashboard.get({ teamId: team.id });
    const row = dashboard.projects.find((p) => p.id === created.id);
    expect(row).toMatchObject({
      isSample: true,
      voters: 3,
      eligible: 2 + 3,
      leader: { optionKey: recommendation.result?.winner },
    });
    expect((await t.callerAs(member).team.get({ slug: team.slug })).memberCount).toBe(2);
  });

  it("its fictional teammates count in no other project of the team", async () => {
    const { owner, member, team } = await teamWithMember();
    await t.callerAs(member).project.createSample({ teamId: team.id });
    const template = drfVsFastapi;
    const real = await t.callerAs(owner).project.create({
      teamId: team.id,
      title: "A real decision",
      context: "",
      options: template.options.map(({ key, name, description }) => ({ key, name, description })),
      criteria: template.criteria.map(({ key, name, description, defaultWeight }) => ({
        key,
        name,
        description,
        defaultWeight,
        guidance: {},
      })),
      votingMode: "OPEN",
    });
    await t.callerAs(owner).project.open({ projectId: real.id });
    const participation = await t.callerAs(owner).project.participation({ projectId: real.id });
    const names = JSON.stringify(participation);
    expect(names).not.toContain("(sample)");
    expect(names).toContain("Mia Member");
  });

  it("is removed in one click with its fictional teammates, leaving everything else", async () => {
    const { owner, member, team } = await teamWithMember();
    const sample = await t.callerAs(member).project.createSample({ teamId: team.id });
    const fictionalIds = (
      await t.db.vote.findMany({
        where: { projectId: sample.id },
        select: { userId: true },
        distinct: ["userId"],
      })
    ).map((v) => v.userId);
    // A real member also voted on the sample.
    await voteOnSample(owner, sample.id);
    const usersBefore = await t.db.user.count({ where: { fictional: false } });
    const projectsBefore = await t.db.project.count({ where: { teamId: team.id } });

    const removed = await t.callerAs(member).project.removeSample({ projectId: sample.id });
    expect(removed.fictionalTeammatesRemoved).toBe(3);
    expect(await t.db.project.count({ where: { id: sample.id } })).toBe(0);
    expect(await t.db.user.count({ where: { id: { in: fictionalIds } } })).toBe(0);
    expect(await t.db.vote.count({ where: { projectId: sample.id } })).toBe(0);
    expect(await t.db.user.count({ where: { fictional: false } })).toBe(usersBefore);
    expect(await t.db.project.count({ where: { teamId: team.id } })).toBe(projectsBefore - 1);
    expect(await t.db.membership.count({ where: { teamId: team.id } })).toBe(2);
  });

  itWithLocks(
    "removed from two tabs at once: one removes it, the other is told it is gone",
    async () => {
      const { member, team } = await teamWithMember();
      const sample = await t.callerAs(member).project.createSample({ teamId: team.id });
      // The sample busy (a vote being counted) while both presses arrive.
      const refused = await onceBehindLock(
        t.db,
        "projects",
        sample.id,
        [1, 2].map(() => () => t.callerAs(member).project.removeSample({ projectId: sample.id })),
      );
      expect(refused).toMatchObject({
        code: "NOT_FOUND",
        message: "Decision project was not found.",
      });
      expect(await t.db.project.count({ where: { id: sample.id } })).toBe(0);
    },
  );

  it("asked for again, answers the team's sample already there instead of making a second", async () => {
    const { owner, member, team } = await teamWithMember();
    const first = await t.callerAs(member).project.createSample({ teamId: team.id });
    const again = await t.callerAs(owner).project.createSample({ teamId: team.id });
    expect(await t.db.project.count({ where: { teamId: team.id, isSample: true } })).toBe(1);
    expect(first.created).toBe(true);
    expect(again).toEqual({ ...first, created: false });
    expect(
      await t.db.user.count({
        where: { fictional: true, votes: { some: { project: { teamId: team.id } } } },
      }),
    ).toBe(3);

    // Once removed, the button makes a new one.
    await t.callerAs(member).project.removeSample({ projectId: first.id });
    const next = await t.callerAs(member).project.createSample({ teamId: team.id });
    expect(next).toMatchObject({ created: true });
    expect(next.id).not.toBe(first.id);
  });

  itWithLocks(
    "pressed in two tabs at once: one sample is made, and both are answered with it",
    async () => {
      const { owner, member, team } = await teamWithMember();
      // The team busy (a member being added, say) while both presses arrive.
      const busy = await holdRowLock(t.db, "teams", team.id);
      const presses = [member, owner].map((user) =>
        t.callerAs(user).project.createSample({ teamId: team.id }),
      );
      await busy.waiting(2);
      await busy.release();
      const answers = await Promise.all(presses);
      expect(await t.db.project.count({ where: { teamId: team.id, isSample: true } })).toBe(1);
      expect(answers[0]?.id).toBe(answers[1]?.id);
      expect(answers.map((a) => a.created).sort()).toEqual([false, true]);
      expect(
        await t.db.user.count({
          where: { fictional: true, votes: { some: { project: { teamId: team.id } } } },
        }),
      ).toBe(3);
    },
  );

  it("offers its fictional teammates, and a member who left, in the history's member filter", async () => {
    const { owner, member, team } = await teamWithMember();
    const sample = await t.callerAs(owner).project.createSample({ teamId: team.id });
    await voteOnSample(member, sample.id);
    await t.callerAs(owner).member.remove({ teamId: team.id, userId: member.id });
    const people = await t.callerAs(owner).history.people({ projectId: sample.id });
    expect(people.map((p) => [p.name, p.fictional, p.member])).toEqual([
      ["Ada Lindqvist (sample)", true, false],
      ["Bruno Mensah (sample)", true, false],
      ["Chiara Ruiz (sample)", true, false],
      ["Mia Member", false, false],
      ["Olive Owner", false, true],
    ]);

    // Each choice finds that person's votes in the history.
    const ada = people.find((p) => p.name.startsWith("Ada"));
    const adas = await t
      .callerAs(owner)
      .history.list({ projectId: sample.id, actorId: ada?.id, limit: 100 });
    expect(adas.items).toHaveLength(drfVsFastapi.criteria.length);
    expect(adas.items.every((e) => e.actor?.name === "Ada Lindqvist (sample)")).toBe(true);
  });

  it("refuses to remove a real decision this way", async () => {
    const { owner, team } = await teamWithMember();
    const real = await t.callerAs(owner).project.create({
      teamId: team.id,
      title: "Keep me",
      context: "",
      options: [
        { key: "a", name: "A", description: "" },
        { key: "b", name: "B", description: "" },
      ],
      criteria: [{ key: "c", name: "C", description: "", defaultWeight: 3, guidance: {} }],
      votingMode: "OPEN",
    });
    const error = await trpcError(t.callerAs(owner).project.removeSample({ projectId: real.id }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/Only a sample decision/);
    expect(await t.db.project.count({ where: { id: real.id } })).toBe(1);
  });
});
