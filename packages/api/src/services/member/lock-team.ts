import type { Prisma } from "@tradeoff/db";

/**
 * Serialises membership changes of one team (row lock until the transaction ends), so two
 * admins acting at once cannot both remove "the other" owner and leave the team without one.
 */
export async function lockTeam(tx: Prisma.TransactionClient, teamId: string) {
  await tx.$queryRaw`SELECT id FROM teams WHERE id = ${teamId} FOR UPDATE`;
}

export async function countOwners(tx: Prisma.TransactionClient, teamId: string) {
  return tx.membership.count({ where: { teamId, role: "OWNER" } });
}
