/**
 * What a webhook is sent: the events, the versioned JSON event document, and its rendering as
 * a Slack-compatible message (`text` plus blocks; Mattermost reads the same shape).
 */
import { changeSentence, sentenceNames } from "../project/change-sentence";
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
  const { who, project } = sentenceNames(doc.actorName, doc.projectTitle);
  switch (doc.event) {
    case "project.opened":
      return `${who} opened ${project} for voting in ${doc.teamName}.`;
    case "deadline.near": {
      return `The deadline of ${project} is in ${timeLeftWords(doc.data)}; some ballots are not complete.`;
    }
    case "project.closed":
    case "decision.recorded":
    case "project.superseded":
      return changeSentence(doc.event, who, project);
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
 * Slack's documented limits on what this message uses; a message over any of them is refused
 * whole (HTTP 400 `invalid_blocks`), so the delivery would fail:
 * - a text object's `text`: 1 to 3000 characters
 *   (docs.slack.dev/reference/block-kit/composition-objects/text-object);
 * - a section block's `text`: at most 3000 characters, and each of its `fields` 2000
 *   (docs.slack.dev/reference/block-kit/blocks/section-block);
 * - a header block's `text`: at most 150 characters
 *   (docs.slack.dev/reference/block-kit/blocks/header-block);
 * - a context block: at most 10 elements
 *   (docs.slack.dev/reference/block-kit/blocks/context-block).
 * The message's `text` (the notification) is the section's sentence, so it keeps the section's
 * limit; Slack itself cuts a message's text only past 40,000 characters.
 */
export const SLACK_LIMITS = {
  textObject: 3000,
  sectionText: 3000,
  sectionField: 2000,
  headerText: 150,
  contextElements: 10,
} as const;

/**
 * Text a person typed (a title, a name, a team's name) as Slack shows it, exactly as typed.
 * Slack's formatting reference (api.slack.com/reference/surfaces/formatting, "Escaping text")
 * names &, < and > as the control characters of every text object, to be sent as &amp;, &lt;
 * and &gt;, and no other entity is decoded: with them escaped, `<!channel>`, `<@U123>` and
 * `<https://…|label>` arrive as text. mrkdwn has no escape for * _ ~ ` (a backslash shows as
 * itself), so this text is only ever sent where Slack does not read mrkdwn: `plain_text`
 * objects and the message's `text` with `mrkdwn: false`. A bare @channel, @here, @everyone or
 * @all (which Mattermost, reading the same message, turns into a ping) gets an invisible word
 * joiner after its @, so it reads the same and pings no one. So does an emoji code (`:tada:`,
 * after its first colon): `plain_text` objects also say `emoji: false`, but the message's
 * `text`, shown in notifications and by Mattermost, has no such switch.
 */
export const slackText = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replace(/@(channel|here|everyone|all)\b/giu, "@\u2060$1")
    .replace(/:([\w+'-]+):/gu, ":\u2060$1:");

const ENTITY = /^&(?:amp|lt|gt);/;

/**
 * `slackText(text)` cut to at most `max` characters (as JavaScript counts them, UTF-16 code
 * units, never fewer than Slack counts) with an ellipsis when it is longer: never inside an
 * entity (`&amp;` is one character to the reader) nor between the two halves of an emoji.
 */
export function slackTextWithin(text: string, max: number): string {
  const escaped = slackText(text);
  if (escaped.length <= max) return escaped;
  let cut = max - 1;
  const amp = escaped.lastIndexOf("&", cut - 1);
  if (amp >= 0 && amp > cut - 5 && ENTITY.test(escaped.slice(amp, amp + 5))) {
    const entity = ENTITY.exec(escaped.slice(amp, amp + 5))?.[0] ?? "";
    if (amp + entity.length > cut) cut = amp;
  }
  const last = escaped.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${escaped.slice(0, cut).trimEnd()}\u2026`;
}

/** A `plain_text` object of what a person typed: escaped, no emoji codes, within `max`. */
const plainText = (text: string, max: number = SLACK_LIMITS.textObject) => ({
  type: "plain_text" as const,
  text: slackTextWithin(text, max),
  emoji: false as const,
});

/**
 * A Slack/Mattermost incoming-webhook message: `text` (the notification's fallback) plus
 * blocks. Everything people typed is plain text (see `slackText`), cut to Slack's limits
 * (`SLACK_LIMITS`) so a long title or name shortens the message instead of getting it refused;
 * only the link to Tradeoff, which the app writes itself and is always kept whole, is mrkdwn,
 * `verbatim` so nothing else in it is turned into links.
 */
export function slackMessage(doc: EventDocument) {
  const sentence = plainText(doc.text, SLACK_LIMITS.sectionText);
  const context: (
    | ReturnType<typeof plainText>
    | { type: "mrkdwn"; text: string; verbatim: true }
  )[] = [plainText(doc.team.name)];
  if (doc.project?.url) {
    context.push({ type: "mrkdwn", text: `<${doc.project.url}|Open in Tradeoff>`, verbatim: true });
  }
  return {
    text: sentence.text,
    // The fallback text is shown as sent, not read as mrkdwn (Slack reads it as mrkdwn by default).
    mrkdwn: false,
    blocks: [
      { type: "section", text: sentence },
      { type: "context", elements: context.slice(0, SLACK_LIMITS.contextElements) },
    ],
  };
}

/** The request body of a delivery in the webhook's format. */
export function renderBody(format: "JSON" | "SLACK", doc: EventDocument): string {
  return JSON.stringify(format === "SLACK" ? slackMessage(doc) : doc);
}
