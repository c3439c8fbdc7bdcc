import { JOB_QUEUES, jobId, sendInTransaction } from "@tradeoff/db/jobs";
import type { Adapter } from "next-auth/adapters";
import { endSessions } from "./sign-in-sessions";
import type { AuthDatabase } from "./types";

/**
 * Signing up with a password proves nothing about the address: anyone can type someone else's.
 * The first time the address is proven (an emailed sign-in link opened: next-auth then sets
 * `emailVerified` through the adapter's `updateUser`), whatever an unproven sign-in could do
 * ends: the password is removed, the token version moves on, every sign-in record is deleted
 * and every personal access token revoked, in one transaction with the proof; draft editors
 * opened with those sessions close as it commits. The sign-in being made gets its record
 * afterwards (the jwt callback), so only it remains. When a password was removed, its owner is
 * emailed why (they just proved they read that inbox).
 */
export async function proveAddress(db: AuthDatabase, userId: string, at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const unproven = await tx.user.findFirst({
      where: { id: userId, emailVerified: null },
      select: { passwordHash: true },
    });
    // Only the first proof counts; a second link at the same moment finds it already set.
    const proven = await tx.user.updateMany({
      where: { id: userId, emailVerified: null },
      data: { emailVerified: at, passwordHash: null },
    });
    if (!unproven || proven.count === 0) return;
    await endSessions(tx, userId, { sessions: "all", tokenVersion: true, revokeTokensAt: at });
    if (unproven.passwordHash) {
      await sendInTransaction(
        tx,
        JOB_QUEUES.passwordRemovedEmail,
        { userId },
        { id: jobId(JOB_QUEUES.passwordRemovedEmail, userId) },
      );
    }
  });
}

/** The adapter with `updateUser` proving the address first when it sets `emailVerified`. */
export function withAddressProof(db: AuthDatabase, adapter: Adapter): Adapter {
  const { updateUser } = adapter;
  if (!updateUser) return adapter;
  return {
    ...adapter,
    async updateUser(user) {
      if (user.id && user.emailVerified) await proveAddress(db, user.id, user.emailVerified);
      return updateUser(user);
    },
  };
}
