import type { PrismaClient } from "@tradeoff/db";

export type BallotView = "LIST" | "MATRIX";

/** The layout the member chose for their ballots (one card per criterion, or the matrix). */
export async function getBallotView(db: PrismaClient, input: { userId: string }) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { ballotView: true },
  });
  return { ballotView: user.ballotView };
}

/** Remembers the member's ballot layout for every project, on every device. */
export async function setBallotView(
  db: PrismaClient,
  input: { userId: string; ballotView: BallotView },
) {
  const user = await db.user.update({
    where: { id: input.userId },
    data: { ballotView: input.ballotView },
    select: { ballotView: true },
  });
  return { ballotView: user.ballotView };
}
