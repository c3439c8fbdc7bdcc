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
    case "draft.started":
      return "started the record's draft";
    case "draft.fields.changed":
      return "changed the record draft's fields";
    case "draft.review.given":
      return data.verdict === "APPROVED"
        ? "approved the record's draft"
        : "requested changes to the record's draft";
    case "draft.review.stale":
      return "edited the record's draft after approvals, which must be given again";
    case "draft.comment.created":
      return "commented on the record's draft";
    case "draft.accepted":
      return "accepted the record's draft";
    case "draft.overridden":
      return `accepted the record's draft without every approval, because ${String(data.reason ?? "")}`;
    default:
      return item.type;
  }
}
