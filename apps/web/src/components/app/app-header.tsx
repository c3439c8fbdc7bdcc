"use client";

import { ChevronsUpDown } from "lucide-react";
import Link from "next/link";
import { useParams } from "next/navigation";
import { Avatar } from "~/components/ui/avatar";
import { Button } from "~/components/ui/button";
import { Deferred } from "~/components/ui/deferred";
import { ThemeToggle } from "~/components/ui/theme-toggle";
import type { TeamSummary } from "./header-menus";
import { Logo } from "./logo";

type Props = { user: { name: string | null; email: string }; teams: TeamSummary[] };

// The menus' code (Radix, their items) loads when someone reaches for them, not with the page.
const loadMenus = () => import("./header-menus");

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
        <Deferred
          load={loadMenus}
          popup="menu"
          trigger={
            <Button
              variant="ghost"
              size="sm"
              // The name starts with the visible text, so voice control users can say what they see.
              aria-label={`${current?.name ?? "Select a team"}: Switch team`}
            >
              <span className="max-w-40 truncate">{current?.name ?? "Select a team"}</span>
              <ChevronsUpDown aria-hidden className="text-muted-foreground" />
            </Button>
          }
        >
          {({ TeamMenu }, menu) => <TeamMenu {...menu} teams={teams} current={current} />}
        </Deferred>
        <div className="ml-auto flex items-center gap-2">
          <ThemeToggle />
          <Deferred
            load={loadMenus}
            popup="menu"
            trigger={
              <Button variant="ghost" size="sm" aria-label={`${displayName}: Account menu`}>
                <Avatar name={displayName} size="sm" />
                <span className="hidden max-w-40 truncate sm:inline">{displayName}</span>
              </Button>
            }
          >
            {({ AccountMenu }, menu) => <AccountMenu {...menu} user={user} />}
          </Deferred>
        </div>
      </div>
    </header>
  );
}
