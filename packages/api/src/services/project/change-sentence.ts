/**
 * The words for who changed a decision and how, shared by the inbox (and its emails) and the
 * webhooks' messages, so members and a team's chat are told the same thing. Pure.
 */

/** Who acted and on which project, as a sentence names them: someone, a decision when gone. */
export function sentenceNames(actorName: string | null, projectTitle: string | null) {
  return {
    who: actorName ?? "Someone",
    project: projectTitle ? `"${projectTitle}"` : "a decision",
  };
}

/** The changes the inbox and the webhooks word alike. */
export type DecisionChange = "project.closed" | "decision.recorded" | "project.superseded";

export function changeSentence(change: DecisionChange, who: string, project: string): string {
  switch (change) {
    case "project.closed":
      return `${who} closed voting on ${project}.`;
    case "decision.recorded":
      return `${who} recorded the decision on ${project}.`;
    case "project.superseded":
      return `${who} superseded ${project} with a new decision.`;
  }
}
