/**
 * What a member is told about, and the sentence the inbox shows. Pure: the inbox and, later,
 * emails word them the same way.
 */
import { utcDateTime } from "../../domain/utc-time";
import { changeSentence, sentenceNames } from "../project/change-sentence";
import { timeLeftWords } from "../reminder/time-left";

export const NOTIFICATION_KINDS = [
  "team.invited",
  "project.opened",
  "deadline.near",
  "nudge",
  "project.closed",
  "decision.recorded",
  "project.superseded",
  "project.reopened",
  "webhook.disabled",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The facts a sentence needs; names are read when the inbox is listed, so renames show. */
export type NotificationFacts = {
  kind: NotificationKind;
  actorName: string | null;
  teamName: string;
  projectTitle: string | null;
  /** The project's deadline as it is now (a decision opening says by when to vote). */
  projectDeadline?: Date | null;
  data: Record<string, unknown>;
  /** When the sentence is read (listed, emailed): the time left is counted from it. */
  now?: Date;
};

export function describeNotification(n: NotificationFacts): string {
  const { who, project } = sentenceNames(n.actorName, n.projectTitle);
  switch (n.kind) {
    case "team.invited": {
      const invited = `${who} invited you to join ${n.teamName}.`;
      // An invitation that can no longer be used says why, so nobody follows a dead link.
      if (n.data.invitationEnded === "revoked") return `${invited} The invitation was revoked.`;
      if (n.data.invitationEnded === "expired") return `${invited} The invitation has expired.`;
      return invited;
    }
    case "project.opened":
      return n.projectDeadline
        ? `${who} opened ${project} for voting; the deadline is ${utcDateTime(n.projectDeadline)}.`
        : `${who} opened ${project} for voting.`;
    case "deadline.near":
      return deadlineNear(project, n.data, n.now ?? new Date());
    case "nudge":
      return `${who} is waiting for your vote on ${project}.`;
    case "project.closed":
    case "decision.recorded":
    case "project.superseded":
      return changeSentence(n.kind, who, project);
    case "project.reopened":
      return `${who} reopened ${project} for another round of voting.`;
    case "webhook.disabled":
      return `A webhook of ${n.teamName} (${String(n.data.host ?? "")}) was turned off: its deliveries failed for 24 hours. Check it in the team settings.`;
  }
}

/**
 * A deadline reminder, read in the inbox, an email sent late or a digest: the deadline itself
 * (in UTC) and the time left counted from when it is read, or that it has passed. A deadline is
 * the date the team means to decide by; voting stays open until someone closes it, so the
 * reminder never says that voting closes.
 */
function deadlineNear(project: string, data: Record<string, unknown>, now: Date): string {
  const at = typeof data.deadline === "string" ? new Date(data.deadline) : null;
  if (!at || Number.isNaN(at.getTime())) {
    return `The deadline of ${project} is in ${timeLeftWords(data)} and your ballot is not complete.`;
  }
  const left = at.getTime() - now.getTime();
  if (left <= 0) {
    return `The deadline of ${project} was ${utcDateTime(at)}, and your ballot was not complete.`;
  }
  const words = timeLeftWords({ minutesLeft: Math.max(1, Math.round(left / 60_000)) });
  return `The deadline of ${project} is in ${words} (${utcDateTime(at)}) and your ballot is not complete.`;
}
