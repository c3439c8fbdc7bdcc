import { forgetNewDecisionDrafts } from "./new-decision-draft";

/**
 * Vote edits not yet acknowledged by the server live in localStorage, one entry per member,
 * project and criterion, so a flaky connection or a closed tab loses nothing. The member's id
 * is part of the key: on a shared browser another person's pending edits are never read, let
 * alone sent as theirs. Signing out drops every pending edit on the device.
 */
const PREFIX = "tradeoff:vote:";

export const pendingVoteKey = (userId: string, projectId: string, criterionKey: string) =>
  `${PREFIX}${userId}:${projectId}:${criterionKey}`;

/** The key pages used before the member's id was part of it: whose edit it holds is unknown. */
export const ownerlessVoteKey = (projectId: string, criterionKey: string) =>
  `${PREFIX}${projectId}:${criterionKey}`;

function storedKeys(): string[] {
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    return keys;
  } catch {
    // Storage switched off: nothing is kept, so nothing is pending.
    return [];
  }
}

/** How many vote edits on this device wait to be saved, for `userId`, or anyone's. */
export function pendingVoteCount(userId?: string): number {
  const own = userId ? `${PREFIX}${userId}:` : PREFIX;
  return storedKeys().filter((key) => key.startsWith(own)).length;
}

/**
 * The warning shown before anything that signs this browser out: how many vote edits would be
 * dropped, and by what ("signing out", "deleting your account").
 */
export function unsavedVotesWarning(count: number, dropping: string): string {
  return count === 1
    ? `1 vote change on this device is not saved yet: ${dropping} drops it.`
    : `${count} vote changes on this device are not saved yet: ${dropping} drops them.`;
}

/** Drops every pending vote edit on this device (on sign-out: the next person must not get them). */
export function forgetPendingVotes() {
  for (const key of storedKeys()) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing more can be done; the key holds the member's id, so it is never sent as another's.
    }
  }
}

/** Signs out with next-auth after dropping the pending vote edits and kept new-decision drafts. */
export async function signOutOfDevice(callbackUrl: string) {
  forgetPendingVotes();
  forgetNewDecisionDrafts();
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl });
}
