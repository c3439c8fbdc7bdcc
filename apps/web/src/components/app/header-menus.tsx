"use client";

import { Check, LogIn, LogOut, Plus, Settings, UserRound, Users } from "lucide-react";
import Link from "next/link";
import { type ReactElement, useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "~/components/ui/alert-dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "~/components/ui/dropdown-menu";
import { pendingVoteCount, signOutOfDevice, unsavedVotesWarning } from "~/lib/pending-votes";

export type TeamSummary = { name: string; slug: string; role: string };
type MenuProps = { trigger: ReactElement; defaultOpen: boolean };

/** The header's team switcher; loaded by AppHeader when someone reaches for it. */
export function TeamMenu({
  trigger,
  defaultOpen,
  teams,
  current,
}: MenuProps & { teams: TeamSummary[]; current: TeamSummary | undefined }) {
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel>Your teams</DropdownMenuLabel>
        {teams.map((team) => (
          <DropdownMenuItem key={team.slug} asChild>
            <Link href={`/t/${team.slug}`}>
              <span className="min-w-0 flex-1 break-words">{team.name}</span>
              {team.slug === current?.slug ? <Check aria-label="current team" /> : null}
            </Link>
          </DropdownMenuItem>
        ))}
        {teams.length > 0 ? <DropdownMenuSeparator /> : null}
        {current ? (
          <DropdownMenuItem asChild>
            <Link href={`/t/${current.slug}/members`}>
              <Users aria-hidden /> Members
            </Link>
          </DropdownMenuItem>
        ) : null}
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
        <DropdownMenuItem asChild>
          <Link href="/start">
            <LogIn aria-hidden /> Join a team with a link
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/**
 * The header's account menu; loaded by AppHeader when someone reaches for it. Signing out drops
 * the vote edits this device has not saved yet (the next person on it must never send them):
 * when there are some, it asks first and says so.
 */
export function AccountMenu({
  trigger,
  defaultOpen,
  user,
}: MenuProps & { user: { name: string | null; email: string } }) {
  const [unsaved, setUnsaved] = useState(0);
  const signOut = () => void signOutOfDevice("/sign-in");
  return (
    <>
      <AccountDropdown
        trigger={trigger}
        defaultOpen={defaultOpen}
        user={user}
        onSignOut={() => {
          const pending = pendingVoteCount();
          if (pending > 0) setUnsaved(pending);
          else signOut();
        }}
      />
      <AlertDialog open={unsaved > 0} onOpenChange={(open) => !open && setUnsaved(0)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Sign out with votes not saved?</AlertDialogTitle>
            <AlertDialogDescription>
              {unsavedVotesWarning(unsaved, "signing out")} Stay signed in until the page says Saved
              to keep them.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Stay signed in</AlertDialogCancel>
            <AlertDialogAction onClick={signOut}>Sign out</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}

function AccountDropdown({
  trigger,
  defaultOpen,
  user,
  onSignOut,
}: MenuProps & { user: { name: string | null; email: string }; onSignOut: () => void }) {
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel>
          <div className="truncate font-medium">{user.name}</div>
          <div className="truncate font-normal text-muted-foreground text-xs">{user.email}</div>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <UserRound aria-hidden /> Account
          </Link>
        </DropdownMenuItem>
        {/* next-auth's client loads only when someone signs out. */}
        <DropdownMenuItem onSelect={onSignOut}>
          <LogOut aria-hidden /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
