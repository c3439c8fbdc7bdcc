import { defineCases } from "../case";
import { createProjectOfTeamA, type World } from "../world";

/**
 * An open project of team A created by the MEMBER-role user (so sharing its draft, which
 * belongs to admins and the creator, is allowed at exactly MEMBER), with a started draft whose
 * decision-maker is that member, unless `started` is false.
 */
async function draftOfTeamA(world: World, opts: { started?: boolean; approved?: boolean } = {}) {
  const project = await createProjectOfTeamA(world);
  if (opts.started === false) return { projectId: project.id, commentId: "" };
  const draft = await world.db.recordDraft.create({
    data: {
      projectId: project.id,
      teamId: world.teamA.id,
      chosenOptionKey: "fastapi",
      decisionMakers: [{ userId: world.member.id, name: "Member" }],
      text: { rationale: "It is fast." },
      textVersion: 1,
      ...(opts.approved
        ? {
            reviews: {
              create: { userId: world.member.id, verdict: "APPROVED", textVersion: 1 },
            },
          }
        : {}),
      comments: { create: { authorId: world.owner.id, body: "Why not DRF?" } },
    },
    select: { comments: { select: { id: true } } },
  });
  return { projectId: project.id, commentId: draft.comments[0]?.id ?? "" };
}

const projectOnly = async (w: World, opts?: { started?: boolean; approved?: boolean }) => ({
  projectId: (await draftOfTeamA(w, opts)).projectId,
});

export const cases = defineCases({
  "draft.get": { input: (w) => projectOnly(w) },
  "draft.start": { input: (w) => projectOnly(w, { started: false }) },
  "draft.updateFields": {
    input: async (w) => ({ ...(await projectOnly(w)), chosenOptionKey: "drf" }),
  },
  "draft.review": {
    input: async (w) => ({ ...(await projectOnly(w)), verdict: "APPROVED" }),
  },
  "draft.comment": {
    input: async (w) => ({ ...(await projectOnly(w)), body: "Looks right." }),
  },
  "draft.resolveComment": {
    input: async (w) => {
      const { projectId, commentId } = await draftOfTeamA(w);
      return { projectId, commentId };
    },
  },
  "draft.accept": {
    // Nobody voted: the result is provisional, and accepting it is confirmed.
    input: async (w) => ({
      ...(await projectOnly(w, { approved: true })),
      confirmProvisional: true,
    }),
  },
  "draft.discard": { input: (w) => projectOnly(w) },
  "draft.setApprovalRule": {
    input: async (w) => ({ ...(await projectOnly(w)), approvalRule: "MAJORITY" }),
  },
  "draft.setSharing": {
    input: async (w) => ({ ...(await projectOnly(w)), sharedBeforeAcceptance: true }),
  },
});
