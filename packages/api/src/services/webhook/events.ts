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

/**
 * Text a person typed (a title, a name, a team's name) as Slack shows it, exactly as typed.
 * Slack's formatting reference (api.slack.com/reference/surfaces/formatting, "Escaping text")
 * names &, < and > as the control characters of every text object, to be sent as &amp;, &lt;
 * and &gt;, and no other entity is decoded: with them escaped, `<!channel>`, `<@U123>` and
 * `<https://…|label>` arrive as text. mrkdwn has no escape for * _ ~ ` (a backslash shows as
 * itself), so this text is only ever sent where Slack does not read mrkdwn: `plain_text`
 * objects and the message's `text` with `mrkdwn: false`. A bare @channel, @here, @everyone or
 * @all (which Mattermost, reading the same message, turns into a ping) gets an invisible word
 * joiner after its @, so it reads the same and pings no one.
 */
export const slackText = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replace(/@(channel|here|everyone|all)\b/giu, "@\u2060$1");

/**
 * A Slack/Mattermost incoming-webhook message: `text` (the notification's fallback) plus
 * blocks. Everything people typed is plain text (see `slackText`); only the link to Tradeoff,
 * which the app writes itself, is mrkdwn, `verbatim` so nothing else in it is turned into links.
 */
export function slackMessage(doc: EventDocument) {
  const sentence = slackText(doc.text);
  const context: (
    | { type: "plain_text"; text: string }
    | { type: "mrkdwn"; text: string; verbatim: true }
  )[] = [{ type: "plain_text", text: slackText(doc.team.name) }];
  if (doc.project?.url) {
    context.push({ type: "mrkdwn", text: `<${doc.project.url}|Open in Tradeoff>`, verbatim: true });
  }
  return {
    text: sentence,
    // The fallback text is shown as sent, not read as mrkdwn (Slack reads it as mrkdwn by default).
    mrkdwn: false,
    blocks: [
      { type: "section", text: { type: "plain_text", text: sentence } },
      { type: "context", elements: context },
    ],
  };
}

/** The request body of a delivery in the webhook's format. */
export function renderBody(format: "JSON" | "SLACK", doc: EventDocument): string {
  return JSON.stringify(format === "SLACK" ? slackMessage(doc) : doc);
}
