import type { Metadata } from "next";
import { PageShell } from "~/components/app/page-heading";
import { requireSessionUser } from "~/server/auth";
import { api } from "~/trpc/server";
import { CreateTeamForm } from "../teams/new/create-team-form";
import { JoinWithLinkForm } from "./join-with-link-form";

export const metadata: Metadata = { title: "Get started" };

/** The first sign-in, with no team yet: start a team, or join one with an invitation link. */
export default async function StartPage() {
  await requireSessionUser("/start");
  const teams = await api((c) => c.team.list());
  return (
    <PageShell
      className="mx-auto max-w-3xl space-y-6"
      title="Welcome to Tradeoff"
      lead
      description={
        teams.length === 0
          ? "You are not in a team yet. Decisions live in a team: start your own, or join the one that invited you."
          : "Start another team, or join one more with an invitation link."
      }
    >
      <div className="grid gap-4 md:grid-cols-2">
        <CreateTeamForm heading="h2" title="Create a team" />
        <JoinWithLinkForm />
      </div>
    </PageShell>
  );
}
