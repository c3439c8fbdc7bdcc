/**
 * What a webhook is sent: the events, the versioned JSON event document, and its rendering as
 * a Slack-compatible message (`text` plus blocks; Mattermost reads the same shape).
 */
import { timeLeftWords } from "../reminder/time-left";

export const WEBHOOK_EVENTS = [
  "project.opened",
  "deadline.near",
  "project.closed",
  "decision.recorded",
  "project.superseded",
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** A delivery made by "Send test event": the document says so, receivers can ignore it. */
export const TEST_EVENT = "webhook.test";

export const isWebhookEvent = (kind: string): kind is WebhookEvent =>
  (WEBHOOK_EVENTS as readonly string[]).includes(kind);

/** Version 1 of the event document: the JSON format's body, and what the Slack text is made of. */
export type EventDocument = {
  version: 1;
  event: WebhookEvent | typeof TEST_EVENT;
  /** The same for every webhook told about this event (the delivery id differs per webhook). */
  eventId: string;
  occurredAt: string;
  team: { id: string; name: string; slug: string };
  project: { id: string; title: string; path: string; url: string | null } | null;
  actor: { id: string; name: string | null } | null;
  /** One sentence for people, e.g. `Ada opened "Which queue?" for voting.` */
  text: string;
  /**
   * Event-specific facts: `hoursLeft` and `deadline` for deadline.near, and `minutesLeft` when
   * the reminder went out right away, its own time having passed before the deadline was set.
   */
  data: Record<string, unknown>;
};

export function describeEvent(doc: {
  event: EventDocument["event"];
  actorName: string | null;
  projectTitle: string | null;
  teamName: string;
  data: Record<string, unknown>;
}): string {
  const who = doc.actorName ?? "Someone";
  const project = doc.projectTitle ? `"${doc.projectTitle}"` : "a decision";
  switch (doc.event) {
    case "project.opened":
      return `${who} opened ${project} for voting in ${doc.teamName}.`;
    case "deadline.near": {
      return `The deadline of ${project} is in ${timeLeftWords(doc.data)}; some ballots are not complete.`;
    }
    case "project.closed":
      return `${who} closed voting on ${project}.`;
    case "decision.recorded":
      return `${who} recorded the decision on ${project}.`;
    case "project.superseded":
      return `${who} superseded ${project} with a new decision.`;
    case TEST_EVENT:
      return `Test event from Tradeoff for ${doc.teamName}: this webhook is reachable.`;
  }
}

/** The document as sent: the project's link made absolute when the app's address is known. */
export function withAppUrl(doc: EventDocument, appUrl: string | null): EventDocument {
  if (!doc.project || !appUrl) return doc;
  return { ...doc, project: { ...doc.project, url: new URL(doc.project.path, appUrl).toString() } };
}

/** Slack's mrkdwn treats &, < and > as markup: escaped so titles show as typed. */
const escapeMrkdwn = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** A Slack/Mattermost incoming-webhook message: `text` (the fallback) plus blocks. */
export function slackMessage(doc: EventDocument) {
  const context = [escapeMrkdwn(doc.team.name)];
  if (doc.project?.url) context.push(`<${doc.project.url}|Open in Tradeoff>`);
  return {
    // Slack reads `text` as mrkdwn too (it is the notification's fallback).
    text: escapeMrkdwn(doc.text),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(doc.text) } },
      { type: "context", elements: [{ type: "mrkdwn", text: context.join(" · ") }] },
    ],
  };
}

/** The request body of a delivery in the webhook's format. */
export function renderBody(format: "JSON" | "SLACK", doc: EventDocument): string {
  return JSON.stringify(format === "SLACK" ? slackMessage(doc) : doc);
}
