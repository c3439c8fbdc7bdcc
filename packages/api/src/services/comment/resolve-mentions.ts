import type { Prisma } from "@tradeoff/db";
import { parseMentions } from "./parse-mentions";

/** The team members a comment mentions (never its author, never anyone outside the team). */
export async function resolveMentions(
  tx: Prisma.TransactionClient,
  input: { teamId: string; authorId: string; body: string },
): Promise<string[]> {
  const { userIds, emails } = parseMentions(input.body);
  if (userIds.length === 0 && emails.length === 0) return [];
  const members = await tx.membership.findMany({
    where: {
      teamId: input.teamId,
      userId: { not: input.authorId },
      OR: [{ userId: { in: userIds } }, { user: { email: { in: emails } } }],
    },
    select: { userId: true },
  });
  return members.map((m) => m.userId);
}
