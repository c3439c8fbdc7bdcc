import { teamOnlySchema } from "../schemas/team";
import {
  createWebhookSchema,
  listDeliveriesSchema,
  redeliverSchema,
  updateWebhookSchema,
  webhookRefSchema,
} from "../schemas/webhook";
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  redeliver,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhook,
} from "../services/webhook/manage";
import { createTRPCRouter, teamProcedure } from "../trpc";
import { actingIn } from "./actor";

/** A team's outgoing webhooks: admins only, scoped to the team the caller was checked against. */
export const webhookRouter = createTRPCRouter({
  list: teamProcedure("ADMIN")
    .input(teamOnlySchema)
    .query(({ ctx }) => listWebhooks(ctx.db, { teamId: ctx.team.id })),
  /** The answer carries the signing secret: the only time it is shown. */
  create: teamProcedure("ADMIN")
    .input(createWebhookSchema)
    .mutation(({ ctx, input }) =>
      createWebhook(ctx.db, ctx.secret, {
        ...actingIn(ctx),
        url: input.url,
        events: input.events,
        format: input.format,
      }),
    ),
  update: teamProcedure("ADMIN")
    .input(updateWebhookSchema)
    .mutation(({ ctx, input }) => updateWebhook(ctx.db, { ...input, ...actingIn(ctx) })),
  rotateSecret: teamProcedure("ADMIN")
    .input(webhookRefSchema)
    .mutation(({ ctx, input }) =>
      rotateWebhookSecret(ctx.db, ctx.secret, { ...input, ...actingIn(ctx) }),
    ),
  delete: teamProcedure("ADMIN")
    .input(webhookRefSchema)
    .mutation(({ ctx, input }) => deleteWebhook(ctx.db, { ...input, ...actingIn(ctx) })),
  deliveries: teamProcedure("ADMIN")
    .input(listDeliveriesSchema)
    .query(({ ctx, input }) => listDeliveries(ctx.db, { ...input, teamId: ctx.team.id })),
  sendTest: teamProcedure("ADMIN")
    .input(webhookRefSchema)
    .mutation(({ ctx, input }) => sendTestEvent(ctx.db, { ...input, ...actingIn(ctx) })),
  redeliver: teamProcedure("ADMIN")
    .input(redeliverSchema)
    .mutation(({ ctx, input }) =>
      redeliver(ctx.db, { teamId: ctx.team.id, deliveryId: input.deliveryId }),
    ),
});
