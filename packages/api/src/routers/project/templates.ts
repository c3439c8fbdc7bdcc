import { saveAsTemplateSchema, suggestWeightsSchema, teamIdSchema } from "../../schemas/project";
import { listTemplates } from "../../services/template/list-templates";
import { saveTeamTemplate } from "../../services/template/save-team-template";
import { suggestTemplateWeights } from "../../services/template/suggest-template-weights";
import { projectProcedure, teamProcedure } from "../../trpc";
import { actorOf, memberOf } from "../actor";

export const templates = teamProcedure("VIEWER")
  .input(teamIdSchema)
  .query(({ ctx }) => listTemplates(ctx.db, actorOf(ctx)));

/** Proposes starting weights from context answers; it never votes for anyone. */
export const suggestWeights = teamProcedure("MEMBER")
  .input(suggestWeightsSchema)
  .query(({ input }) =>
    suggestTemplateWeights({ templateKey: input.templateKey, answers: input.answers }),
  );

export const saveAsTemplate = projectProcedure("MEMBER")
  .input(saveAsTemplateSchema)
  .mutation(({ ctx, input }) => saveTeamTemplate(ctx.db, memberOf(ctx), input));
