"use client";

import { Check, ChevronsUpDown, LogOut, Plus, Settings, UserRound } from "lucide-react";
import Link from "next/link";
import { useParams } from "next/navigation";
import { Avatar } from "~/components/ui/avatar";
import { Button } from "~/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "~/components/ui/dropdown-menu";
import { ThemeToggle } from "~/components/ui/theme-toggle";
import { Logo } from "./logo";

type TeamSummary = { name: string; slug: string; role: string };
type Props = { user: { name: string | null; email: string }; teams: TeamSummary[] };

export function AppHeader({ user, teams }: Props) {
  const params = useParams<{ slug?: string }>();
  const current = teams.find((team) => team.slug === params.slug);
  const displayName = user.name || user.email;

  return (
    <header className="sticky top-0 z-30 border-b bg-background/85 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-3 px-4 sm:px-6">
        <Link
          href="/"
          className="rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <Logo />
        </Link>
        <span className="text-muted-foreground" aria-hidden>
          /
        </span>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button
              variant="ghost"
              size="sm"
              // The name starts with the visible text, so voice control users can say what they see.
              aria-label={`${current?.name ?? "Select a team"}: Switch team`}
            >
              <span className="max-w-40 truncate">{current?.name ?? "Select a team"}</span>
              <ChevronsUpDown aria-hidden className="text-muted-foreground" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start" className="w-60">
            <DropdownMenuLabel>Your teams</DropdownMenuLabel>
            {teams.map((team) => (
              <DropdownMenuItem key={team.slug} asChild>
                <Link href={`/t/${team.slug}`}>
                  <span className="flex-1 truncate">{team.name}</span>
                  {team.slug === current?.slug ? <Check aria-label="current team" /> : null}
                </Link>
              </DropdownMenuItem>
            ))}
            {teams.length > 0 ? <DropdownMenuSeparator /> : null}
            {current ? (
              <DropdownMenuItem asChild>
                <Link href={`/t/${current.slug}/settings`}>
                  <Settings aria-hidden /> Team settings
                </Link>
              </DropdownMenuItem>
            ) : null}
            <DropdownMenuItem asChild>
              <Link href="/teams/new">
                <Plus aria-hidden /> Create a team
              </Link>
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
        <div className="ml-auto flex items-center gap-2">
          <ThemeToggle />
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="ghost" size="sm" aria-label={`${displayName}: Account menu`}>
                <Avatar name={displayName} size="sm" />
                <span className="hidden max-w-40 truncate sm:inline">{displayName}</span>
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end" className="w-60">
              <DropdownMenuLabel className="font-normal">
                <div className="truncate font-medium">{user.name}</div>
                <div className="truncate text-muted-foreground text-xs">{user.email}</div>
              </DropdownMenuLabel>
              <DropdownMenuSeparator />
              <DropdownMenuItem asChild>
                <Link href="/account">
                  <UserRound aria-hidden /> Account
                </Link>
              </DropdownMenuItem>
              <DropdownMenuItem
                // next-auth's client loads only when someone signs out.
                onSelect={() =>
                  void import("next-auth/react").then(({ signOut }) =>
                    signOut({ callbackUrl: "/sign-in" }),
                  )
                }
              >
                <LogOut aria-hidden /> Sign out
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      </div>
    </header>
  );
}
