import type { PrismaClient } from "@tradeoff/db";
import { notFound } from "../../errors";
import { teamSelect } from "./select";

/** A team the user belongs to; any other team answers NOT_FOUND, never revealing that it exists. */
export async function getTeam(db: PrismaClient, input: { userId: string; slug: string }) {
  const team = await db.team.findFirst({
    where: { slug: input.slug, memberships: { some: { userId: input.userId } } },
    select: {
      ...teamSelect,
      memberships: { where: { userId: input.userId }, select: { role: true } },
      _count: { select: { memberships: true } },
    },
  });
  if (!team) throw notFound("Team");
  const { memberships, _count, ...rest } = team;
  const role = memberships[0]?.role;
  if (!role) throw notFound("Team");
  return { ...rest, role, memberCount: _count.memberships };
}
