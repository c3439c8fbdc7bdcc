/** What a project event did, after the actor's name: "voted on Performance", "commented". */
export function describeEvent(
  item: { type: string; data: Record<string, unknown> | null },
  criterion: string | null,
): string {
  const on = criterion ? ` on ${criterion}` : "";
  const data = item.data ?? {};
  switch (item.type) {
    case "vote.cast":
      return `voted${on}`;
    case "vote.retracted":
      return `withdrew their vote${on}`;
    case "status.changed":
      return `changed the status from ${String(data.from ?? "?").toLowerCase()} to ${String(data.to ?? "?").toLowerCase()}`;
    case "round.reopened":
      return `reopened voting (round ${String(data.round ?? "?")})`;
    case "project.created":
      return "created the decision";
    case "project.edited": {
      const fields = Object.keys((data.after as Record<string, unknown> | undefined) ?? {});
      return fields.length ? `edited ${fields.join(", ")}` : "edited the decision";
    }
    case "comment.created":
      return criterion ? `commented${on}` : "commented on the decision";
    case "comment.edited":
      return `edited a comment${on}`;
    case "comment.deleted":
      return `deleted a comment${on}`;
    default:
      return item.type;
  }
}
