import { defineCases } from "../case";
import { createProjectOfTeamA, type World } from "../world";

type Status = "DRAFT" | "OPEN" | "DECIDED";

/**
 * A project of team A created by the MEMBER-role user: open/close/reopen/archive are allowed
 * to the creator, so the sweep's positive control (exactly MEMBER) is really allowed.
 */
async function projectOfTeamA(world: World, status: Status = "OPEN") {
  const project = await createProjectOfTeamA(world, { status });
  return project.id;
}

const inProject =
  (status: Status, extra: Record<string, unknown> = {}) =>
  async (world: World) => ({ projectId: await projectOfTeamA(world, status), ...extra });

const team = (world: World) => ({ teamId: world.teamA.id });

export const cases = defineCases({
  "project.create": {
    input: (world) => ({
      ...team(world),
      title: "Queue?",
      options: [
        { key: "a", name: "A" },
        { key: "b", name: "B" },
      ],
      criteria: [{ key: "cost", name: "Cost", defaultWeight: 3 }],
    }),
  },
  "project.list": { input: team },
  "project.templates": { input: team },
  "project.suggestWeights": {
    input: (world) => ({
      ...team(world),
      templateKey: "drf-vs-fastapi",
      answers: { greenfield: true },
    }),
  },
  "project.get": { input: inProject("OPEN") },
  "project.recommendation": { input: inProject("OPEN") },
  "project.participation": { input: inProject("OPEN") },
  "project.waitingOn": { input: inProject("OPEN") },
  "project.nudge": { input: inProject("OPEN") },
  "project.update": { input: inProject("DRAFT", { title: "Renamed" }) },
  "project.open": { input: inProject("DRAFT") },
  "project.close": { input: inProject("OPEN") },
  "project.reopen": { input: inProject("DECIDED") },
  "project.archive": { input: inProject("DECIDED") },
  "project.saveAsTemplate": { input: inProject("DRAFT", { name: "Framework choice" }) },
  "template.delete": {
    // Saved by the MEMBER-role user: its author may delete it.
    input: async (world: World) => {
      const template = await world.db.teamTemplate.create({
        data: {
          teamId: world.teamA.id,
          name: `Template ${Math.random().toString(36).slice(2, 8)}`,
          options: [],
          criteria: [],
          createdById: world.member.id,
        },
        select: { id: true },
      });
      return { teamId: world.teamA.id, templateId: template.id };
    },
  },
  "vote.cast": {
    input: inProject("OPEN", { criterionKey: "speed", weight: 4, scores: { drf: 2, fastapi: 5 } }),
  },
  "vote.retract": { input: inProject("OPEN", { criterionKey: "speed" }) },
  "vote.mine": { input: inProject("OPEN") },
  "vote.reasons": { input: inProject("OPEN", { criterionKey: "speed" }) },
  "dashboard.get": { input: team },
  "project.createSample": { input: team },
  "project.removeSample": {
    input: async (world) => {
      const projectId = await projectOfTeamA(world, "OPEN");
      await world.db.project.update({ where: { id: projectId }, data: { isSample: true } });
      return { projectId };
    },
  },
});
