import Link from "next/link";
import type { ReactNode } from "react";

type PageHeadingProps = {
  title: string;
  team?: { slug: string; name: string };
  description?: ReactNode;
  /** A second paragraph under the description, for what a newcomer needs to know first. */
  details?: ReactNode;
  /** The description as an introduction, in body size (a welcome page). */
  lead?: boolean;
};

/**
 * A signed-in page: its heading (PageHeading), then its content, in a column whose width and
 * spacing `className` gives.
 */
export function PageShell({
  className,
  children,
  ...heading
}: PageHeadingProps & { className: string; children: ReactNode }) {
  return (
    <div className={className}>
      <PageHeading {...heading} />
      {children}
    </div>
  );
}

/**
 * The heading of a signed-in page: its title, under the team's name (a link to the team) on a
 * team's pages, and a line that says what the page is for.
 */
function PageHeading({ title, team, description, details, lead = false }: PageHeadingProps) {
  return (
    <div className="min-w-0 space-y-1">
      {team ? (
        <p className="text-muted-foreground text-sm">
          <Link
            href={`/t/${team.slug}`}
            className="inline-flex min-h-6 items-center underline-offset-4 hover:underline"
          >
            {team.name}
          </Link>
        </p>
      ) : null}
      <h1 className="font-semibold text-2xl tracking-tight">{title}</h1>
      {description ? (
        <p className={lead ? "text-muted-foreground" : "text-muted-foreground text-sm"}>
          {description}
        </p>
      ) : null}
      {details ? <p className="text-muted-foreground text-sm">{details}</p> : null}
    </div>
  );
}
