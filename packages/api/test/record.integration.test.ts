import { describe, expect, it } from "vitest";
import { storeDraftText } from "../src/services/draft/store-draft-text";
import { trpcError, useTestDatabase } from "./helpers";
import {
  allPreferSqs,
  at,
  blankInput,
  castVote,
  openBlankProject,
  teamWith,
} from "./project-fixtures";

const t = useTestDatabase();

/**
 * An open project where two members prefer SQS (the recommendation) on both criteria; its
 * quorum of two complete ballots makes that result ready.
 */
async function votedProject() {
  const setup = await openBlankProject(t, ["ADMIN", "MEMBER", "VIEWER"], { quorum: 2 });
  await allPreferSqs([at(setup.people, 0), at(setup.people, 2)], setup.projectId, {
    rationale: "Nobody wants to run brokers.",
  });
  return {
    ...setup,
    admin: at(setup.people, 1),
    member: at(setup.people, 2),
    viewer: at(setup.people, 3),
  };
}

const fields = {
  rationale: "it is managed and the team scored it higher.",
  consequences: { good: ["No brokers to run."], neutral: [], bad: ["Vendor lock-in."] },
  consulted: [{ name: "Security team" }],
};

type Owner = Awaited<ReturnType<typeof openBlankProject>>["owner"];

/** `owner` records `decide` (on top of `fields`) for `projectId`: the record as it then reads. */
async function recordedView(
  owner: Owner,
  projectId: string,
  decide: { chosenOptionKey: string } & Partial<Parameters<Owner["api"]["record"]["decide"]>[0]>,
) {
  await owner.api.record.decide({ projectId, ...fields, ...decide });
  return (await owner.api.record.get({ projectId })).view;
}

/**
 * Recording SQS without confirming is refused as provisional, with `because` in the message,
 * and writes no record.
 */
async function expectRefusedAsProvisional(
  owner: { api: ReturnType<typeof t.callerAs> },
  projectId: string,
  because: string,
) {
  const refused = await trpcError(
    owner.api.record.decide({ projectId, chosenOptionKey: "sqs", ...fields }),
  );
  expect(refused.code).toBe("PRECONDITION_FAILED");
  expect(refused.message).toContain(because);
  expect(await t.db.decisionRecord.count({ where: { projectId } })).toBe(0);
}

/**
 * `owner` records `decide` (with a justification the record would not keep): refused as a bad
 * request, nothing recorded; the refusal's message.
 */
async function refusedJustification(
  owner: Owner,
  projectId: string,
  decide: { chosenOptionKey: string; justification: string; confirmProvisional?: boolean },
) {
  const refused = await trpcError(owner.api.record.decide({ projectId, ...decide, ...fields }));
  expect(refused.code).toBe("BAD_REQUEST");
  expect(await t.db.decisionRecord.count({ where: { projectId } })).toBe(0);
  return refused.message;
}

describe("recording a decision", () => {
  it("keeps a recorded decision from being reopened, and says what to do instead", async () => {
    const { owner, projectId } = await votedProject();
    await owner.api.record.decide({ projectId, chosenOptionKey: "sqs", ...fields });
    const error = await trpcError(owner.api.project.reopen({ projectId }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/Revise the record, or start a new project that supersedes it/);
    const project = await t.db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project).toMatchObject({ status: "DECIDED", round: 1 });
    expect(await t.db.projectRound.count({ where: { projectId } })).toBe(0);
  });

  it("closes voting, marks the project decided and keeps revision 1 with who and when", async () => {
    const { admin, owner, projectId } = await votedProject();
    await admin.api.record.decide({
      projectId,
      chosenOptionKey: "sqs",
      ...fields,
      decisionMakers: [{ userId: owner.id }, { name: "Platform guild" }],
      reviewDate: new Date(Date.now() + 3 * 86_400_000),
    });
    const project = await t.db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project.status).toBe("DECIDED");
    expect(project.closedAt).not.toBeNull();

    const { view, revisions } = await admin.api.record.get({ projectId });
    expect(view.draft).toBe(false);
    expect(view.decision).toMatchObject({
      chosenOptionKey: "sqs",
      recommendedKey: "sqs",
      revision: 1,
      // Team members are named from their accounts, free names kept as typed.
      decisionMakers: [{ userId: owner.id, name: "Olivia Owner" }, { name: "Platform guild" }],
    });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ revision: 1, author: admin.name });

    // Voting is over: a late vote is refused.
    const late = await trpcError(
      castVote(admin, projectId, "ops", { weight: 1, scores: { kafka: 5, sqs: 1 } }),
    );
    expect(late.code).toBe("CONFLICT");

    const types = await t.db.projectEvent.findMany({
      where: { projectId, type: { in: ["status.changed", "decision.recorded"] } },
      select: { type: true, data: true },
      orderBy: { id: "asc" },
    });
    expect(types.slice(-2)).toEqual([
      { type: "status.changed", data: { from: "OPEN", to: "DECIDED" } },
      {
        type: "decision.recorded",
        data: {
          chosenOptionKey: "sqs",
          recommendedKey: "sqs",
          revision: 1,
          coverage: {
            counted: 2,
            total: 2,
            weightShare: 1,
            complete: 2,
            voted: 2,
            eligible: 3,
            status: "ready",
            // Every stored vote could be read when it was recorded.
            unreadableVotes: 0,
          },
        },
      },
    ]);
    const due = await owner.api.record.dueForReview({ teamId: project.teamId, withinDays: 7 });
    expect(due.map((d) => d.projectId)).toEqual([projectId]);
  });

  it("asks for confirmation to record on a provisional result, and writes what it rested on", async () => {
    const { owner, member, projectId } = await votedProject();
    // The member takes back their vote on ordering: their ballot is partial now, though both
    // criteria are still counted (the owner scored them), and a quorum of 2 is not met.
    await member.api.vote.retract({ projectId, criterionKey: "ordering" });
    await owner.api.project.update({ projectId, quorum: 2 });
    await expectRefusedAsProvisional(
      owner,
      projectId,
      "The recommendation is still provisional. Based on 2 of 2 criteria (100% of the weight) and 1 of 3 complete ballots (quorum 2: not met).",
    );
    expect((await t.db.project.findUniqueOrThrow({ where: { id: projectId } })).status).toBe(
      "OPEN",
    );

    const view = await recordedView(owner, projectId, {
      chosenOptionKey: "sqs",
      confirmProvisional: true,
    });
    expect(view.decision?.coverage).toEqual({
      counted: 2,
      total: 2,
      weightShare: 1,
      complete: 1,
      voted: 2,
      eligible: 3,
      status: "provisional",
      unreadableVotes: 0,
    });
    const md = await owner.api.export.file({ projectId, format: "madr" });
    // The partial ballot is not counted as the member's whole say.
    expect(md.content).toContain(
      "Decided with 2 of 2 criteria counted, on 1 complete and 1 partial ballots of 3 members. It was provisional when recorded",
    );
  });

  it("without a quorum, asks for confirmation until every member's ballot is complete", async () => {
    // Every criterion counted by two members' partial ballots: no longer a ready result.
    const setup = await openBlankProject(t, ["ADMIN", "MEMBER"]);
    const { owner, projectId } = setup;
    await castVote(owner, projectId, "ops", { weight: 4, scores: { kafka: 2, sqs: 5 } });
    await castVote(at(setup.people, 1), projectId, "ordering", {
      weight: 4,
      scores: { kafka: 2, sqs: 5 },
    });
    await expectRefusedAsProvisional(
      owner,
      projectId,
      "The recommendation is still provisional. Based on 2 of 2 criteria (100% of the weight) and 0 of 3 complete ballots (no quorum set: every member's ballot is needed).",
    );
  });

  it("requires a justification to choose another option than the recommendation", async () => {
    const { owner, projectId } = await votedProject();
    const refused = await trpcError(
      owner.api.record.decide({ projectId, chosenOptionKey: "kafka", ...fields }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/say why/);
    expect((await t.db.project.findUniqueOrThrow({ where: { id: projectId } })).status).toBe(
      "OPEN",
    );

    const view = await recordedView(owner, projectId, {
      chosenOptionKey: "kafka",
      justification: "We already run Kafka for analytics.",
    });
    expect(view.decision).toMatchObject({
      chosenOptionKey: "kafka",
      recommendedKey: "sqs",
      justification: "We already run Kafka for analytics.",
    });
  });

  it("on a tie, refuses a justification it would not keep, and says to give the reason in the rationale", async () => {
    const setup = await openBlankProject(t, ["MEMBER"], { quorum: 1 });
    const { owner, projectId } = setup;
    for (const criterionKey of ["ops", "ordering"]) {
      await castVote(at(setup.people, 1), projectId, criterionKey, {
        weight: 4,
        scores: { kafka: 4, sqs: 4 },
      });
    }
    const tie = "A coin toss between two equal options: we picked the one we already run.";
    expect(
      await refusedJustification(owner, projectId, {
        chosenOptionKey: "kafka",
        justification: tie,
      }),
    ).toBe(
      "The leading options are tied, so there is no recommendation to go against and a justification would not be kept: give the reason for this choice in the rationale, and leave the justification empty.",
    );

    // Given in the rationale, the reason is kept.
    const view = await recordedView(owner, projectId, { chosenOptionKey: "kafka", rationale: tie });
    expect(view.decision).toMatchObject({ recommendedKey: null, rationale: tie });
    // A revision is held to the same rule.
    const revised = await trpcError(
      owner.api.record.revise({
        projectId,
        chosenOptionKey: "sqs",
        justification: tie,
        note: "Changed our mind.",
        ...fields,
      }),
    );
    expect(revised.code).toBe("BAD_REQUEST");
    expect(revised.message).toMatch(/^The leading options are tied/);
  });

  it("with nothing scored, refuses a justification it would not keep, from the form and the draft", async () => {
    const { owner, projectId } = await openBlankProject(t, ["MEMBER"], { quorum: 1 });
    const why = "We already run Kafka for analytics.";
    const refused = await refusedJustification(owner, projectId, {
      chosenOptionKey: "kafka",
      justification: why,
      confirmProvisional: true,
    });
    expect(refused).toBe(
      "Nothing is scored yet, so there is no recommendation to go against and a justification would not be kept: give the reason for this choice in the rationale, and leave the justification empty.",
    );

    // Accepting a shared draft is held to the same rule.
    const { draftId } = await owner.api.draft.start({ projectId });
    await storeDraftText(t.db, draftId, { rationale: fields.rationale });
    await owner.api.draft.updateFields({
      projectId,
      chosenOptionKey: "kafka",
      decisionMakers: [{ userId: owner.id, name: "" }],
    });
    await owner.api.draft.review({ projectId, verdict: "APPROVED" });
    const fromDraft = await trpcError(
      owner.api.draft.accept({ projectId, justification: why, confirmProvisional: true }),
    );
    expect(fromDraft.code).toBe("BAD_REQUEST");
    expect(fromDraft.message).toMatch(/^Nothing is scored yet/);
    expect(await t.db.decisionRecord.count({ where: { projectId } })).toBe(0);

    // Without it, the decision is recorded.
    await owner.api.draft.accept({ projectId, confirmProvisional: true });
    expect(await t.db.decisionRecord.count({ where: { projectId } })).toBe(1);
  });

  it("refuses a justification typed for the recommended option with what to do, never drops it, when recording and when revising", async () => {
    const { owner, projectId } = await votedProject();
    const typed = "SQS is what the team recommended.";
    const refused = await refusedJustification(owner, projectId, {
      chosenOptionKey: "sqs",
      justification: typed,
    });
    expect(refused).toBe(
      "You chose the team's recommendation, so there is no other choice to justify and a justification would not be kept: give the reason for this choice in the rationale, and leave the justification empty.",
    );
    expect((await t.db.project.findUniqueOrThrow({ where: { id: projectId } })).status).toBe(
      "OPEN",
    );

    await owner.api.record.decide({ projectId, chosenOptionKey: "sqs", ...fields });
    const revise = { projectId, chosenOptionKey: "sqs", ...fields, note: "Say more." };
    const refusedRevision = await trpcError(
      owner.api.record.revise({ ...revise, justification: typed }),
    );
    expect(refusedRevision.message).toBe(refused);
    const { view } = await owner.api.record.get({ projectId });
    expect(view.decision).toMatchObject({ revision: 1, chosenOptionKey: "sqs" });

    // Whitespace is nothing typed: recorded as no justification.
    await owner.api.record.revise({ ...revise, rationale: "it is managed.", justification: " " });
    const revised = await owner.api.record.get({ projectId });
    expect(revised.view.decision).toMatchObject({ revision: 2, justification: null });
  });

  it("lets only admins and the creator record, refuses people outside the team", async () => {
    const { member, viewer, projectId, team } = await votedProject();
    expect(
      (await trpcError(member.api.record.decide({ projectId, chosenOptionKey: "sqs", ...fields })))
        .code,
    ).toBe("FORBIDDEN");
    expect(
      (await trpcError(viewer.api.record.decide({ projectId, chosenOptionKey: "sqs", ...fields })))
        .code,
    ).toBe("FORBIDDEN");
    const other = await teamWith(t);
    expect((await trpcError(other.owner.api.record.get({ projectId }))).code).toBe("NOT_FOUND");
    // A team member picked as a decision-maker must be of this team.
    const owner = await t.db.membership.findFirstOrThrow({
      where: { teamId: team.id, role: "OWNER" },
      select: { userId: true },
    });
    const refused = await trpcError(
      t.callerAs({ id: owner.userId, email: null, name: null }).record.decide({
        projectId,
        chosenOptionKey: "sqs",
        ...fields,
        informed: [{ userId: other.owner.id }],
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
  });

  it("changes a recorded decision only through a new revision, and keeps every revision", async () => {
    const { owner, admin, projectId } = await votedProject();
    await owner.api.record.decide({ projectId, chosenOptionKey: "sqs", ...fields });
    expect(
      (await trpcError(owner.api.record.decide({ projectId, chosenOptionKey: "sqs", ...fields })))
        .code,
    ).toBe("CONFLICT");
    await admin.api.record.revise({
      projectId,
      chosenOptionKey: "sqs",
      ...fields,
      rationale: "Managed, and cheaper at our volume.",
      note: "Added the cost argument",
    });
    const { view, revisions } = await owner.api.record.get({ projectId });
    expect(view.decision).toMatchObject({
      revision: 2,
      rationale: "Managed, and cheaper at our volume.",
    });
    expect(revisions.map((r) => [r.revision, r.author, r.note, r.fields.rationale])).toEqual([
      [2, admin.name, "Added the cost argument", "Managed, and cheaper at our volume."],
      [1, "Olivia Owner", "", fields.rationale],
    ]);

    // The same fields again, under a new note: no revision 3 identical to revision 2.
    const unchanged = await trpcError(
      admin.api.record.revise({
        projectId,
        chosenOptionKey: "sqs",
        ...fields,
        rationale: "Managed, and cheaper at our volume.",
        note: "Looked at it again",
      }),
    );
    expect(unchanged.code).toBe("CONFLICT");
    expect(unchanged.message).toBe(
      "Nothing to revise: revision 2 already says exactly this. Change a field of the record, then revise it.",
    );
    expect((await owner.api.record.get({ projectId })).view.decision?.revision).toBe(2);
  });

  it("supersedes a decided project by one or more successors, linked both ways", async () => {
    const { owner, projectId, team } = await votedProject();
    await owner.api.record.decide({ projectId, chosenOptionKey: "sqs", ...fields });
    const a = await owner.api.project.create(blankInput(team.id, { title: "Queue, revisited" }));
    const b = await owner.api.project.create(blankInput(team.id, { title: "Event bus" }));
    const refused = await trpcError(
      owner.api.record.supersede({ projectId: a.id, successorIds: [projectId] }),
    );
    expect(refused.code).toBe("CONFLICT"); // a draft cannot be superseded
    await owner.api.record.supersede({ projectId, successorIds: [a.id, b.id] });

    const old = await owner.api.record.get({ projectId });
    expect(old.view.project.status).toBe("SUPERSEDED");
    expect(old.view.supersededBy.map((p) => p.title).sort()).toEqual([
      "Event bus",
      "Queue, revisited",
    ]);
    const successor = await owner.api.record.get({ projectId: a.id });
    expect(successor.view.supersedes.map((p) => p.id)).toEqual([projectId]);

    // Another team's project cannot be named as a successor.
    const other = await teamWith(t);
    const foreign = await other.owner.api.project.create(blankInput(other.team.id));
    expect(
      (await trpcError(owner.api.record.supersede({ projectId, successorIds: [foreign.id] }))).code,
    ).toBe("NOT_FOUND");
  });

  it("keeps supersession a forward chain: refuses a cycle, direct or through others, and says why", async () => {
    const { owner, projectId: a, team } = await votedProject();
    await owner.api.record.decide({ projectId: a, chosenOptionKey: "sqs", ...fields });
    /** Another decided project of the same team. */
    const decided = async (title: string) => {
      // The owner's ballot alone is enough here: a quorum of one.
      const { id } = await owner.api.project.create(blankInput(team.id, { title, quorum: 1 }));
      await owner.api.project.open({ projectId: id });
      for (const criterionKey of ["ops", "ordering"])
        await castVote(owner, id, criterionKey, { weight: 4, scores: { kafka: 2, sqs: 5 } });
      await owner.api.record.decide({ projectId: id, chosenOptionKey: "sqs", ...fields });
      return id;
    };
    const b = await decided("Queue, revisited");
    const c = await decided("Event bus");
    await owner.api.record.supersede({ projectId: a, successorIds: [b] });

    const direct = await trpcError(owner.api.record.supersede({ projectId: b, successorIds: [a] }));
    expect(direct.code).toBe("CONFLICT");
    expect(direct.message).toMatch(
      /^This decision already supersedes "\d+\. .+", so .* supersession runs forward only/,
    );

    await owner.api.record.supersede({ projectId: b, successorIds: [c] });
    const through = await trpcError(
      owner.api.record.supersede({ projectId: c, successorIds: [a] }),
    );
    expect(through.code).toBe("CONFLICT");
    expect(through.message).toContain("by way of other decisions");

    // Nothing was half-written: C is still decided and supersedes only B; A only by B.
    const viewC = (await owner.api.record.get({ projectId: c })).view;
    expect(viewC.project.status).toBe("DECIDED");
    expect(viewC.supersedes.map((p) => p.id)).toEqual([b]);
    expect(viewC.supersededBy).toEqual([]);
    expect(
      (await owner.api.record.get({ projectId: a })).view.supersededBy.map((p) => p.id),
    ).toEqual([b]);
  });
});
