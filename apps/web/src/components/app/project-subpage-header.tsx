import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The heading of a page below a project (its record, its record draft): the way back to the
 * project, the page's title and its status badge.
 */
export function ProjectSubpageHeader({
  projectUrl,
  title,
  badge,
}: {
  projectUrl: string;
  title: ReactNode;
  badge?: ReactNode;
}) {
  return (
    <header className="space-y-2">
      <Link
        href={projectUrl}
        className="inline-flex min-h-11 items-center gap-1 text-muted-foreground text-sm hover:text-foreground"
      >
        <ArrowLeft aria-hidden="true" className="size-4" /> Back to the project
      </Link>
      <h1 className="break-words font-semibold text-2xl tracking-tight">{title}</h1>
      {badge}
    </header>
  );
}
