import { randomUUID } from "node:crypto";
import { defineCases } from "../case";
import type { World } from "../world";

/** A webhook of team A, with one delivery that failed for good (so it can be redelivered). */
async function webhookOfTeamA(world: World) {
  const webhook = await world.db.webhook.create({
    data: {
      teamId: world.teamA.id,
      url: "https://hooks.example.com/team-a",
      events: ["project.opened"],
      format: "JSON",
      // Never decrypted here: the sweep only checks who may call.
      secretEncrypted: "v1.placeholder",
    },
    select: { id: true },
  });
  const delivery = await world.db.webhookDelivery.create({
    data: {
      id: randomUUID(),
      webhookId: webhook.id,
      event: "project.opened",
      payload: { version: 1 },
      status: "FAILED",
      nextAttempt: 2,
    },
    select: { id: true },
  });
  return { teamId: world.teamA.id, webhookId: webhook.id, deliveryId: delivery.id };
}

/** The input that names team A's webhook. */
async function theWebhook(world: World) {
  const { teamId, webhookId } = await webhookOfTeamA(world);
  return { teamId, webhookId };
}

export const cases = defineCases({
  "webhook.list": { input: (world) => ({ teamId: world.teamA.id }) },
  "webhook.create": {
    input: (world) => ({
      teamId: world.teamA.id,
      url: "https://hooks.example.com/new",
      events: ["project.opened", "decision.recorded"],
      format: "SLACK",
    }),
  },
  "webhook.update": {
    input: async (world) => {
      const { teamId, webhookId } = await webhookOfTeamA(world);
      return { teamId, webhookId, events: ["project.closed"] };
    },
  },
  "webhook.rotateSecret": {
    input: theWebhook,
  },
  "webhook.delete": {
    input: theWebhook,
  },
  "webhook.deliveries": {
    input: theWebhook,
  },
  "webhook.sendTest": {
    input: theWebhook,
  },
  "webhook.redeliver": {
    input: async (world) => {
      const { teamId, deliveryId } = await webhookOfTeamA(world);
      return { teamId, deliveryId };
    },
  },
});
