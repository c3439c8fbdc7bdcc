import type {
  RecordMarkdown,
  RecordView,
} from "~/app/(app)/t/[slug]/p/[projectId]/record/_components/record-document";
import { renderMarkdown } from "./markdown";

/**
 * The record's Markdown rendered on the server, for `RecordDocument`: the rationale, the
 * justification, the override reason, the consequences and the members' reasons flow into their
 * sentence ("…, because …"), more information is blocks under its own heading. `earlier`: the
 * rationales of the record's revisions, which the record page lists the same way.
 */
export function recordMarkdown(
  view: Pick<RecordView, "decision" | "votes">,
  earlier: string[] = [],
): RecordMarkdown {
  const d = view.decision;
  const reasons = [...(view.votes ?? []).map((v) => v.rationale), ...earlier];
  if (!d) return { inline: renderMarkdown(reasons, { inline: true }), block: {} };
  const { good, neutral, bad } = d.consequences;
  return {
    inline: renderMarkdown(
      [d.rationale, d.justification, d.overrideReason, ...good, ...neutral, ...bad, ...reasons],
      { inline: true },
    ),
    block: renderMarkdown([d.moreInformation], { headingLevel: 3 }),
  };
}
