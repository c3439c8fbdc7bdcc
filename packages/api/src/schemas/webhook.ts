import { z } from "zod";
import {
  isLocalHostName,
  literalAddress,
  privateNetworksAllowed,
  refusedAddressReason,
} from "../services/webhook/address";
import { WEBHOOK_EVENTS } from "../services/webhook/events";
import { chosenIdSchema } from "./id";
import { teamIdValueSchema } from "./team";

/** Longest webhook address accepted (Slack's and Teams' URLs are well under it). */
export const MAX_WEBHOOK_URL = 2000;
/** Webhooks per team: enough for every channel, not an amplifier. */
export const MAX_WEBHOOKS_PER_TEAM = 20;

/**
 * A webhook's address: http(s) only, no user name or password in it, not this machine or a
 * private network (unless WEBHOOK_ALLOW_PRIVATE_NETWORKS=true). Host names are checked again
 * at every delivery, on the address they resolve to then.
 */
export const webhookUrlSchema = z
  .string({ error: "Enter the webhook's URL, e.g. https://hooks.slack.com/services/…" })
  .trim()
  .min(1, { error: "Enter the webhook's URL, e.g. https://hooks.slack.com/services/…" })
  .max(MAX_WEBHOOK_URL, { error: `Keep the URL to ${MAX_WEBHOOK_URL} characters or fewer.` })
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({
        code: "custom",
        message: "That is not a URL: enter a full address starting with https://",
      });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      ctx.addIssue({
        code: "custom",
        message: `Webhooks are sent over HTTP: use an https:// (or http://) URL, not ${url.protocol}`,
      });
      return;
    }
    if (url.username || url.password) {
      ctx.addIssue({
        code: "custom",
        message:
          "Leave the user name and password out of the URL: deliveries are signed with the webhook's secret.",
      });
      return;
    }
    if (privateNetworksAllowed()) return;
    const literal = literalAddress(url.hostname);
    const reason = literal ? refusedAddressReason(literal) : null;
    if (reason || isLocalHostName(url.hostname)) {
      ctx.addIssue({
        code: "custom",
        message: `Webhooks cannot be sent to this machine or a private network (${reason && literal ? `${literal} is ${reason}` : `${url.hostname} is this machine`}). Use the receiver's public address.`,
      });
    }
  });

const webhookEventsSchema = z
  .array(
    z.enum(WEBHOOK_EVENTS, {
      error: `Unknown event: choose among ${WEBHOOK_EVENTS.join(", ")}.`,
    }),
    { error: "Choose the events to send." },
  )
  .min(1, { error: "Choose at least one event to send." })
  .max(WEBHOOK_EVENTS.length, { error: "Each event can be chosen once." })
  .refine((events) => new Set(events).size === events.length, {
    error: "Each event can be chosen once.",
  });

const webhookFormatSchema = z.enum(["JSON", "SLACK"], {
  error: 'Choose a format: "JSON" (Tradeoff\'s event document) or "SLACK" (Slack-compatible).',
});

const webhookIdSchema = chosenIdSchema("Choose a webhook.", "That webhook id is not valid.");

export const createWebhookSchema = z.object({
  teamId: teamIdValueSchema,
  url: webhookUrlSchema,
  events: webhookEventsSchema,
  format: webhookFormatSchema,
});

export const updateWebhookSchema = z.object({
  teamId: teamIdValueSchema,
  webhookId: webhookIdSchema,
  url: webhookUrlSchema.optional(),
  events: webhookEventsSchema.optional(),
  format: webhookFormatSchema.optional(),
  /** Turn it back on (clears the failure streak) or off. */
  enabled: z.boolean({ error: "enabled is true or false." }).optional(),
});

export const webhookRefSchema = z.object({ teamId: teamIdValueSchema, webhookId: webhookIdSchema });

export const listDeliveriesSchema = z.object({
  teamId: teamIdValueSchema,
  webhookId: webhookIdSchema,
  limit: z.number().int().min(1).max(100).default(30),
});

export const redeliverSchema = z.object({
  teamId: teamIdValueSchema,
  deliveryId: z.uuid({ error: "Not a delivery id: pass the id the delivery log listed." }),
});
