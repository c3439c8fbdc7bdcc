"use client";

import { ChevronsUpDown } from "lucide-react";
import { useParams } from "next/navigation";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { Deferred } from "~/components/ui/deferred";
import type { TeamSummary } from "./header-menus";

// The menus' code (Radix, their items) loads when someone reaches for them, not with the page.
const loadMenus = () => import("./header-menus");

/** The team switcher's button; the current team comes from the URL. */
export function TeamSwitcher({ teams }: { teams: TeamSummary[] }) {
  const params = useParams<{ slug?: string }>();
  const current = teams.find((team) => team.slug === params.slug);
  return (
    <Deferred
      load={loadMenus}
      popup="menu"
      trigger={
        <Button
          variant="ghost"
          size="sm"
          className="max-w-full max-sm:-ml-3 max-sm:h-auto max-sm:py-1.5"
          // The name starts with the visible text, so voice control users can say what they see.
          aria-label={`${current?.name ?? "Select a team"}: Switch team`}
        >
          <span className="min-w-0 text-left max-sm:whitespace-normal max-sm:break-words sm:max-w-md sm:truncate">
            {current?.name ?? "Select a team"}
          </span>
          <ChevronsUpDown aria-hidden className="text-muted-foreground" />
        </Button>
      }
    >
      {({ TeamMenu }, menu) => <TeamMenu {...menu} teams={teams} current={current} />}
    </Deferred>
  );
}

/**
 * The account menu around its button. The button is made here, in client code, for Deferred to
 * add its props to (see ThemeMenuButton); what it shows (`children`) comes from the server.
 */
export function AccountMenuButton({
  user,
  children,
}: {
  user: { name: string | null; email: string };
  children: ReactNode;
}) {
  return (
    <Deferred
      load={loadMenus}
      popup="menu"
      trigger={
        <Button variant="ghost" size="sm">
          {children}
        </Button>
      }
    >
      {({ AccountMenu }, menu) => <AccountMenu {...menu} user={user} />}
    </Deferred>
  );
}
