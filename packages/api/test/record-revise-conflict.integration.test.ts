import { describe, expect, it } from "vitest";
import { STALE_REVISION_MESSAGE } from "../src/schemas/record";
import { trpcError, useTestDatabase } from "./helpers";
import { castVote, openDraftTeamProject } from "./project-fixtures";

const t = useTestDatabase();
const base = {
  chosenOptionKey: "sqs",
  rationale: "it is managed and the team scored it higher.",
  consequences: { good: ["No brokers to run."], neutral: [], bad: ["Vendor lock-in."] },
};

async function decided() {
  const s = await openDraftTeamProject(t);
  for (const p of [s.admin, s.member])
    for (const criterionKey of ["ops", "ordering"])
      await castVote(p, s.projectId, criterionKey, { weight: 4, scores: { kafka: 2, sqs: 5 } });
  await s.owner.api.record.decide({ projectId: s.projectId, ...base });
  return s;
}

describe("two revisions of a record from the same revision", () => {
  it("refuses the second with CONFLICT instead of undoing the first", async () => {
    const s = await decided();
    // Both open the revise form at revision 1. The owner corrects the rationale...
    const corrected = "Corrected: SQS FIFO keeps per-group order.";
    const first = await s.owner.api.record.revise({
      projectId: s.projectId,
      ...base,
      rationale: corrected,
      note: "fix rationale",
      expectedRevision: 1,
    });
    expect(first.revision).toBe(2);
    // ...the admin, from the same revision-1 form, adds a consequence and saves.
    const error = await trpcError(
      s.admin.api.record.revise({
        projectId: s.projectId,
        ...base,
        consequences: { ...base.consequences, neutral: ["Billing owns the queue."] },
        note: "add consequence",
        expectedRevision: 1,
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(STALE_REVISION_MESSAGE);
    expect(error.message).toMatch(/Someone else revised this record.*Reload/);
    const { view, revisions } = await s.owner.api.record.get({ projectId: s.projectId });
    expect(view.decision?.rationale).toBe(corrected);
    expect(view.decision?.revision).toBe(2);
    expect(revisions).toHaveLength(2);
    // Reloaded at revision 2, the admin's change goes through on top of the correction.
    const again = await s.admin.api.record.revise({
      projectId: s.projectId,
      ...base,
      rationale: corrected,
      consequences: { ...base.consequences, neutral: ["Billing owns the queue."] },
      note: "add consequence",
      expectedRevision: 2,
    });
    expect(again.revision).toBe(3);
  });

  it("refuses two revisions sent at once from the same revision: one passes", async () => {
    const s = await decided();
    const results = await Promise.allSettled(
      [s.owner, s.admin].map((p, i) =>
        p.api.record.revise({
          projectId: s.projectId,
          ...base,
          rationale: `Version ${i}.`,
          note: `change ${i}`,
          expectedRevision: 1,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && String(refused.reason.message)).toBe(
      STALE_REVISION_MESSAGE,
    );
    const record = await t.db.decisionRecord.findFirstOrThrow({
      where: { projectId: s.projectId },
      select: { revision: true },
    });
    expect(record.revision).toBe(2);
  });
});
