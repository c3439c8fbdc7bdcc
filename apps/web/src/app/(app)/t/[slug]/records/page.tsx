import type { Metadata } from "next";
import { PageShell } from "~/components/app/page-heading";
import { Section } from "~/components/team/section";
import { teamPageData, teamPageMetadata } from "../_team/team-page";
import { DownloadFolder } from "./_components/download-folder";
import { ImportFolder } from "./_components/import-folder";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return teamPageMetadata((await params).slug, "Decision records", "Decision records");
}

/**
 * The team's decision records as a docs/decisions folder: downloaded as a zip (the files
 * `tradeoff export --all` writes), and a folder a team already keeps imported (as
 * `tradeoff import` does, with the same preview). Importing needs a member's role, as in the API.
 */
export default async function DecisionRecordsPage({ params }: Props) {
  const { team } = await teamPageData((await params).slug, "records");
  const canImport = team.role !== "VIEWER";
  return (
    <PageShell
      className="space-y-10"
      title="Decision records"
      team={team}
      description={
        <>
          Keep the team's decisions in your repository as a <code>docs/decisions</code> folder.
        </>
      }
    >
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
    </PageShell>
  );
}
