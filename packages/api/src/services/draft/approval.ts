import type { Prisma } from "@tradeoff/db";
import type { RecordPerson } from "../../schemas/record";

export type ApprovalRule = "ALL" | "MAJORITY";

/**
 * Selects, with a draft's team, who may still review (members and up): a named decision-maker
 * who left the team or was made a viewer no longer counts towards the approval rule.
 */
export const reviewersSelect = {
  select: { memberships: { where: { role: { not: "VIEWER" } }, select: { userId: true } } },
} as const satisfies Prisma.TeamDefaultArgs;

/** The ids of the team's members who may review, as `approvalStatus` takes them. */
export const reviewerIds = (team: { memberships: { userId: string }[] }): ReadonlySet<string> =>
  new Set(team.memberships.map((m) => m.userId));

type Review = { userId: string; verdict: "APPROVED" | "CHANGES_REQUESTED"; textVersion: number };

/**
 * Whether the named decision-makers' current approvals meet the project's rule. An approval
 * given at an earlier version of the draft (its text or its fields changed since) is stale and
 * does not count; reviews of people no longer named do not count either, nor those of named
 * people who can no longer review (removed from the team, or made a viewer): they stay named,
 * so the rule says who must be replaced rather than quietly needing fewer approvals.
 */
export function approvalStatus(
  rule: ApprovalRule,
  decisionMakers: RecordPerson[],
  reviews: Review[],
  textVersion: number,
  reviewers: ReadonlySet<string>,
) {
  const named = [...new Set(decisionMakers.flatMap((p) => (p.userId ? [p.userId] : [])))];
  const approvedBy = named.filter(
    (id) =>
      reviewers.has(id) &&
      reviews.some(
        (r) => r.userId === id && r.verdict === "APPROVED" && r.textVersion === textVersion,
      ),
  );
  const gone = decisionMakers.filter((p) => p.userId && !reviewers.has(p.userId));
  const total = named.length;
  const needed = rule === "ALL" ? total : Math.floor(total / 2) + 1;
  const met = total > 0 && approvedBy.length >= needed;
  const cannotReview = gone.length
    ? ` ${gone.map((p) => p.name).join(", ")} can no longer review (not a member of the team, or a viewer): change the decision-makers.`
    : "";
  const summary =
    total === 0
      ? "No decision-maker is named yet: name at least one."
      : `${approvedBy.length} of ${total} decision-maker${total === 1 ? "" : "s"} approved; needs ${
          rule === "ALL" ? (total === 1 ? "their approval" : "all") : `a majority (${needed})`
        }.${cannotReview}`;
  return {
    rule,
    total,
    needed,
    approved: approvedBy.length,
    approvedBy,
    cannotReview: gone.map((p) => p.userId as string),
    met,
    summary,
  };
}
