import type { RecordPerson } from "../../schemas/record";

export type ApprovalRule = "ALL" | "MAJORITY";

type Review = { userId: string; verdict: "APPROVED" | "CHANGES_REQUESTED"; textVersion: number };

/**
 * Whether the named decision-makers' current approvals meet the project's rule. An approval
 * given at an earlier text version is stale and does not count; reviews of people no longer
 * named do not count either.
 */
export function approvalStatus(
  rule: ApprovalRule,
  decisionMakers: RecordPerson[],
  reviews: Review[],
  textVersion: number,
) {
  const named = [...new Set(decisionMakers.flatMap((p) => (p.userId ? [p.userId] : [])))];
  const approvedBy = named.filter((id) =>
    reviews.some(
      (r) => r.userId === id && r.verdict === "APPROVED" && r.textVersion === textVersion,
    ),
  );
  const total = named.length;
  const needed = rule === "ALL" ? total : Math.floor(total / 2) + 1;
  const met = total > 0 && approvedBy.length >= needed;
  const summary =
    total === 0
      ? "No decision-maker is named yet: name at least one."
      : `${approvedBy.length} of ${total} decision-maker${total === 1 ? "" : "s"} approved; needs ${
          rule === "ALL" ? (total === 1 ? "their approval" : "all") : `a majority (${needed})`
        }.`;
  return { rule, total, needed, approved: approvedBy.length, approvedBy, met, summary };
}
