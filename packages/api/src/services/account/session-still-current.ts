import type { SessionUser } from "@tradeoff/auth";
import { type PrismaClient, statements } from "@tradeoff/db";
import { sessionCurrent } from "../../session-current";

/**
 * Whether the session a long-lived stream was opened with still counts (the check every request
 * makes in its access query): signed out, or out everywhere, and the stream should end.
 */
export async function sessionStillCurrent(
  db: PrismaClient,
  session: SessionUser,
): Promise<boolean> {
  const [row] = await statements.sessionVersion(db, {
    userId: session.id,
    sessionId: session.sessionId,
  });
  return Boolean(row && sessionCurrent(session, row));
}
