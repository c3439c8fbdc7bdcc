import type { PrismaClient } from "@tradeoff/db";

/**
 * For download routes outside tRPC: the project's team when `userId` belongs to it (any role,
 * like `export.file`), with the same session check as the API (tokenVersion). Null otherwise.
 */
export async function resolveExportScope(
  db: PrismaClient,
  user: { id: string; tokenVersion: number },
  projectId: string,
): Promise<{ teamId: string; projectId: string } | null> {
  const project = await db.project.findFirst({
    where: { id: projectId, team: { memberships: { some: { userId: user.id } } } },
    select: { id: true, teamId: true },
  });
  if (!project) return null;
  const current = await db.user.findUnique({
    where: { id: user.id },
    select: { tokenVersion: true },
  });
  if (current?.tokenVersion !== user.tokenVersion) return null;
  return { teamId: project.teamId, projectId: project.id };
}
