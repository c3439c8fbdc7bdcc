import { defineCases } from "../case";
import { createProjectOfTeamA, type World } from "../world";

/**
 * History, discussion and live updates: every procedure is open to VIEWERs of the project's team
 * (viewers read and comment), so the sweep's positive control calls them as `world.viewer`.
 */
async function openProjectOfTeamA(world: World) {
  const project = await createProjectOfTeamA(world, {
    title: "Which queue?",
    options: {
      create: [
        { key: "kafka", name: "Kafka", position: 0 },
        { key: "sqs", name: "SQS", position: 1 },
      ],
    },
    criteria: { create: [{ key: "ops", name: "Operations", defaultWeight: 3, position: 0 }] },
    events: {
      create: { teamId: world.teamA.id, actorId: world.member.id, type: "status.changed" },
    },
  });
  return project.id;
}

/** A comment of team A written by the viewer: only its author may edit or delete it. */
async function viewersComment(world: World) {
  const projectId = await openProjectOfTeamA(world);
  const comment = await world.db.comment.create({
    data: { projectId, authorId: world.viewer.id, body: "A first thought" },
    select: { id: true },
  });
  return { projectId, commentId: comment.id };
}

const inProject =
  (extra: Record<string, unknown> = {}) =>
  async (world: World) => ({ projectId: await openProjectOfTeamA(world), ...extra });

export const cases = defineCases({
  "history.list": { input: inProject() },
  "history.people": { input: inProject() },
  "history.timeline": { input: inProject() },
  "history.at": { input: inProject({ at: new Date() }) },
  "live.position": { input: inProject() },
  "live.project": { input: inProject() },
  "comment.list": { input: inProject() },
  "comment.create": { input: inProject({ criterionKey: "ops", body: "Kafka is a lot to run." }) },
  "comment.edit": {
    input: async (world) => ({ ...(await viewersComment(world)), body: "A second thought" }),
  },
  "comment.delete": { input: viewersComment },
  "comment.markMentionsSeen": { input: inProject() },
  "comment.mentions": { input: (world) => ({ teamId: world.teamA.id }) },
});
