import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";
import { at, castVote, openBlankProject, teamWith } from "./project-fixtures";

const t = useTestDatabase();

async function openProject(votingMode: "OPEN" | "BLIND" = "OPEN") {
  const setup = await openBlankProject(t, ["MEMBER", "MEMBER", "VIEWER"], { votingMode });
  return {
    ...setup,
    alice: at(setup.people, 1),
    bob: at(setup.people, 2),
    viewer: at(setup.people, 3),
  };
}

describe("teammates' reasons on a criterion", () => {
  it("lists the reasons teammates gave, with who, when and their scores, but not the caller's own", async () => {
    const { owner, alice, bob, viewer, projectId } = await openProject();
    await castVote(alice, projectId, "ops", {
      weight: 5,
      scores: { kafka: 2, sqs: 5 },
      rationale: "SQS is one less cluster to run",
    });
    await castVote(bob, projectId, "ops", { weight: 3, scores: { kafka: 4 } });
    await castVote(owner, projectId, "ops", {
      weight: 2,
      scores: {},
      rationale: "We already run Kafka",
    });
    // A reason on another criterion is not this one's.
    await castVote(bob, projectId, "ordering", {
      weight: 4,
      scores: {},
      rationale: "Ordering matters",
    });

    const seenByBob = await bob.api.vote.reasons({ projectId, criterionKey: "ops" });
    expect(seenByBob.hidden).toBe(false);
    expect(seenByBob.note).toBeNull();
    expect(seenByBob.reasons.map((r) => r.reason).sort()).toEqual([
      "SQS is one less cluster to run",
      "We already run Kafka",
    ]);
    expect(seenByBob.reasons.find((r) => r.author.id === alice.id)).toMatchObject({
      author: { name: alice.name },
      importance: 5,
      noOpinion: false,
      scores: { kafka: 2, sqs: 5 },
      at: expect.any(Date),
    });

    // The author does not get their own reason back; a viewer sees everyone's.
    const seenByAlice = await alice.api.vote.reasons({ projectId, criterionKey: "ops" });
    expect(seenByAlice.reasons.map((r) => r.author.id)).toEqual([owner.id]);
    const seenByViewer = await viewer.api.vote.reasons({ projectId, criterionKey: "ops" });
    expect(seenByViewer.reasons).toHaveLength(2);
    expect(
      (await viewer.api.vote.reasons({ projectId, criterionKey: "ordering" })).reasons,
    ).toEqual([expect.objectContaining({ reason: "Ordering matters" })]);
  });

  it("hides every teammate's reason while a blind vote is open, and shows them once closed", async () => {
    const { owner, alice, bob, projectId } = await openProject("BLIND");
    await castVote(alice, projectId, "ops", {
      weight: 5,
      scores: { sqs: 5 },
      rationale: "Secret until the end",
    });

    const during = await bob.api.vote.reasons({ projectId, criterionKey: "ops" });
    expect(during).toEqual({
      hidden: true,
      note: expect.stringContaining("once the decision is closed"),
      reasons: [],
    });
    expect(JSON.stringify(during)).not.toContain("Secret");

    await owner.api.project.close({ projectId });
    const after = await bob.api.vote.reasons({ projectId, criterionKey: "ops" });
    expect(after).toMatchObject({
      hidden: false,
      reasons: [{ author: { id: alice.id }, reason: "Secret until the end", scores: { sqs: 5 } }],
    });
  });

  it("refuses another team's caller and an unknown criterion", async () => {
    const { alice, projectId } = await openProject();
    await castVote(alice, projectId, "ops", {
      weight: 5,
      scores: {},
      rationale: "Team-only reason",
    });
    const other = await teamWith(t, []);
    const refused = await trpcError(
      other.owner.api.vote.reasons({ projectId, criterionKey: "ops" }),
    );
    expect(refused.code).toBe("NOT_FOUND");

    const unknown = await trpcError(alice.api.vote.reasons({ projectId, criterionKey: "nope" }));
    expect(unknown.code).toBe("BAD_REQUEST");
    expect(unknown.message).toContain("no such criterion");
  });
});
