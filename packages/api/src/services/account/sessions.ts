import {
  describeUserAgent,
  endSessions,
  endSignInSession,
  listSignInSessions,
} from "@tradeoff/auth";
import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";

/** Where the member is signed in, newest use first; `current` marks the session asking. */
export async function listSessions(
  db: PrismaClient,
  input: { userId: string; sessionId: string | null },
) {
  const rows = await listSignInSessions(db, input.userId);
  return rows.map((row) => ({
    id: row.id,
    device: describeUserAgent(row.userAgent),
    address: row.address,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === input.sessionId,
  }));
}

/**
 * Signs one of the member's sessions out: its next request reads as signed out, and its open
 * draft editors close at once.
 */
export async function endSession(db: PrismaClient, input: { userId: string; id: string }) {
  if (!(await endSignInSession(db, input.userId, input.id))) {
    throw new DomainError(
      "NOT_FOUND",
      "That session has already ended. Reload to see the current list.",
    );
  }
  return { ended: true };
}

/** Signs out every session of the member but the one asking. */
export async function endOtherSessions(
  db: PrismaClient,
  input: { userId: string; sessionId: string | null },
) {
  const { sessionsEnded } = await db.$transaction((tx) =>
    endSessions(tx, input.userId, { sessions: { except: input.sessionId } }),
  );
  return { ended: sessionsEnded };
}
