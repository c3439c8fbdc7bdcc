import Link from "next/link";
import { Avatar } from "~/components/ui/avatar";
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
      {/* On a phone the header keeps the mark, the team menu and the account menu, and only the
          team name gives way (truncated) so nothing is pushed off screen. */}
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-2 px-4 sm:gap-3 sm:px-6">
        <Link
          href="/"
          className="flex min-h-11 shrink-0 items-center rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <Logo compact />
        </Link>
        <span className="hidden text-muted-foreground sm:inline" aria-hidden>
          /
        </span>
        <div className="flex min-w-0 flex-1">
          <TeamSwitcher teams={teams} />
        </div>
        <div className="flex shrink-0 items-center gap-1 sm:gap-2">
          <InboxBell initialUnread={unread} />
          <ThemeToggle />
          {/* Named by its text, so voice control users can say what they see; on a phone only
              the avatar shows and the name stays for screen readers. */}
          <AccountMenuButton user={user}>
            <Avatar name={displayName} size="sm" aria-hidden="true" />
            <span className="max-w-40 truncate max-sm:sr-only">{displayName}</span>
            <span className="sr-only">: Account menu</span>
          </AccountMenuButton>
        </div>
      </div>
    </header>
  );
}
