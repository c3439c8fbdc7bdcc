import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The heading of a signed-in page: its title, under the team's name (a link to the team) on a
 * team's pages, and a line that says what the page is for.
 */
export function PageHeading({
  title,
  team,
  description,
  lead = false,
}: {
  title: string;
  team?: { slug: string; name: string };
  description?: ReactNode;
  /** The description as an introduction, in body size (a welcome page). */
  lead?: boolean;
}) {
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
    </div>
  );
}
