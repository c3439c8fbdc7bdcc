import { describe, expect, it } from "vitest";
import { storeDraftText } from "../src/services/draft/store-draft-text";
import { trpcError, useTestDatabase } from "./helpers";
import { allPreferSqs, at, castVote, openBlankProject } from "./project-fixtures";

const t = useTestDatabase();

/** What the blind coverage says instead of the weight share. */
const SHARE_LATER = "their share of the weight shows once the blind vote closes";

/**
 * An open blind project (two criteria of default weight 3) where only the member has voted, on
 * one criterion with importance 5: the counted criterion's weight share would be 5 / (5 + 3),
 * 62%, a figure that moves with the member's importance alone.
 */
async function blindWithOneVoter() {
  const setup = await openBlankProject(t, ["MEMBER", "VIEWER"], { votingMode: "BLIND" });
  const member = at(setup.people, 1);
  const viewer = at(setup.people, 2);
  await castVote(member, setup.projectId, "ops", {
    weight: 5,
    scores: { kafka: 1, sqs: 5 },
    rationale: "Nobody wants to run brokers.",
  });
  return { ...setup, member, viewer };
}

/**
 * An open blind project where the owner and the member both scored SQS higher on both
 * criteria: every ballot complete, the hidden recommendation SQS and ready.
 */
async function blindAllVoted() {
  const setup = await openBlankProject(t, ["MEMBER"], { votingMode: "BLIND" });
  const member = at(setup.people, 1);
  await allPreferSqs([setup.owner, member], setup.projectId);
  return { ...setup, member };
}

const fields = {
  rationale: "we already run it for analytics.",
  consequences: { good: ["One broker to run."], neutral: [], bad: [] },
};

describe("a blind project's coverage while it is open", () => {
  it("gives the counts of criteria and ballots, never the weight share that follows a member's importance", async () => {
    const { owner, member, viewer, projectId } = await blindWithOneVoter();
    for (const who of [owner, member, viewer]) {
      const view = await who.api.project.recommendation({ projectId });
      expect(view.coverage).toEqual({ counted: 1, total: 2, weightShare: null });
      const { view: record } = await who.api.record.get({ projectId });
      expect(record.coverage).toEqual({ counted: 1, total: 2, weightShare: null });
    }

    const json = JSON.parse((await owner.api.export.file({ projectId, format: "json" })).content);
    expect(json.coverage).toEqual({ counted: 1, total: 2, weightShare: null });
    for (const format of ["madr", "log4brains", "nygard"] as const) {
      const { content } = await viewer.api.export.file({ projectId, format });
      expect(content).toContain(
        `Provisional: based on 1 of 2 criteria (${SHARE_LATER}) and 0 of 2 complete ballots`,
      );
      expect(content).not.toMatch(/of the weight\)|62%/);
    }

    // The refusal to record on a provisional result words the coverage the same way.
    const refused = await trpcError(
      owner.api.record.decide({ projectId, chosenOptionKey: "sqs", ...fields }),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain(`(${SHARE_LATER})`);
    expect(refused.message).not.toContain("%");

    // Once closed, the share is everyone's to read.
    await owner.api.project.close({ projectId });
    const after = await viewer.api.project.recommendation({ projectId });
    expect(after.coverage).toEqual({ counted: 1, total: 2, weightShare: 5 / 8 });
    const madr = await viewer.api.export.file({ projectId, format: "madr" });
    expect(madr.content).toContain("Provisional: based on 1 of 2 criteria (62% of the weight)");
  });
});

describe("recording a blind project that is still open", () => {
  it("takes any option without asking why, so no refusal tells which option leads", async () => {
    const { owner, projectId } = await blindAllVoted();
    // Kafka is not the hidden recommendation: recording it is not refused, and closes the vote.
    await owner.api.record.decide({ projectId, chosenOptionKey: "kafka", ...fields });
    const project = await t.db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project.status).toBe("DECIDED");
    const { view } = await owner.api.record.get({ projectId });
    // Now closed, the record says what the team recommended; a reason can follow in a revision.
    expect(view.result?.winner).toBe("sqs");
    expect(view.decision).toMatchObject({
      chosenOptionKey: "kafka",
      recommendedKey: "sqs",
      justification: null,
    });

    // A revision is made with the recommendation public: going against it needs the reason.
    const revise = { projectId, chosenOptionKey: "kafka", ...fields, note: "Add the reason." };
    const refused = await trpcError(owner.api.record.revise(revise));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/say why/);
    await owner.api.record.revise({ ...revise, justification: "Analytics runs on it already." });
    const revised = await owner.api.record.get({ projectId });
    expect(revised.view.decision?.justification).toBe("Analytics runs on it already.");
  });

  it("keeps a reason given beforehand when the choice turns out to go against the recommendation", async () => {
    const { owner, projectId } = await blindAllVoted();
    await owner.api.record.decide({
      projectId,
      chosenOptionKey: "kafka",
      justification: "Analytics runs on it already.",
      ...fields,
    });
    const { view } = await owner.api.record.get({ projectId });
    expect(view.decision).toMatchObject({
      chosenOptionKey: "kafka",
      recommendedKey: "sqs",
      justification: "Analytics runs on it already.",
    });
    const madr = await owner.api.export.file({ projectId, format: "madr" });
    expect(madr.content).toContain(
      `The team's recommendation was "SQS"; the team chose otherwise because Analytics runs on it already.`,
    );
  });

  it("accepts a shared draft for any option alike, without asking why", async () => {
    const { owner, member, projectId } = await blindAllVoted();
    const { draftId } = await member.api.draft.start({ projectId });
    await member.api.draft.updateFields({
      projectId,
      chosenOptionKey: "kafka",
      decisionMakers: [{ userId: owner.id, name: "" }],
    });
    const { draft } = await member.api.draft.get({ projectId });
    await storeDraftText(t.db, draftId, { ...draft?.text, rationale: fields.rationale });
    await owner.api.draft.review({ projectId, verdict: "APPROVED" });
    await member.api.draft.accept({ projectId });
    const { view } = await owner.api.record.get({ projectId });
    expect(view.project.status).toBe("DECIDED");
    expect(view.decision).toMatchObject({ chosenOptionKey: "kafka", recommendedKey: "sqs" });
  });
});

describe("a blind project's MADR export while it is open", () => {
  it("says the team's scores are hidden until the close, not that nobody scored", async () => {
    const { owner, projectId } = await blindWithOneVoter();
    for (const format of ["madr", "log4brains"] as const) {
      const { content } = await owner.api.export.file({ projectId, format });
      const prosAndCons = content.slice(content.indexOf("## Pros and Cons of the Options"));
      expect(prosAndCons).not.toContain("nobody has scored");
      expect(prosAndCons).toContain("The team's scores stay hidden until this blind vote closes.");
      // Neither a score nor the member's reason shows.
      expect(prosAndCons).not.toMatch(/scores it|Nobody wants to run brokers/);
    }
  });
});

describe("a blind project's votes CSV while it is open", () => {
  it("is refused, saying the votes are hidden until the close, not a file that reads as no votes", async () => {
    const { owner, projectId } = await blindWithOneVoter();
    const refused = await trpcError(owner.api.export.file({ projectId, format: "csv" }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toBe(
      "This blind vote is still open: everyone's votes stay hidden until it closes, so a votes CSV would have no rows. Download it once voting is closed; the history CSV and the other formats show what can be seen now.",
    );
    // The history CSV still downloads, its votes redacted.
    const events = await owner.api.export.file({ projectId, format: "csv", table: "events" });
    expect(events.content).not.toContain("Nobody wants to run brokers.");
    // Once the vote closes, the votes are in the file.
    await owner.api.project.close({ projectId });
    const votes = await owner.api.export.file({ projectId, format: "csv" });
    expect(votes.content).toContain("Nobody wants to run brokers.");
  });
});
