import type { PrismaClient, Role } from "@tradeoff/db";
import { canManageProject } from "../project/access";
import { ballotProgress, isComplete } from "../reminder/ballot-progress";

/** A member may be nudged about a project once in this long. */
export const NUDGE_INTERVAL_MS = 12 * 3_600_000;

/**
 * Who an open decision is waiting on: each voter whose ballot is not complete, with how far
 * they are (not started, or how many criteria finished) — except in blind voting, where only
 * who is shown, never how far. Also when each may next be nudged, and whether the viewer may
 * nudge (team admins and the project's creator).
 */
export async function listWaitingOn(
  db: PrismaClient,
  input: { projectId: string; teamId: string; userId: string; role: Role },
  now = new Date(),
) {
  const project = await db.project.findFirstOrThrow({
    where: { id: input.projectId, teamId: input.teamId },
    select: { id: true, teamId: true, status: true, votingMode: true, createdById: true },
  });
  const canNudge = canManageProject(input, project);
  if (project.status !== "OPEN") {
    return {
      open: false,
      blind: project.votingMode === "BLIND",
      canNudge,
      voters: 0,
      complete: 0,
      waiting: [],
    };
  }
  const progress = await ballotProgress(db, project);
  const blind = project.votingMode === "BLIND";
  const incomplete = progress.filter((p) => !isComplete(p));
  const nudges = await db.nudge.findMany({
    where: { projectId: project.id, userId: { in: incomplete.map((p) => p.userId) } },
    select: { userId: true, sentAt: true },
  });
  const lastNudge = new Map(nudges.map((n) => [n.userId, n.sentAt]));
  return {
    open: true,
    blind,
    canNudge,
    voters: progress.length,
    complete: progress.length - incomplete.length,
    waiting: incomplete.map((p) => {
      const last = lastNudge.get(p.userId);
      const next = last ? new Date(last.getTime() + NUDGE_INTERVAL_MS) : null;
      return {
        userId: p.userId,
        name: p.name,
        isYou: p.userId === input.userId,
        state: blind ? null : p.state === "none" ? ("not-started" as const) : ("partial" as const),
        answered: blind ? null : p.answered,
        total: blind ? null : p.total,
        nextNudgeAt: next && next > now ? next : null,
      };
    }),
  };
}
