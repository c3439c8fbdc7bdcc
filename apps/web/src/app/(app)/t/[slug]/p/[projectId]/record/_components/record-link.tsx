import { FileText } from "lucide-react";
import Link from "next/link";

/**
 * The project page's way to the decision record: "Record the decision" while voting is open,
 * "Decision record and exports" once decided.
 */
export function RecordLink({
  slug,
  projectId,
  status,
}: {
  slug: string;
  projectId: string;
  status: "DRAFT" | "OPEN" | "DECIDED" | "SUPERSEDED" | "ARCHIVED";
}) {
  const label =
    status === "OPEN"
      ? "Record the decision"
      : status === "DRAFT"
        ? "Draft record and exports"
        : "Decision record and exports";
  return (
    <div className="mb-4 flex justify-end">
      <Link
        href={`/t/${slug}/p/${projectId}/record`}
        className="inline-flex items-center gap-1 rounded-md border px-3 py-1.5 text-sm hover:bg-accent"
      >
        <FileText aria-hidden="true" className="size-4" /> {label}
      </Link>
    </div>
  );
}
