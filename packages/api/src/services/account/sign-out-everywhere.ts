import { endSessions } from "@tradeoff/auth";
import type { PrismaClient } from "@tradeoff/db";

/**
 * Every session issued so far (on any device, this one too) stops working on its next request;
 * open draft editors close at once.
 */
export async function signOutEverywhere(db: PrismaClient, input: { userId: string }) {
  await db.$transaction((tx) =>
    endSessions(tx, input.userId, { sessions: "all", tokenVersion: true }),
  );
  return { signedOut: true };
}
