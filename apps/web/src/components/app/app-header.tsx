import Link from "next/link";
import { Avatar } from "~/components/ui/avatar";
import { Button } from "~/components/ui/button";
import { ThemeToggle } from "~/components/ui/theme-toggle";
import { AccountMenuButton, TeamSwitcher } from "./header-islands";
import type { TeamSummary } from "./header-menus";
import { InboxBell } from "./inbox-bell";
import { Logo } from "./logo";

type Props = {
  user: { name: string | null; email: string };
  teams: TeamSummary[];
  /** Unread notifications when the page was rendered; the bell keeps it current. */
  unread: number;
};

/**
 * Rendered on the server: only the team switcher (which reads the URL) and the menus around the
 * buttons are client components, so the rest of the header ships no code.
 */
export function AppHeader({ user, teams, unread }: Props) {
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
        <TeamSwitcher teams={teams} />
        <div className="ml-auto flex items-center gap-2">
          <InboxBell initialUnread={unread} />
          <ThemeToggle />
          <AccountMenuButton
            user={user}
            trigger={
              <Button variant="ghost" size="sm" aria-label={`${displayName}: Account menu`}>
                <Avatar name={displayName} size="sm" />
                <span className="hidden max-w-40 truncate sm:inline">{displayName}</span>
              </Button>
            }
          />
        </div>
      </div>
    </header>
  );
}
