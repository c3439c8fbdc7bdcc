import type { PrismaClient } from "@tradeoff/db";

/** The project's links with their state; never their tokens. */
export async function listShareLinks(
  db: PrismaClient,
  actor: { teamId: string },
  input: { projectId: string },
) {
  const links = await db.shareLink.findMany({
    where: { projectId: input.projectId, teamId: actor.teamId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      showVotes: true,
      expiresAt: true,
      revokedAt: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  const now = Date.now();
  return links.map(({ createdBy, ...l }) => ({
    ...l,
    createdBy: createdBy?.name ?? createdBy?.email ?? null,
    active: !l.revokedAt && (!l.expiresAt || l.expiresAt.getTime() > now),
  }));
}
