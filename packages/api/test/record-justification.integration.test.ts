import { describe, expect, it } from "vitest";
import { trpcError, useTestDatabase } from "./helpers";
import { allPreferSqs, at, openBlankProject } from "./project-fixtures";

const t = useTestDatabase();

/** An open project whose two voters make SQS the recommendation, ready on a quorum of two. */
async function votedProject() {
  const setup = await openBlankProject(t, ["ADMIN", "MEMBER"], { quorum: 2 });
  await allPreferSqs([at(setup.people, 0), at(setup.people, 2)], setup.projectId);
  return setup;
}

const fields = {
  rationale: "it is managed and the team scored it higher.",
  consequences: { good: [], neutral: [], bad: [] },
};

const NOT_KEPT =
  "You chose the team's recommendation, so there is no other choice to justify and a justification would not be kept: give the reason for this choice in the rationale, and leave the justification empty.";

describe("a justification typed for the recommended option", () => {
  it("is refused with what to do, never dropped, when recording and when revising", async () => {
    const { owner, projectId } = await votedProject();
    const typed = "SQS is what the team recommended.";
    const refused = await trpcError(
      owner.api.record.decide({
        projectId,
        chosenOptionKey: "sqs",
        justification: typed,
        ...fields,
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe(NOT_KEPT);
    expect((await t.db.project.findUniqueOrThrow({ where: { id: projectId } })).status).toBe(
      "OPEN",
    );

    await owner.api.record.decide({ projectId, chosenOptionKey: "sqs", ...fields });
    const revise = { projectId, chosenOptionKey: "sqs", ...fields, note: "Say more." };
    const refusedRevision = await trpcError(
      owner.api.record.revise({ ...revise, justification: typed }),
    );
    expect(refusedRevision.message).toBe(NOT_KEPT);
    const { view } = await owner.api.record.get({ projectId });
    expect(view.decision).toMatchObject({ revision: 1, chosenOptionKey: "sqs" });

    // Whitespace is nothing typed: recorded as no justification.
    await owner.api.record.revise({ ...revise, rationale: "it is managed.", justification: " " });
    const revised = await owner.api.record.get({ projectId });
    expect(revised.view.decision).toMatchObject({ revision: 2, justification: null });
  });
});
