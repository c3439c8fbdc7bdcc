import { ArrowLeft } from "lucide-react";
import Link from "next/link";

/** The draft page's title and the way back to the decision. */
export function DraftHeader({
  slug,
  projectId,
  title,
  status,
}: {
  slug: string;
  projectId: string;
  title: string;
  status: "PROPOSED" | "ACCEPTED";
}) {
  return (
    <header className="grid gap-2">
      <Link
        href={`/t/${slug}/p/${projectId}`}
        className="inline-flex min-h-11 items-center gap-1 text-muted-foreground text-sm hover:text-foreground"
      >
        <ArrowLeft aria-hidden="true" className="size-4" /> Back to the decision
      </Link>
      <h1 className="font-semibold text-2xl">Decision record draft: {title}</h1>
      <p className="text-muted-foreground text-sm">
        {status === "PROPOSED"
          ? "Everyone in the team sees each other's edits as they type."
          : "Accepted: this is the text as it was approved."}
      </p>
    </header>
  );
}
