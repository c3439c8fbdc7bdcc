import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Section } from "~/components/team/section";
import { getSessionUser } from "~/server/auth";
import { apiOrNull } from "~/trpc/server";
import { DownloadFolder } from "./_components/download-folder";
import { ImportFolder } from "./_components/import-folder";

type Props = { params: Promise<{ slug: string }> };

const loadTeam = (slug: string) => apiOrNull((c) => c.team.get({ slug }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!(await getSessionUser())) return { title: "Decision records" };
  const team = await loadTeam((await params).slug);
  return { title: team ? `Decision records · ${team.name}` : "Team not found" };
}

/**
 * The team's decision records as a docs/decisions folder: downloaded as a zip (the files
 * `tradeoff export --all` writes), and a folder a team already keeps imported (as
 * `tradeoff import` does, with the same preview). Importing needs a member's role, as in the API.
 */
export default async function DecisionRecordsPage({ params }: Props) {
  const { slug } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/t/${slug}/records`)}`);
  const team = await loadTeam(slug);
  if (!team) notFound();
  const canImport = team.role !== "VIEWER";
  return (
    <div className="space-y-10">
      <div className="min-w-0 space-y-1">
        <p className="text-muted-foreground text-sm">
          <Link href={`/t/${team.slug}`} className="underline-offset-4 hover:underline">
            {team.name}
          </Link>
        </p>
        <h1 className="font-semibold text-2xl tracking-tight">Decision records</h1>
        <p className="text-muted-foreground text-sm">
          Keep the team's decisions in your repository as a <code>docs/decisions</code> folder.
        </p>
      </div>
      <Section
        id="download-heading"
        title="Download the folder"
        description="Every decision that was opened, one Markdown file each, and a README.md index: the same files as tradeoff export --all. Open decisions are written as proposed."
      >
        <DownloadFolder teamId={team.id} slug={team.slug} />
      </Section>
      <Section
        id="import-heading"
        title="Import a folder"
        description="Records an adr-tools, MADR or log4brains folder already holds become decided, read-only records of this team, with their status, date, people, tags and supersede links. You see what will be created before anything is written; the import is then all or nothing."
      >
        {canImport ? (
          <ImportFolder teamId={team.id} slug={team.slug} />
        ) : (
          <p className="text-muted-foreground text-sm">
            Viewers cannot import records; ask a member or an admin of the team.
          </p>
        )}
      </Section>
    </div>
  );
}
