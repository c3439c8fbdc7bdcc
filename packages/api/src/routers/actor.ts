import type { Role } from "@tradeoff/db";

/** The caller as team-scoped services take them: who, in which team. */
export const memberOf = (ctx: { user: { id: string }; team: { id: string } }) => ({
  userId: ctx.user.id,
  teamId: ctx.team.id,
});

/** A team's administration as its services take it: the team, and who acts in it (for the audit log). */
export const actingIn = (ctx: { user: { id: string }; team: { id: string } }) => ({
  teamId: ctx.team.id,
  actorId: ctx.user.id,
});

/** The caller as the services that check a role take them: who, in which team, with what role. */
export const actorOf = (ctx: { user: { id: string }; team: { id: string; role: Role } }) => ({
  ...memberOf(ctx),
  role: ctx.team.role,
});

/** The project a project procedure checked, its team and the caller: for project-scoped reads. */
export const inProject = (ctx: {
  user: { id: string };
  project: { id: string; teamId: string };
}) => ({
  projectId: ctx.project.id,
  teamId: ctx.project.teamId,
  userId: ctx.user.id,
});
