import type { Prisma } from "@tradeoff/db";

/**
 * The number the team's next project gets (#1, #2, ...). Locks the team's row first, so two
 * projects created at once in one team never get the same number; call it inside the
 * transaction that creates the project.
 */
export async function nextProjectNumber(tx: Prisma.TransactionClient, teamId: string) {
  await tx.$queryRaw`SELECT id FROM teams WHERE id = ${teamId} FOR UPDATE`;
  const last = await tx.project.findFirst({
    where: { teamId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return (last?.number ?? 0) + 1;
}
