import type { ProjectEventType } from "@tradeoff/api";

type Data = Record<string, unknown>;
type Sentence = (data: Data, on: string, criterion: string | null) => string;

const lower = (value: unknown) => String(value ?? "?").toLowerCase();
const words = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

/**
 * One sentence for every type of event the API records (its `ProjectEventType` union): the
 * type checker refuses this map when a new type has no sentence, so the history never shows a
 * bare type name.
 */
const SENTENCES: { [T in ProjectEventType]: Sentence } = {
  "vote.cast": (_, on) => `voted${on}`,
  "vote.retracted": (_, on) => `withdrew their vote${on}`,
  "status.changed": (data) => `changed the status from ${lower(data.from)} to ${lower(data.to)}`,
  "round.reopened": (data) => `reopened voting (round ${String(data.round ?? "?")})`,
  "project.created": () => "created the decision",
  "project.edited": (data) => {
    const fields = Object.keys((data.after as Data | undefined) ?? {});
    return fields.length ? `edited ${fields.join(", ")}` : "edited the decision";
  },
  "project.tagged": (data) => {
    const tags = words(data.after);
    return tags.length ? `set the tags to ${tags.join(", ")}` : "removed the decision's tags";
  },
  "project.imported": (data) =>
    typeof data.file === "string"
      ? `imported the decision from ${data.file}`
      : "imported the decision",
  "comment.created": (_, on, criterion) =>
    criterion ? `commented${on}` : "commented on the decision",
  "comment.edited": (_, on) => `edited a comment${on}`,
  "comment.deleted": (_, on) => `deleted a comment${on}`,
  "decision.recorded": () => "recorded the decision",
  "decision.revised": (data) => `revised the record (revision ${String(data.revision ?? "?")})`,
  "decision.superseded": (data) => {
    const titles = (Array.isArray(data.successors) ? data.successors : [])
      .map((s: { title?: unknown }) => String(s?.title ?? ""))
      .filter(Boolean);
    return titles.length
      ? `marked the decision superseded by ${titles.join(", ")}`
      : "marked the decision superseded";
  },
  "decision.supersedes": () => "linked the decision as the successor of an earlier one",
  "draft.started": () => "started the record's draft",
  "draft.fields.changed": () => "changed the record draft's fields",
  "draft.review.given": (data) =>
    data.verdict === "APPROVED"
      ? "approved the record's draft"
      : "requested changes to the record's draft",
  "draft.review.stale": () =>
    "edited the record's draft after approvals, which must be given again",
  "draft.comment.created": () => "commented on the record's draft",
  "draft.accepted": () => "accepted the record's draft",
  "draft.overridden": (data) =>
    `accepted the record's draft without every approval, because ${String(data.reason ?? "")}`,
  "draft.discarded": () => "discarded the record's draft",
};

/** What a project event did, after the actor's name: "voted on Performance", "commented". */
export function describeEvent(
  item: { type: string; data: Record<string, unknown> | null },
  criterion: string | null,
): string {
  const on = criterion ? ` on ${criterion}` : "";
  if (!Object.hasOwn(SENTENCES, item.type)) return item.type;
  return SENTENCES[item.type as ProjectEventType](item.data ?? {}, on, criterion);
}
