import { FileText } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "~/components/ui/button-variants";

/**
 * The project page's way to the decision record. Once voting is closed and nothing is recorded
 * yet, recording the decision is what is left to do, so it is the page's primary action. While
 * the team writes the record in a shared draft (`openDraftHref`), recording leads there: the
 * draft is the record in progress, accepted on its page.
 */
export function RecordLink({
  slug,
  projectId,
  status,
  recorded,
  openDraftHref,
}: {
  slug: string;
  projectId: string;
  status: "DRAFT" | "OPEN" | "DECIDED" | "SUPERSEDED" | "ARCHIVED";
  recorded: boolean;
  openDraftHref?: string | undefined;
}) {
  const toRecord = !recorded && (status === "OPEN" || status === "DECIDED");
  const label = toRecord
    ? "Record the decision"
    : status === "DRAFT"
      ? "Draft record and exports"
      : "Decision record and exports";
  return (
    <Link
      href={toRecord && openDraftHref ? openDraftHref : `/t/${slug}/p/${projectId}/record`}
      className={buttonVariants({
        variant: toRecord && status === "DECIDED" ? "primary" : "outline",
      })}
      data-testid="record-link"
    >
      <FileText aria-hidden="true" /> {label}
    </Link>
  );
}
