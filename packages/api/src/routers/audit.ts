import { listAuditSchema } from "../schemas/team";
import { listAuditEvents } from "../services/audit/list-audit-events";
import { createTRPCRouter, teamProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: teamProcedure("ADMIN")
    .input(listAuditSchema)
    .query(({ ctx, input }) =>
      listAuditEvents(ctx.db, { teamId: ctx.team.id, cursor: input.cursor, limit: input.limit }),
    ),
});
