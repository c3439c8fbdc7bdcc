import { teamOnlySchema } from "../schemas/team";
import { listAuditEvents } from "../services/audit/list-audit-events";
import { createTRPCRouter, teamProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: teamProcedure("ADMIN")
    .input(teamOnlySchema)
    .query(({ ctx }) => listAuditEvents(ctx.db, { teamId: ctx.team.id })),
});
