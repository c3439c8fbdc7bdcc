import type { PrismaClient } from "@tradeoff/db";
import { teamSelect } from "./select";

export async function listMyTeams(db: PrismaClient, input: { userId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId: input.userId },
    select: { role: true, team: { select: teamSelect } },
    orderBy: { team: { name: "asc" } },
  });
  return memberships.map(({ role, team }) => ({ ...team, role }));
}
