import type { PrismaClient } from "@tradeoff/db";
import { ballotProgress, isComplete } from "../reminder/ballot-progress";
import type { NotificationKind } from "./kinds";

/**
 * Kinds that ask the member to vote. An email of one of them is worth sending only while that is
 * still asked of them: the decision is open and their ballot is not complete (and, for a
 * deadline reminder, the deadline it names is still the decision's and still ahead).
 */
const VOTE_ASKS: ReadonlySet<string> = new Set<NotificationKind>([
  "project.opened",
  "project.reopened",
  "nudge",
  "deadline.near",
]);

type Asked = { userId: string; kind: string; projectId: string | null; data: unknown };

type ProjectNow = {
  status: string;
  deadline: Date | null;
  /** Voters whose ballot is complete now. */
  complete: Set<string>;
};

/**
 * Why notifications no longer say something true, checked when their email goes out (an email
 * held up by a mail server outage, or gathered for the daily digest): null when each still
 * holds, else the reason, per notification. Projects are read once for all of them.
 */
export async function whyNoLongerTrue<R extends Asked>(
  db: PrismaClient,
  rows: readonly R[],
  now = new Date(),
): Promise<Map<R, string | null>> {
  const projectIds = [
    ...new Set(rows.flatMap((row) => (VOTE_ASKS.has(row.kind) && row.projectId) || [])),
  ];
  const projects = new Map<string, ProjectNow>();
  for (const id of projectIds) {
    const project = await db.project.findUnique({
      where: { id },
      select: { id: true, teamId: true, status: true, deadline: true },
    });
    if (!project) continue;
    const complete =
      project.status === "OPEN"
        ? (await ballotProgress(db, project)).filter(isComplete).map((p) => p.userId)
        : [];
    projects.set(id, { ...project, complete: new Set(complete) });
  }
  return new Map(rows.map((row) => [row, reasonFor(row, projects, now)]));
}

function reasonFor(row: Asked, projects: Map<string, ProjectNow>, now: Date): string | null {
  if (!VOTE_ASKS.has(row.kind) || !row.projectId) return null;
  const project = projects.get(row.projectId);
  if (!project) return "the decision no longer exists";
  if (project.status !== "OPEN") return "the decision is no longer open for voting";
  if (project.complete.has(row.userId)) return "the member's ballot is complete";
  if (row.kind === "deadline.near") {
    const named = ((row.data ?? {}) as Record<string, unknown>).deadline;
    if (typeof named === "string") {
      if (project.deadline?.toISOString() !== named) return "the deadline has changed";
      if (Date.parse(named) <= now.getTime()) return "the deadline has passed";
    }
  }
  return null;
}
