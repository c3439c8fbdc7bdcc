import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "~/components/app/logo";
import { buttonVariants } from "~/components/ui/button-variants";
import { ThemeToggle } from "~/components/ui/theme-toggle";
import { LAST_TEAM_COOKIE } from "~/lib/last-team-cookie";
import { getSessionUser } from "~/server/auth";
import { api } from "~/trpc/server";

/** Signed in: straight to the last team used (or the first, or the first-sign-in page). Signed out: the welcome page. */
export default async function HomePage() {
  if (await getSessionUser()) {
    const teams = await api((c) => c.team.list());
    const last = (await cookies()).get(LAST_TEAM_COOKIE)?.value;
    const team = teams.find((t) => t.slug === last) ?? teams[0];
    redirect(team ? `/t/${team.slug}` : "/start");
  }
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <Logo />
        <div className="flex items-center gap-2">
          <ThemeToggle />
          <Link className={buttonVariants({ variant: "ghost" })} href="/sign-in">
            Sign in
          </Link>
        </div>
      </header>
      <main className="mx-auto flex max-w-2xl flex-1 flex-col items-start justify-center gap-6 px-6 pb-24">
        <h1 className="font-semibold text-4xl tracking-tight sm:text-5xl">
          Decide as a team, not by the loudest voice.
        </h1>
        <p className="text-lg text-muted-foreground">
          Every member weighs each criterion of a technical choice. Tradeoff turns the votes into
          one explained recommendation, keeps its full history, and exports the decision record next
          to your code.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link className={buttonVariants({ size: "lg" })} href="/sign-up">
            Create an account
          </Link>
          <Link className={buttonVariants({ variant: "secondary", size: "lg" })} href="/sign-in">
            Sign in
          </Link>
        </div>
      </main>
    </div>
  );
}
