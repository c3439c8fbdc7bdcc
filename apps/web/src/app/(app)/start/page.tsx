import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "~/server/auth";
import { api } from "~/trpc/server";
import { CreateTeamForm } from "../teams/new/create-team-form";
import { JoinWithLinkForm } from "./join-with-link-form";

export const metadata: Metadata = { title: "Get started" };

/** The first sign-in, with no team yet: start a team, or join one with an invitation link. */
export default async function StartPage() {
  if (!(await getSessionUser())) redirect("/sign-in?callbackUrl=%2Fstart");
  const teams = await api((c) => c.team.list());
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="space-y-1">
        <h1 className="font-semibold text-2xl tracking-tight">Welcome to Tradeoff</h1>
        <p className="text-muted-foreground">
          {teams.length === 0
            ? "You are not in a team yet. Decisions live in a team: start your own, or join the one that invited you."
            : "Start another team, or join one more with an invitation link."}
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <CreateTeamForm heading="h2" title="Create a team" />
        <JoinWithLinkForm />
      </div>
    </div>
  );
}
