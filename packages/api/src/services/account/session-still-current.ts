import type { SessionUser } from "@tradeoff/auth";
import { type PrismaClient, statements } from "@tradeoff/db";
import { sessionCurrent } from "../../session-current";

/**
 * Whether the session a long-lived stream was opened with still counts (the check every request
 * makes in its access query): signed out, or out everywhere, and the stream should end. A
 * stream opened with a personal access token also ends once that token is revoked or expires:
 * a request with it would be refused by then.
 */
export async function sessionStillCurrent(
  db: PrismaClient,
  session: SessionUser,
  now = new Date(),
): Promise<boolean> {
  const [[row], tokenLive] = await Promise.all([
    statements.sessionVersion(db, { userId: session.id, sessionId: session.sessionId }),
    session.accessTokenId ? accessTokenLive(db, session.accessTokenId, session.id, now) : true,
  ]);
  return Boolean(row && sessionCurrent(session, row) && tokenLive);
}

async function accessTokenLive(db: PrismaClient, tokenId: string, userId: string, now: Date) {
  const token = await db.personalAccessToken.findFirst({
    where: {
      id: tokenId,
      userId,
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    },
    select: { id: true },
  });
  return token !== null;
}
