import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DRAFT_COMMENT_LIMIT } from "../src/services/draft/comment-draft";
import { documentTextOfUpdates } from "../src/services/draft/document-schema";
import { loadDraftDocument } from "../src/services/draft/document-store";
import { storeDraftText } from "../src/services/draft/store-draft-text";
import { trpcError, useTestDatabase } from "./helpers";
import {
  at,
  blankInput,
  castVote,
  openBlankProject,
  openDraftTeamProject,
  teamWith,
} from "./project-fixtures";

const t = useTestDatabase();

/**
 * An open project where two members prefer SQS (the recommendation) with their reasons, and a
 * team of owner, admin, two members and a viewer; a quorum of two makes the result ready.
 */
async function votedProject() {
  const setup = await openDraftTeamProject(t);
  for (const [person, reason] of [
    [setup.admin, "Nobody wants to run brokers."],
    [setup.member, "Managed means no pager."],
  ] as const) {
    for (const criterionKey of ["ops", "ordering"]) {
      await castVote(person, setup.projectId, criterionKey, {
        weight: 4,
        scores: { kafka: 2, sqs: 5 },
        rationale: criterionKey === "ops" ? reason : null,
      });
    }
  }
  return setup;
}

type Setup = Awaited<ReturnType<typeof votedProject>>;

/** Starts the draft, names the decision-makers and writes a rationale through the text store. */
async function readyDraft(s: Setup, deciders: { id: string }[]) {
  const { draftId } = await s.member.api.draft.start({ projectId: s.projectId });
  await s.member.api.draft.updateFields({
    projectId: s.projectId,
    decisionMakers: deciders.map((d) => ({ userId: d.id, name: "" })),
  });
  const { draft } = await s.member.api.draft.get({ projectId: s.projectId });
  await storeDraftText(t.db, draftId, {
    ...draft?.text,
    rationale: "it is managed, and ordering per group is enough for billing.",
    confirmation: "Billing's lag dashboard stays under a minute.",
  });
  return draftId;
}

const eventTypes = async (projectId: string) =>
  (
    await t.db.projectEvent.findMany({
      where: { projectId },
      orderBy: { id: "asc" },
      select: { type: true },
    })
  ).map((e) => e.type);

describe("starting the record draft", () => {
  it("is refused before voting opens, and names what to do", async () => {
    const setup = await teamWith(t, ["MEMBER"]);
    const { id: projectId } = await setup.owner.api.project.create(blankInput(setup.team.id));
    const error = await trpcError(at(setup.people, 1).api.draft.start({ projectId }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/once voting has opened/);
    expect(await t.db.recordDraft.count({ where: { projectId } })).toBe(0);
  });

  it("pre-fills the recommendation, the options and each reason with its author and criterion, once", async () => {
    const s = await votedProject();
    // The project page links to the draft once it exists, for every member, viewers too.
    expect((await s.viewer.api.project.get({ projectId: s.projectId })).hasDraft).toBe(false);
    const first = await s.member.api.draft.start({ projectId: s.projectId });
    expect((await s.viewer.api.project.get({ projectId: s.projectId })).hasDraft).toBe(true);
    const again = await s.member2.api.draft.start({ projectId: s.projectId });
    expect(first.created).toBe(true);
    expect(again).toEqual({ draftId: first.draftId, created: false });

    const { draft } = await s.viewer.api.draft.get({ projectId: s.projectId });
    expect(draft?.chosenOptionKey).toBe("sqs");
    expect(draft?.text.context).toBe("We need a queue.");
    // SQS scored 5 by both: their reasons are good consequences of the chosen option.
    // Each quoted reason says the score that placed it.
    expect(draft?.text.good).toContain(
      `- "Nobody wants to run brokers." (${s.admin.name} on Operational cost, scoring SQS 5 of 5)`,
    );
    expect(draft?.text.good).toContain(
      `- "Managed means no pager." (${s.member.name} on Operational cost, scoring SQS 5 of 5)`,
    );
    expect(draft?.text.bad).toBe("");
    // Every option's reasons, named for what they are, with the rule that files them stated once:
    // Kafka scored 2 by the same people is a con.
    expect(draft?.text.moreInformation).toContain("Considered options: Kafka, SQS.");
    expect(draft?.text.moreInformation).toContain(
      "## Members' reasons per option\n\nEach reason is filed under the score its author gave that option: Good for a score of 4 or more of 5, Bad for 2 or less, Neutral in between.",
    );
    expect(draft?.text.moreInformation).toContain(
      `### Kafka\n\n- Bad, because "Managed means no pager." (${s.member.name} on Operational cost, scoring Kafka 2 of 5)\n- Bad, because "Nobody wants to run brokers." (${s.admin.name} on Operational cost, scoring Kafka 2 of 5)`,
    );
    expect((await eventTypes(s.projectId)).filter((e) => e.startsWith("draft."))).toEqual([
      "draft.started",
    ]);
  });
  it("quotes an address from a vote reason bare, as the voter typed it, and as the editor keeps it", async () => {
    const setup = await openDraftTeamProject(t);
    await castVote(setup.member, setup.projectId, "ops", {
      weight: 4,
      scores: { kafka: 2, sqs: 5 },
      rationale: "See https://example.com/a_b (pricing).",
    });
    const { draftId } = await setup.member.api.draft.start({ projectId: setup.projectId });
    const { draft } = await setup.member.api.draft.get({ projectId: setup.projectId });
    const quote = `- "See https://example.com/a_b (pricing)." (${setup.member.name} on Operational cost, scoring SQS 5 of 5)`;
    expect(draft?.text.good).toBe(quote);
    // The shared document the editor opens writes the same text back.
    const doc = await loadDraftDocument(t.db, draftId);
    expect(doc && documentTextOfUpdates([doc.update]).good).toBe(quote);
  });
});

describe("blind voting", () => {
  /** A blind project with the owner's vote and reason, and a draft started while it is open. */
  async function blindDraft() {
    const setup = await openBlankProject(t, ["MEMBER"], { votingMode: "BLIND" });
    const member = at(setup.people, 1);
    await castVote(setup.owner, setup.projectId, "ops", {
      weight: 4,
      scores: { kafka: 2, sqs: 5 },
      rationale: "A secret reason.",
    });
    const { draftId } = await member.api.draft.start({ projectId: setup.projectId });
    return { ...setup, member, draftId };
  }

  it("keeps the result and everyone's reasons out of a draft started while voting is open", async () => {
    const { member, projectId } = await blindDraft();
    const { draft } = await member.api.draft.get({ projectId });
    expect(draft?.chosenOptionKey).toBeNull();
    expect(JSON.stringify(draft?.text)).not.toContain("A secret reason.");
    expect(draft?.text.moreInformation).toContain("Voting is blind until it closes");
  });

  it("fills the reasons in once the vote closes, when nobody changed what was pre-filled", async () => {
    const { owner, member, projectId } = await blindDraft();
    await owner.api.project.close({ projectId });
    const { draft } = await member.api.draft.get({ projectId });
    // The recommendation (SQS, scored 5 by the owner) becomes the chosen option, as when the
    // draft is started after the vote closed, and the consequences are that option's: never
    // one option's consequences under "Not chosen yet".
    expect(draft?.chosenOptionKey).toBe("sqs");
    expect(draft?.text.moreInformation).not.toContain("Voting is blind");
    expect(draft?.text.moreInformation).toContain(
      '- Good, because "A secret reason." (Olivia Owner on Operational cost, scoring SQS 5 of 5)',
    );
    expect(draft?.text.good).toBe(
      '- "A secret reason." (Olivia Owner on Operational cost, scoring SQS 5 of 5)',
    );
    const started = await t.db.projectEvent.findMany({
      where: { projectId, type: "draft.fields.changed" },
      select: { data: true },
    });
    expect(started.map((e) => e.data)).toEqual([
      {
        fields: ["chosenOptionKey"],
        before: { chosenOptionKey: null },
        after: { chosenOptionKey: "sqs" },
      },
    ]);
  });

  it("keeps an option chosen during the blind vote, and fills the consequences of that one", async () => {
    const { owner, member, projectId } = await blindDraft();
    await member.api.draft.updateFields({ projectId, chosenOptionKey: "kafka" });
    await owner.api.project.close({ projectId });
    const { draft } = await member.api.draft.get({ projectId });
    expect(draft?.chosenOptionKey).toBe("kafka");
    expect(draft?.text.good).toBe("");
    expect(draft?.text.bad).toBe(
      '- "A secret reason." (Olivia Owner on Operational cost, scoring Kafka 2 of 5)',
    );
  });

  it("fills them into the shared document too, for every open editor", async () => {
    const { owner, projectId, draftId } = await blindDraft();
    // Someone opened the editor: the document now holds the text.
    await loadDraftDocument(t.db, draftId);
    await owner.api.project.close({ projectId });
    const rows = await t.db.recordDraftUpdate.findMany({
      where: { draftId },
      orderBy: { id: "asc" },
      select: { update: true },
    });
    const document = documentTextOfUpdates(rows.map((r) => r.update));
    expect(document.moreInformation).toContain("A secret reason.");
    expect(document.moreInformation).not.toContain("Voting is blind");
    const { draft } = await owner.api.draft.get({ projectId });
    expect(draft?.text.moreInformation).toBe(document.moreInformation);
  });

  it("leaves a draft whose pre-filled parts someone rewrote as they wrote it", async () => {
    const { owner, member, projectId, draftId } = await blindDraft();
    await storeDraftText(t.db, draftId, { moreInformation: "Our own notes on the options." });
    await owner.api.project.close({ projectId });
    const { draft } = await member.api.draft.get({ projectId });
    expect(draft?.text.moreInformation).toBe("Our own notes on the options.");
    expect(draft?.text.good).toBe("");
  });
});

describe("the draft's fields", () => {
  it("records who changed which field; viewers read and comment only", async () => {
    const s = await votedProject();
    await s.member.api.draft.start({ projectId: s.projectId });
    await s.member.api.draft.updateFields({
      projectId: s.projectId,
      decisionMakers: [{ userId: s.owner.id, name: "" }],
      consulted: [{ name: "Security team" }],
      links: [{ label: "Spike", url: "https://example.com/spike" }],
    });
    const { draft } = await s.viewer.api.draft.get({ projectId: s.projectId });
    expect(draft?.decisionMakers).toEqual([{ userId: s.owner.id, name: "Olivia Owner" }]);
    expect(draft?.consulted).toEqual([{ name: "Security team" }]);
    expect(draft?.fieldsChangedBy).toMatchObject({
      userId: s.member.id,
      name: s.member.name,
      fields: ["decisionMakers", "consulted", "links"],
    });
    expect(await eventTypes(s.projectId)).toContain("draft.fields.changed");
    // A form sends every field: only those that differ count, and an unchanged save says nothing.
    const resaved = await s.admin.api.draft.updateFields({
      projectId: s.projectId,
      chosenOptionKey: "sqs",
      decisionMakers: [{ userId: s.owner.id, name: "" }],
      consulted: [{ name: "Security team" }],
    });
    expect(resaved.fields).toEqual([]);
    expect(
      (await eventTypes(s.projectId)).filter((e) => e === "draft.fields.changed"),
    ).toHaveLength(1);

    const denied = await trpcError(
      s.viewer.api.draft.updateFields({ projectId: s.projectId, chosenOptionKey: "kafka" }),
    );
    expect(denied.code).toBe("FORBIDDEN");
    expect((await trpcError(s.viewer.api.draft.start({ projectId: s.projectId }))).code).toBe(
      "FORBIDDEN",
    );
    await s.viewer.api.draft.comment({
      projectId: s.projectId,
      body: "Is a minute of lag fine for invoices?",
      field: "confirmation",
      quote: "under a minute",
    });
    const after = await s.member.api.draft.get({ projectId: s.projectId });
    expect(after.draft?.chosenOptionKey).toBe("sqs");
    expect(after.draft?.comments).toEqual([
      expect.objectContaining({
        body: "Is a minute of lag fine for invoices?",
        field: "confirmation",
        quote: "under a minute",
        resolved: false,
        author: { id: s.viewer.id, name: s.viewer.name },
      }),
    ]);
    const commentId = after.draft?.comments[0]?.id ?? "";
    await s.member.api.draft.resolveComment({ projectId: s.projectId, commentId });
    const resolved = await s.member.api.draft.get({ projectId: s.projectId });
    expect(resolved.draft?.comments[0]?.resolved).toBe(true);
  });

  it("takes 500 comments, lists every one, and refuses the next with what to do", async () => {
    const s = await votedProject();
    const { draftId } = await s.member.api.draft.start({ projectId: s.projectId });
    const start = Date.now() - 1_000_000;
    await t.db.recordDraftComment.createMany({
      data: Array.from({ length: DRAFT_COMMENT_LIMIT - 1 }, (_, i) => ({
        draftId,
        authorId: s.member.id,
        body: `Note ${i + 1}`,
        createdAt: new Date(start + i * 1000),
      })),
    });
    await s.viewer.api.draft.comment({ projectId: s.projectId, body: "The last one", quote: null });
    const comments = (await s.member.api.draft.get({ projectId: s.projectId })).draft?.comments;
    expect(comments).toHaveLength(DRAFT_COMMENT_LIMIT);
    expect(comments?.at(-1)?.body).toBe("The last one");

    const refused = await trpcError(
      s.member.api.draft.comment({ projectId: s.projectId, body: "One more", quote: null }),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toBe(
      "This draft already has 500 comments, the most it takes. Go on in the decision's discussion, or accept or discard the draft.",
    );
    expect(await t.db.recordDraftComment.count({ where: { draftId } })).toBe(DRAFT_COMMENT_LIMIT);
  });

  it("names only members who may review as decision-makers, and at least one", async () => {
    const s = await votedProject();
    await s.member.api.draft.start({ projectId: s.projectId });
    for (const decisionMakers of [
      [{ userId: s.viewer.id, name: "" }],
      [{ name: "Someone outside" }],
      [],
    ]) {
      const error = await trpcError(
        s.member.api.draft.updateFields({ projectId: s.projectId, decisionMakers }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/decision-maker/i);
    }
    const { draft } = await s.member.api.draft.get({ projectId: s.projectId });
    expect(draft?.decisionMakers).toEqual([]);
  });
});

describe("reviews", () => {
  it("lets only a named decision-maker review; an edit makes the approval stale, once per burst", async () => {
    const s = await votedProject();
    const draftId = await readyDraft(s, [s.owner]);
    const notNamed = await trpcError(
      s.member.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" }),
    );
    expect(notNamed.code).toBe("FORBIDDEN");
    expect(notNamed.message).toMatch(/named decision-makers/);

    await s.owner.api.draft.review({
      projectId: s.projectId,
      verdict: "APPROVED",
      comment: "Ship it.",
    });
    let { draft } = await s.member.api.draft.get({ projectId: s.projectId });
    expect(draft?.reviews).toEqual([
      expect.objectContaining({ userId: s.owner.id, verdict: "APPROVED", stale: false }),
    ]);
    expect(draft?.approval).toMatchObject({ met: true, approved: 1, total: 1 });

    // Storing the same Markdown changes nothing.
    const same = await storeDraftText(t.db, draftId, draft?.text ?? {});
    expect(same.changed).toBe(false);

    // Two edits in a row: the approval is stale after the first, and the history says so once.
    await storeDraftText(t.db, draftId, { rationale: "It is managed." });
    await storeDraftText(t.db, draftId, { rationale: "It is managed, and cheap." });
    ({ draft } = await s.member.api.draft.get({ projectId: s.projectId }));
    expect(draft?.reviews[0]?.stale).toBe(true);
    expect(draft?.approval).toMatchObject({ met: false, approved: 0 });
    expect(draft?.approval.summary).toBe("0 of 1 decision-maker approved; needs their approval.");
    const types = await eventTypes(s.projectId);
    expect(types.filter((e) => e === "draft.review.stale")).toHaveLength(1);
    expect(types.filter((e) => e === "draft.review.given")).toHaveLength(1);

    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    ({ draft } = await s.member.api.draft.get({ projectId: s.projectId }));
    expect(draft?.reviews[0]?.stale).toBe(false);
    expect(draft?.approval.met).toBe(true);
  });

  it("turns approvals stale when the chosen option or the decision-makers change, and an earlier list does not bring them back", async () => {
    const s = await votedProject();
    await readyDraft(s, [s.owner, s.admin]);
    await s.member.api.draft.updateFields({ projectId: s.projectId, chosenOptionKey: "sqs" });
    for (const reviewer of [s.owner, s.admin]) {
      await reviewer.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    }
    let { draft } = await s.member.api.draft.get({ projectId: s.projectId });
    expect(draft?.approval).toMatchObject({ met: true, approved: 2 });

    // The option they approved is no longer the one the record would name.
    await s.member.api.draft.updateFields({ projectId: s.projectId, chosenOptionKey: "kafka" });
    ({ draft } = await s.member.api.draft.get({ projectId: s.projectId }));
    expect(draft?.reviews.map((r) => r.stale)).toEqual([true, true]);
    expect(draft?.approval.summary).toBe("0 of 2 decision-makers approved; needs all.");
    const refused = await trpcError(
      s.member.api.draft.accept({ projectId: s.projectId, justification: "Ordering matters." }),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(await t.db.decisionRecord.count({ where: { projectId: s.projectId } })).toBe(0);
    const stale = await t.db.projectEvent.findMany({
      where: { projectId: s.projectId, type: "draft.review.stale" },
      select: { data: true, actorId: true },
    });
    expect(stale).toHaveLength(1);
    expect(stale[0]?.actorId).toBe(s.member.id);

    // Both approve again; the creator cuts the list to one and a member puts it back: the
    // approvals do not return.
    for (const reviewer of [s.owner, s.admin]) {
      await reviewer.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    }
    await s.owner.api.draft.updateFields({
      projectId: s.projectId,
      decisionMakers: [{ userId: s.owner.id, name: "" }],
    });
    await s.member.api.draft.updateFields({
      projectId: s.projectId,
      decisionMakers: [s.owner, s.admin].map((p) => ({ userId: p.id, name: "" })),
    });
    ({ draft } = await s.member.api.draft.get({ projectId: s.projectId }));
    expect(draft?.approval).toMatchObject({ met: false, approved: 0, total: 2 });
  });

  it("lets a member name others but not themselves; the decision's creator and admins may", async () => {
    const s = await votedProject();
    await s.member.api.draft.start({ projectId: s.projectId });
    const self = await trpcError(
      s.member.api.draft.updateFields({
        projectId: s.projectId,
        decisionMakers: [{ userId: s.member.id, name: "" }],
      }),
    );
    expect(self.code).toBe("FORBIDDEN");
    expect(self.message).toBe(
      "You cannot name yourself a decision-maker: the decision's creator or a team admin can. Name others, or ask one of them.",
    );
    let { draft } = await s.member.api.draft.get({ projectId: s.projectId });
    expect(draft?.decisionMakers).toEqual([]);

    // The owner (who created the decision) names themselves and the member; the member may then
    // keep themselves on the list while adding others (removing them is the creator's or an
    // admin's: draft-decision-makers.integration.test.ts).
    await s.owner.api.draft.updateFields({
      projectId: s.projectId,
      decisionMakers: [s.owner, s.member].map((p) => ({ userId: p.id, name: "" })),
    });
    await s.member.api.draft.updateFields({
      projectId: s.projectId,
      decisionMakers: [s.owner, s.member, s.admin].map((p) => ({ userId: p.id, name: "" })),
    });
    await s.admin.api.draft.updateFields({
      projectId: s.projectId,
      decisionMakers: [s.admin].map((p) => ({ userId: p.id, name: "" })),
    });
    ({ draft } = await s.member.api.draft.get({ projectId: s.projectId }));
    expect(draft?.decisionMakers.map((p) => p.userId)).toEqual([s.admin.id]);
  });

  it("does not count a decision-maker made a viewer or removed from the team, and names them", async () => {
    const s = await votedProject();
    await readyDraft(s, [s.owner, s.member2]);
    for (const reviewer of [s.owner, s.member2]) {
      await reviewer.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    }
    let { draft } = await s.member.api.draft.get({ projectId: s.projectId });
    expect(draft?.approval.met).toBe(true);
    const member2Name = draft?.decisionMakers.find((p) => p.userId === s.member2.id)?.name;

    await s.owner.api.member.changeRole({
      teamId: s.team.id,
      userId: s.member2.id,
      role: "VIEWER",
    });
    ({ draft } = await s.member.api.draft.get({ projectId: s.projectId }));
    expect(draft?.approval).toMatchObject({ met: false, approved: 1, total: 2 });
    expect(draft?.approval.summary).toBe(
      `1 of 2 decision-makers approved; needs all. ${member2Name} can no longer review (not a member of the team, or a viewer): change the decision-makers.`,
    );
    const refused = await trpcError(s.member.api.draft.accept({ projectId: s.projectId }));
    expect(refused.code).toBe("PRECONDITION_FAILED");

    await s.owner.api.member.remove({ teamId: s.team.id, userId: s.member2.id });
    ({ draft } = await s.member.api.draft.get({ projectId: s.projectId }));
    expect(draft?.approval).toMatchObject({ met: false, approved: 1, total: 2 });
  });

  it("needs every decision-maker under ALL, and a majority once an admin chooses MAJORITY", async () => {
    const s = await votedProject();
    await readyDraft(s, [s.owner, s.admin, s.member2]);
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    await s.admin.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    await s.member2.api.draft.review({
      projectId: s.projectId,
      verdict: "CHANGES_REQUESTED",
      comment: "Say what happens to the old events.",
    });
    let { draft } = await s.member.api.draft.get({ projectId: s.projectId });
    expect(draft?.approval.summary).toBe("2 of 3 decision-makers approved; needs all.");
    expect(draft?.approval.met).toBe(false);
    const refused = await trpcError(s.member.api.draft.accept({ projectId: s.projectId }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/2 of 3 decision-makers approved; needs all/);

    const notAdmin = await trpcError(
      s.member.api.draft.setApprovalRule({ projectId: s.projectId, approvalRule: "MAJORITY" }),
    );
    expect(notAdmin.code).toBe("FORBIDDEN");
    await s.admin.api.draft.setApprovalRule({ projectId: s.projectId, approvalRule: "MAJORITY" });
    ({ draft } = await s.member.api.draft.get({ projectId: s.projectId }));
    expect(draft?.approval.summary).toBe("2 of 3 decision-makers approved; needs a majority (2).");
    expect(draft?.approval.met).toBe(true);

    const accepted = await s.member.api.draft.accept({ projectId: s.projectId });
    expect(accepted).toMatchObject({ revision: 1, overridden: false });
  });
});

describe("accepting the draft", () => {
  it("says what is missing when the approved draft cannot make a record", async () => {
    const s = await votedProject();
    const draftId = await readyDraft(s, [s.owner]);
    await storeDraftText(t.db, draftId, { rationale: "  " });
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    const error = await trpcError(s.member.api.draft.accept({ projectId: s.projectId }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("The draft is not ready to accept. Rationale: Write the rationale.");
    expect(await t.db.decisionRecord.count({ where: { projectId: s.projectId } })).toBe(0);
    const project = await t.db.project.findUniqueOrThrow({ where: { id: s.projectId } });
    expect(project.status).toBe("OPEN");
  });

  it("closes voting and writes revision 1 exactly as approved; the draft is read-only after", async () => {
    const s = await votedProject();
    const draftId = await readyDraft(s, [s.owner]);
    await storeDraftText(t.db, draftId, {
      good: "- No brokers to run.\n- Scales\n  without tuning.",
      neutral: "Costs grow with traffic.",
      bad: "* Vendor lock-in.",
    });
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    await s.member.api.draft.accept({ projectId: s.projectId });

    const project = await t.db.project.findUniqueOrThrow({ where: { id: s.projectId } });
    expect(project.status).toBe("DECIDED");
    expect(project.closedAt).not.toBeNull();
    const record = await t.db.decisionRecord.findUniqueOrThrow({
      where: { projectId: s.projectId },
      include: { revisions: true },
    });
    expect(record).toMatchObject({
      chosenOptionKey: "sqs",
      rationale: "it is managed, and ordering per group is enough for billing.",
      consequences: {
        good: ["No brokers to run.", "Scales without tuning."],
        neutral: ["Costs grow with traffic."],
        bad: ["Vendor lock-in."],
      },
      confirmation: "Billing's lag dashboard stays under a minute.",
      context: "We need a queue.",
      decisionMakers: [{ userId: s.owner.id, name: "Olivia Owner" }],
    });
    expect(record.moreInformation).toContain("## Members' reasons per option");
    // Its MADR export has one section of pros and cons; the draft's reasons sit under More
    // Information, named for what they are.
    const madr = (await s.member.api.export.file({ projectId: s.projectId, format: "madr" }))
      .content;
    expect(madr.split("\n").filter((l) => /^#+ .*pros and cons/i.test(l))).toEqual([
      "## Pros and Cons of the Options",
    ]);
    expect(madr).toContain("\n### Members' reasons per option\n");
    expect(record.revisions).toHaveLength(1);
    expect(record.revisions[0]).toMatchObject({ revision: 1, authorId: s.member.id });
    // The coverage the outcome rested on is kept, as when recording from the form.
    expect(record.coverage).toMatchObject({ counted: 2, total: 2, voted: 2 });

    const types = await eventTypes(s.projectId);
    expect(types.slice(-3)).toEqual(["status.changed", "decision.recorded", "draft.accepted"]);
    expect(types).not.toContain("draft.overridden");

    const { draft } = await s.member.api.draft.get({ projectId: s.projectId });
    expect(draft?.status).toBe("ACCEPTED");
    const late = await trpcError(
      s.member.api.draft.updateFields({ projectId: s.projectId, chosenOptionKey: "kafka" }),
    );
    expect(late.code).toBe("CONFLICT");
    await expect(storeDraftText(t.db, draftId, { rationale: "Changed later." })).rejects.toThrow(
      /read-only/,
    );
    expect(
      (await t.db.decisionRecord.findUniqueOrThrow({ where: { projectId: s.projectId } }))
        .rationale,
    ).toBe("it is managed, and ordering per group is enough for billing.");
  });

  it("tells the page before acceptance that the result is provisional and whose ballots are unfinished; the server still refuses without the confirmation", async () => {
    const s = await openDraftTeamProject(t);
    // The member completes their ballot, the admin scores one criterion of two: provisional
    // (one complete ballot, quorum 2), and three voters have not finished.
    for (const criterionKey of ["ops", "ordering"]) {
      await castVote(s.member, s.projectId, criterionKey, {
        weight: 4,
        scores: { kafka: 2, sqs: 5 },
      });
    }
    await castVote(s.admin, s.projectId, "ops", { weight: 4, scores: { kafka: 2, sqs: 5 } });
    await readyDraft(s, [s.owner]);
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });

    const { draft } = await s.owner.api.draft.get({ projectId: s.projectId });
    expect(draft?.approval.met).toBe(true);
    expect(draft?.acceptance).toEqual({
      provisional:
        "Based on 2 of 2 criteria (100% of the weight) and 1 of 4 complete ballots (quorum 2: not met).",
      closesVoting: true,
      criteriaCount: 2,
      unfinished: [
        { name: "Olivia Owner", doneCriteria: 0 },
        { name: s.admin.name, doneCriteria: 1 },
        { name: s.member2.name, doneCriteria: 0 },
      ],
      needsJustification: false,
    });
    // Choosing against the recommendation (SQS) says a reason is needed, before any click.
    await s.member.api.draft.updateFields({ projectId: s.projectId, chosenOptionKey: "kafka" });
    const against = await s.owner.api.draft.get({ projectId: s.projectId });
    expect(against.draft?.acceptance?.needsJustification).toBe(true);
    await s.member.api.draft.updateFields({ projectId: s.projectId, chosenOptionKey: "sqs" });
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });

    // The server's refusal stays the guard: no confirmation, no record.
    const refused = await trpcError(s.owner.api.draft.accept({ projectId: s.projectId }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    await s.owner.api.draft.accept({ projectId: s.projectId, confirmProvisional: true });
    const after = await s.owner.api.draft.get({ projectId: s.projectId });
    expect(after.draft?.status).toBe("ACCEPTED");
    expect(after.draft?.acceptance).toBeNull();
  });

  it("lets an owner or admin accept without the approvals only with a written reason, kept in the exports", async () => {
    const s = await votedProject();
    await readyDraft(s, [s.owner, s.member2]);
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });

    const noReason = await trpcError(s.admin.api.draft.accept({ projectId: s.projectId }));
    expect(noReason.code).toBe("PRECONDITION_FAILED");
    expect(noReason.message).toMatch(/write why/);
    const member = await trpcError(
      s.member.api.draft.accept({ projectId: s.projectId, overrideReason: "I say so." }),
    );
    expect(member.code).toBe("PRECONDITION_FAILED");
    expect(member.message).toMatch(/an owner or admin may accept/);
    expect(await t.db.decisionRecord.count({ where: { projectId: s.projectId } })).toBe(0);

    const reason = "Member 3 is on leave until March; the migration cannot wait.";
    const accepted = await s.admin.api.draft.accept({
      projectId: s.projectId,
      overrideReason: reason,
    });
    expect(accepted.overridden).toBe(true);
    const draft = await t.db.recordDraft.findUniqueOrThrow({ where: { projectId: s.projectId } });
    expect(draft.overrideReason).toBe(reason);
    const types = await eventTypes(s.projectId);
    expect(types.slice(-2)).toEqual(["draft.accepted", "draft.overridden"]);

    for (const format of ["madr", "log4brains", "nygard"] as const) {
      const file = await s.viewer.api.export.file({ projectId: s.projectId, format });
      expect(file.content).toContain("Member 3 is on leave until March");
    }
    const madr = await s.viewer.api.export.file({ projectId: s.projectId, format: "madr" });
    const front = parse(madr.content.split("---\n")[1] ?? "");
    expect(front["accepted-without-approval"]).toBe(reason);
  });
});

describe("exports and share links", () => {
  it("list who approved when in MADR's front matter (valid YAML) and every Markdown format", async () => {
    const s = await votedProject();
    await readyDraft(s, [s.owner, s.admin]);
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    await s.admin.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    await s.member.api.draft.accept({ projectId: s.projectId });
    const today = new Date().toISOString().slice(0, 10);

    const madr = await s.member.api.export.file({ projectId: s.projectId, format: "madr" });
    const front = parse(madr.content.split("---\n")[1] ?? "");
    expect(front["decision-makers"]).toEqual(["Olivia Owner", s.admin.name]);
    expect(front.approvals).toEqual([
      { name: "Olivia Owner", date: today, revision: 1 },
      { name: s.admin.name, date: today, revision: 1 },
    ]);
    const line = `Approved by Olivia Owner (${today}), ${s.admin.name} (${today}).`;
    expect(madr.content).toContain(line);
    for (const format of ["log4brains", "nygard"] as const) {
      const file = await s.member.api.export.file({ projectId: s.projectId, format });
      expect(file.content).toContain(line);
    }
    expect(madr.content).not.toContain("accepted-without-approval");
  });

  it("says a revised record's approvals were for the revision approved, and names who revised it", async () => {
    const s = await votedProject();
    await readyDraft(s, [s.owner]);
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    await s.member.api.draft.accept({ projectId: s.projectId });
    const today = new Date().toISOString().slice(0, 10);
    const d = (await s.member.api.record.get({ projectId: s.projectId })).view.decision;
    if (!d) throw new Error("The draft's acceptance recorded no decision.");
    const { chosenOptionKey, justification, consequences, decisionMakers, consulted, informed } = d;
    await s.admin.api.record.revise({
      projectId: s.projectId,
      ...{ chosenOptionKey, justification, consequences, decisionMakers, consulted, informed },
      confirmation: d.confirmation,
      links: d.links,
      reviewDate: d.reviewDate?.slice(0, 10) ?? null,
      rationale: "The admin's own reasoning, never reviewed by the owner.",
      note: "My own reasoning",
    });

    const { view } = await s.viewer.api.record.get({ projectId: s.projectId });
    expect(view.decision?.approvals).toEqual([
      { name: "Olivia Owner", at: expect.any(String), revision: 1 },
    ]);
    expect(view.decision?.revisedBy).toEqual({ name: s.admin.name, at: expect.any(String) });
    const approved = `Approved by Olivia Owner (${today}) for revision 1; revision 2 by ${s.admin.name} (${today}) was not reviewed.`;
    const recorded = `Recorded by ${s.member.name} on ${today}; revision 2 by ${s.admin.name} on ${today}.`;
    const madr = await s.viewer.api.export.file({ projectId: s.projectId, format: "madr" });
    const front = parse(madr.content.split("---\n")[1] ?? "");
    expect(front.approvals).toEqual([{ name: "Olivia Owner", date: today, revision: 1 }]);
    expect(madr.content).toContain(approved);
    expect(madr.content).toContain(recorded);
    expect(madr.content).not.toMatch(/Approved by Olivia Owner \([0-9-]+\)\./);
    for (const format of ["log4brains", "nygard"] as const) {
      const file = await s.viewer.api.export.file({ projectId: s.projectId, format });
      expect(file.content).toContain(approved);
    }
    const json = JSON.parse(
      (await s.viewer.api.export.file({ projectId: s.projectId, format: "json" })).content,
    );
    expect(json.decision.approvals).toEqual([
      { name: "Olivia Owner", at: expect.any(String), revision: 1 },
    ]);
    expect(json.decision.revisedBy.name).toBe(s.admin.name);
  });

  it("keeps the draft out of share links until accepted, unless the sharer chose to show it", async () => {
    const s = await votedProject();
    await readyDraft(s, [s.owner]);
    const link = await s.owner.api.share.create({ projectId: s.projectId });
    const anonymous = t.callerAs(null);
    expect((await anonymous.share.view({ token: link.token })).recordDraft).toBeNull();

    const denied = await trpcError(
      s.member.api.draft.setSharing({ projectId: s.projectId, sharedBeforeAcceptance: true }),
    );
    expect(denied.code).toBe("FORBIDDEN");
    await s.owner.api.draft.setSharing({ projectId: s.projectId, sharedBeforeAcceptance: true });
    const shared = await anonymous.share.view({ token: link.token });
    expect(shared.recordDraft?.text.rationale).toBe(
      "it is managed, and ordering per group is enough for billing.",
    );
    expect(shared.recordDraft?.decisionMakers).toEqual([{ name: "Olivia Owner" }]);
    expect(JSON.stringify(shared.recordDraft)).not.toContain(s.owner.id);
  });
});
