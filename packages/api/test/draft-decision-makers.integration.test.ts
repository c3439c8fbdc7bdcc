import { describe, expect, it } from "vitest";
import { storeDraftText } from "../src/services/draft/store-draft-text";
import { trpcError, useTestDatabase } from "./helpers";
import { castVote, openDraftTeamProject } from "./project-fixtures";

const t = useTestDatabase();

type Setup = Awaited<ReturnType<typeof openDraftTeamProject>>;
const named = (...people: { id: string }[]) => people.map((p) => ({ userId: p.id, name: "" }));

/** The decision voted on, its draft started and written, the owner and the member named. */
async function draftNaming(s: Setup, ...people: { id: string }[]) {
  for (const p of [s.admin, s.member])
    for (const criterionKey of ["ops", "ordering"])
      await castVote(p, s.projectId, criterionKey, { weight: 4, scores: { kafka: 2, sqs: 5 } });
  const { draftId } = await s.owner.api.draft.start({ projectId: s.projectId });
  await s.owner.api.draft.updateFields({
    projectId: s.projectId,
    decisionMakers: named(...people),
  });
  const { draft } = await s.member.api.draft.get({ projectId: s.projectId });
  await storeDraftText(t.db, draftId, { ...draft?.text, rationale: "mine", confirmation: "x" });
}

const decisionMakerIds = async (s: Setup) => {
  const { draft } = await s.owner.api.draft.get({ projectId: s.projectId });
  return (draft?.decisionMakers ?? []).map((p) => p.userId);
};

describe("who may remove decision-makers from a draft", () => {
  it("refuses a named member who drops the others to approve and accept alone", async () => {
    const s = await openDraftTeamProject(t);
    await draftNaming(s, s.owner, s.member);
    const error = await trpcError(
      s.member.api.draft.updateFields({ projectId: s.projectId, decisionMakers: named(s.member) }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/cannot remove .*Olivia Owner/);
    expect(error.message).toMatch(/the decision's creator or a team admin can/);
    expect(await decisionMakerIds(s)).toEqual([s.owner.id, s.member.id]);
    // The owner's approval is still needed: the member's alone does not decide.
    await s.member.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    await trpcError(
      s.member.api.draft.accept({ projectId: s.projectId, confirmProvisional: true }),
    );
    const project = await t.db.project.findUniqueOrThrow({
      where: { id: s.projectId },
      select: { status: true },
    });
    expect(project.status).toBe("OPEN");
  });

  it("refuses a member who removes another member, even without being named", async () => {
    const s = await openDraftTeamProject(t);
    await draftNaming(s, s.owner, s.member2);
    const error = await trpcError(
      s.member.api.draft.updateFields({ projectId: s.projectId, decisionMakers: named(s.owner) }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain(`You cannot remove ${s.member2.name} from the decision-makers`);
    expect(await decisionMakerIds(s)).toEqual([s.owner.id, s.member2.id]);
  });

  it("lets a member add others and step down themselves", async () => {
    const s = await openDraftTeamProject(t);
    await draftNaming(s, s.owner, s.member);
    await s.member.api.draft.updateFields({
      projectId: s.projectId,
      decisionMakers: named(s.owner, s.member, s.admin),
    });
    expect(await decisionMakerIds(s)).toEqual([s.owner.id, s.member.id, s.admin.id]);
    await s.member.api.draft.updateFields({
      projectId: s.projectId,
      decisionMakers: named(s.owner, s.admin),
    });
    expect(await decisionMakerIds(s)).toEqual([s.owner.id, s.admin.id]);
  });

  it("leaves the creator and team admins free to remove anyone", async () => {
    const s = await openDraftTeamProject(t);
    await draftNaming(s, s.owner, s.member, s.member2);
    await s.admin.api.draft.updateFields({
      projectId: s.projectId,
      decisionMakers: named(s.owner, s.member2),
    });
    expect(await decisionMakerIds(s)).toEqual([s.owner.id, s.member2.id]);
    await s.owner.api.draft.updateFields({
      projectId: s.projectId,
      decisionMakers: named(s.admin),
    });
    expect(await decisionMakerIds(s)).toEqual([s.admin.id]);
  });
});
