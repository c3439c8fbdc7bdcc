import type {
  RecordMarkdown,
  RecordView,
} from "~/app/(app)/t/[slug]/p/[projectId]/record/_components/record-document";
import { renderMarkdown } from "./markdown";

/**
 * The record's Markdown rendered on the server, for `RecordDocument`: the rationale and the
 * consequences flow into their sentence ("…, because …"), more information is blocks under
 * its own heading.
 */
export function recordMarkdown(view: Pick<RecordView, "decision">): RecordMarkdown {
  const d = view.decision;
  if (!d) return { inline: {}, block: {} };
  const { good, neutral, bad } = d.consequences;
  return {
    inline: renderMarkdown([d.rationale, ...good, ...neutral, ...bad], { inline: true }),
    block: renderMarkdown([d.moreInformation], { headingLevel: 3 }),
  };
}
