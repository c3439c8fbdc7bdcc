import type { SessionUser } from "@tradeoff/auth";
import { type PrismaClient, statements } from "@tradeoff/db";
import { sessionCurrent } from "../../session-current";

/**
 * For download routes outside tRPC: the project's team when `userId` belongs to it (any role,
 * like `export.file`), with the same session check as the API (sessionCurrent). Null otherwise.
 */
export async function resolveExportScope(
  db: PrismaClient,
  user: SessionUser,
  projectId: string,
): Promise<{ teamId: string; projectId: string } | null> {
  const project = await db.project.findFirst({
    where: { id: projectId, team: { memberships: { some: { userId: user.id } } } },
    select: { id: true, teamId: true },
  });
  if (!project) return null;
  const [current] = await statements.sessionVersion(db, {
    userId: user.id,
    sessionId: user.sessionId,
  });
  if (!current || !sessionCurrent(user, current)) return null;
  return { teamId: project.teamId, projectId: project.id };
}
