import type { PrismaClient } from "@tradeoff/db";
import { ROLE_RANK } from "../../domain/roles";
import { memberSelect } from "./select";

/** The team's members, owners first, then by name. */
export async function listMembers(db: PrismaClient, input: { teamId: string }) {
  const members = await db.membership.findMany({
    where: { teamId: input.teamId },
    select: memberSelect,
    orderBy: { createdAt: "asc" },
  });
  return members
    .map(({ role, createdAt, user }) => ({ ...user, role, joinedAt: createdAt }))
    .sort(
      (a, b) =>
        ROLE_RANK[b.role] - ROLE_RANK[a.role] ||
        (a.name ?? a.email ?? "").localeCompare(b.name ?? b.email ?? ""),
    );
}
