import type { Role } from "@tradeoff/db";

/** The caller as the services that check a role take them: who, in which team, with what role. */
export const actorOf = (ctx: { user: { id: string }; team: { id: string; role: Role } }) => ({
  userId: ctx.user.id,
  teamId: ctx.team.id,
  role: ctx.team.role,
});
