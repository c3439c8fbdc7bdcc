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
    // Stays in view on a wider screen. On a phone, or a screen too short to spare the room (a page
    // zoomed to 400%), it scrolls away with the page rather than cover what has focus.
    <header className="z-30 border-b bg-background/85 backdrop-blur sm:tall:sticky sm:tall:top-0">
      {/* On a phone the team's name has a line of its own under the mark and the menus, so a
          member of several teams reads which one they are in; wider, it gives way (truncated)
          so nothing is pushed off screen. */}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-2 px-4 max-sm:py-1 sm:h-14 sm:gap-3 sm:px-6">
        <Link
          href="/"
          className="flex min-h-11 shrink-0 items-center rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <Logo compact />
        </Link>
        <span className="hidden text-muted-foreground sm:inline" aria-hidden>
          /
        </span>
        <div className="flex min-w-0 flex-1 max-sm:order-last max-sm:basis-full">
          <TeamSwitcher teams={teams} />
        </div>
        <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
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
