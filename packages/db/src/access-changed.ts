import type { Prisma } from "./generated/prisma/client";

/**
 * The channel that tells the app instances someone's access changed:
 * `{"userId": "..." | null, "teamId": "..." | null}`. A member removed from a team, or whose
 * role changed, names both; a person whose sessions ended (signed out, one session or the
 * others ended from the account page, signed out everywhere, a password change, the address
 * proven by an emailed link, the account deleted) names no team; a deleted team names no user. Sent
 * inside the transaction that makes the change, so it is delivered when (and only if) that
 * commits. Long-lived connections opened with the old access (the shared text of a draft) are
 * then checked again at once, instead of only when they next send something.
 */
export const ACCESS_CHANGED_CHANNEL = "access_changed";

export type AccessChange = { userId: string | null; teamId: string | null };

export async function announceAccessChanged(
  tx: Prisma.TransactionClient,
  change: AccessChange,
): Promise<void> {
  const payload = JSON.stringify({ userId: change.userId, teamId: change.teamId });
  await tx.$executeRaw`SELECT pg_notify(${ACCESS_CHANGED_CHANNEL}, ${payload})`;
}

/** Reads an announcement; null when it is not one. */
export function parseAccessChange(payload: string): AccessChange | null {
  try {
    const parsed = JSON.parse(payload) as { userId?: unknown; teamId?: unknown };
    const userId = typeof parsed.userId === "string" ? parsed.userId : null;
    const teamId = typeof parsed.teamId === "string" ? parsed.teamId : null;
    if (!userId && !teamId) return null;
    return { userId, teamId };
  } catch {
    return null;
  }
}
