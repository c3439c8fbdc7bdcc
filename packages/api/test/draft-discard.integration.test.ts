import { describe, expect, it } from "vitest";
import { storeDraftText } from "../src/services/draft/store-draft-text";
import { trpcError, useTestDatabase } from "./helpers";
import { at, castOnBothCriteria, openBlankProject, openDraftTeamProject } from "./project-fixtures";

const t = useTestDatabase();

/**
 * An open project of the owner's, with an admin, two members and a viewer; both members prefer
 * SQS, so the result is ready (quorum 2) and the form records without a confirmation.
 */
async function votedProject() {
  const setup = await openDraftTeamProject(t);
  for (const person of [setup.member, setup.member2]) {
    await castOnBothCriteria(person, setup.projectId, { weight: 4, scores: { kafka: 2, sqs: 5 } });
  }
  return setup;
}

type Setup = Awaited<ReturnType<typeof votedProject>>;

const formInput = (projectId: string) => ({
  projectId,
  chosenOptionKey: "sqs",
  rationale: "it is managed.",
  consequences: { good: ["No brokers."], neutral: [], bad: [] },
  decisionMakers: [{ name: "Olivia Owner" }],
});

/** A started draft with text the co-authors wrote. */
async function draftWithText(s: Setup) {
  const { draftId } = await s.member.api.draft.start({ projectId: s.projectId });
  await storeDraftText(t.db, draftId, { rationale: "Written together by the team." });
  return draftId;
}

const eventsOf = (projectId: string) =>
  t.db.projectEvent.findMany({
    where: { projectId },
    orderBy: { id: "asc" },
    select: { type: true, actorId: true, data: true },
  });

describe("recording from the form while a shared draft is open", () => {
  it("is refused, naming the open draft and what to do, and changes nothing", async () => {
    const s = await votedProject();
    await draftWithText(s);
    const error = await trpcError(s.owner.api.record.decide(formInput(s.projectId)));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      `The team is writing this record in a shared draft (started by ${s.member.name} on ${new Date().toISOString().slice(0, 10)}). Accept that draft on its page to record the decision, or discard the draft there first to record from this form.`,
    );
    const project = await t.db.project.findUniqueOrThrow({ where: { id: s.projectId } });
    expect(project.status).toBe("OPEN");
    expect(await t.db.decisionRecord.count({ where: { projectId: s.projectId } })).toBe(0);
    const { draft } = await s.member.api.draft.get({ projectId: s.projectId });
    expect(draft?.status).toBe("PROPOSED");
    expect(draft?.text.rationale).toBe("Written together by the team.");
  });

  it("is refused on a project closed earlier too, while its draft is open", async () => {
    const s = await votedProject();
    await draftWithText(s);
    await s.owner.api.project.close({ projectId: s.projectId });
    const error = await trpcError(s.owner.api.record.decide(formInput(s.projectId)));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/shared draft/);
  });
});

describe("discarding the draft", () => {
  it("is for the project's creator or an owner or admin; members and viewers are refused", async () => {
    const s = await votedProject();
    await draftWithText(s);
    for (const person of [s.member, s.member2, s.viewer]) {
      const error = await trpcError(person.api.draft.discard({ projectId: s.projectId }));
      expect(error.code).toBe("FORBIDDEN");
    }
    const { draft } = await s.member.api.draft.get({ projectId: s.projectId });
    expect(draft?.status).toBe("PROPOSED");
    // The draft page offers it to whom it is for.
    expect((await s.admin.api.draft.get({ projectId: s.projectId })).viewer.canManage).toBe(true);
    expect((await s.member.api.draft.get({ projectId: s.projectId })).viewer.canManage).toBe(false);
    await s.admin.api.draft.discard({ projectId: s.projectId });
    expect((await s.member.api.draft.get({ projectId: s.projectId })).draft?.status).toBe(
      "DISCARDED",
    );
  });

  it("lets a member who created the project discard its draft", async () => {
    const s = await openBlankProject(t, ["MEMBER"]);
    const creator = at(s.people, 1);
    const { id: projectId } = await creator.api.project.create({
      teamId: s.team.id,
      title: "Which cache?",
      options: [
        { key: "redis", name: "Redis" },
        { key: "memcached", name: "Memcached" },
      ],
      criteria: [{ key: "ops", name: "Operations", defaultWeight: 3 }],
    });
    await creator.api.project.open({ projectId });
    await creator.api.draft.start({ projectId });
    await creator.api.draft.discard({ projectId });
    expect((await creator.api.draft.get({ projectId })).draft?.status).toBe("DISCARDED");
  });

  it("records who discarded it, leaves nothing editable, and says so on the draft page", async () => {
    const s = await votedProject();
    const draftId = await draftWithText(s);
    const comment = await s.member.api.draft.comment({
      projectId: s.projectId,
      body: "Is ordering enough?",
      quote: null,
    });
    await s.owner.api.draft.discard({ projectId: s.projectId });

    // Neither the live document's store nor a comment's state changes a discarded draft.
    await expect(
      storeDraftText(t.db, draftId, { rationale: "Typed a second late." }),
    ).rejects.toThrow("This draft was discarded: its text is read-only now.");
    const resolve = await trpcError(
      s.member.api.draft.resolveComment({
        projectId: s.projectId,
        commentId: comment.id,
        resolved: true,
      }),
    );
    expect(resolve.message).toBe("Comment was not found, or its draft was discarded.");

    const events = await eventsOf(s.projectId);
    expect(events.at(-1)).toMatchObject({
      type: "draft.discarded",
      actorId: s.owner.id,
      data: { textVersion: 1 },
    });
    const { draft } = await s.member.api.draft.get({ projectId: s.projectId });
    expect(draft).toMatchObject({
      status: "DISCARDED",
      discardedBy: "Olivia Owner",
      text: { rationale: "Written together by the team." },
    });
    expect(draft?.discardedAt).not.toBeNull();

    const refusals = await Promise.all([
      trpcError(
        s.member.api.draft.updateFields({ projectId: s.projectId, chosenOptionKey: "kafka" }),
      ),
      trpcError(
        s.member.api.draft.comment({ projectId: s.projectId, body: "Still here?", quote: null }),
      ),
      trpcError(s.member.api.draft.accept({ projectId: s.projectId, confirmProvisional: true })),
      trpcError(s.owner.api.draft.discard({ projectId: s.projectId })),
    ]);
    for (const error of refusals) expect(error.code).toBe("CONFLICT");
    expect(refusals[0]?.message).toMatch(/discarded: it is read-only/);
    expect(refusals[3]?.message).toBe("This draft was already discarded.");
  });

  it("lets the form record the decision afterwards", async () => {
    const s = await votedProject();
    await draftWithText(s);
    await s.owner.api.draft.discard({ projectId: s.projectId });
    await s.owner.api.record.decide(formInput(s.projectId));
    const project = await t.db.project.findUniqueOrThrow({ where: { id: s.projectId } });
    expect(project.status).toBe("DECIDED");
    const record = await t.db.decisionRecord.findUniqueOrThrow({
      where: { projectId: s.projectId },
    });
    expect(record.rationale).toBe("it is managed.");
    // The discarded draft stays read-only beside the record; starting a draft again is refused.
    const { draft } = await s.member.api.draft.get({ projectId: s.projectId });
    expect(draft?.status).toBe("DISCARDED");
    const again = await trpcError(s.member.api.draft.start({ projectId: s.projectId }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already recorded/);
  });

  it("lets the team start a new draft, pre-filled afresh, that records as usual", async () => {
    const s = await votedProject();
    const oldId = await draftWithText(s);
    await s.owner.api.draft.discard({ projectId: s.projectId });
    const started = await s.member2.api.draft.start({ projectId: s.projectId });
    expect(started.created).toBe(true);
    expect(started.draftId).not.toBe(oldId);
    const { draft } = await s.member2.api.draft.get({ projectId: s.projectId });
    expect(draft).toMatchObject({
      status: "PROPOSED",
      startedBy: s.member2.name,
      discardedAt: null,
      discardedBy: null,
      text: { rationale: "", context: "We need a queue." },
    });
    expect(
      (await eventsOf(s.projectId)).map((e) => e.type).filter((x) => x.startsWith("draft.")),
    ).toEqual(["draft.started", "draft.discarded", "draft.started"]);
    // The new draft is the team's record in progress again: the form is refused ...
    expect((await trpcError(s.owner.api.record.decide(formInput(s.projectId)))).code).toBe(
      "CONFLICT",
    );
    // ... and accepting it records the decision as before.
    await s.member2.api.draft.updateFields({
      projectId: s.projectId,
      decisionMakers: [{ userId: s.owner.id, name: "" }],
    });
    await storeDraftText(t.db, started.draftId, { rationale: "it is managed, in the new draft." });
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    await s.member2.api.draft.accept({ projectId: s.projectId });
    const record = await t.db.decisionRecord.findUniqueOrThrow({
      where: { projectId: s.projectId },
    });
    expect(record.rationale).toBe("it is managed, in the new draft.");
  });

  it("refuses an accepted draft: it is the record", async () => {
    const s = await votedProject();
    const draftId = await draftWithText(s);
    await s.member.api.draft.updateFields({
      projectId: s.projectId,
      decisionMakers: [{ userId: s.owner.id, name: "" }],
    });
    await storeDraftText(t.db, draftId, { rationale: "it is managed." });
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    await s.member.api.draft.accept({ projectId: s.projectId });
    const error = await trpcError(s.owner.api.draft.discard({ projectId: s.projectId }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/accepted: it is the decision's record now/);
    expect((await s.member.api.draft.get({ projectId: s.projectId })).draft?.status).toBe(
      "ACCEPTED",
    );
  });

  it("says when there is no draft to discard", async () => {
    const s = await votedProject();
    const error = await trpcError(s.owner.api.draft.discard({ projectId: s.projectId }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("This decision has no record draft to discard.");
  });
});
