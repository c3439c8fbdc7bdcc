import { type PrismaClient, sql, statement } from "@tradeoff/db";
import type { TeamActor } from "../../domain/roles";
import { DomainError } from "../../errors";
import { notifyUsers } from "../notification/notify";
import { assertCanManageProject } from "../project/access";
import { lockProject } from "../project/lock-project";
import { ballotProgress, isComplete } from "../reminder/ballot-progress";
import { NUDGE_INTERVAL_MS } from "./waiting-on";

/**
 * Records a nudge for each member unless they were nudged about this project in the last
 * 12 hours; returns those recorded. One statement, so two presses at once nudge once.
 */
const claimNudges = statement<
  { projectId: string; userIds: string[]; sentById: string; intervalSeconds: number },
  { userId: string }
>(
  ({ projectId, userIds, sentById, intervalSeconds }) =>
    sql`INSERT INTO nudges (project_id, user_id, sent_by_id, sent_at)
        SELECT ${projectId}, u, ${sentById}, now() FROM unnest(${userIds}::text[]) AS u
        ON CONFLICT (project_id, user_id) DO UPDATE
          SET sent_at = excluded.sent_at, sent_by_id = excluded.sent_by_id
          WHERE nudges.sent_at <= now() - make_interval(secs => ${intervalSeconds})
        RETURNING user_id AS "userId"`,
);

/**
 * Nudges members whose ballot on an open project is incomplete (`userIds`, or all of them):
 * each gets one inbox notification, at most once every 12 hours per project. Team admins and
 * the project's creator only. When nobody could be nudged, says when the next nudge is possible.
 */
export async function nudgeMembers(
  db: PrismaClient,
  actor: TeamActor,
  input: { projectId: string; userIds?: string[] },
) {
  return db.$transaction(async (tx) => {
    const locked = await lockProject(tx, actor, input.projectId, "share");
    assertCanManageProject(locked.actor, locked);
    if (locked.status !== "OPEN") {
      throw new DomainError(
        "CONFLICT",
        "Only members of a decision open for voting can be nudged.",
      );
    }
    const progress = await ballotProgress(
      tx,
      { id: input.projectId, teamId: locked.teamId },
      { inTransaction: true },
    );
    const incomplete = progress.filter((p) => !isComplete(p) && p.userId !== actor.userId);
    const wanted = input.userIds ? new Set(input.userIds) : null;
    const targets = wanted ? incomplete.filter((p) => wanted.has(p.userId)) : incomplete;
    if (wanted && targets.length < wanted.size) {
      const message = "Only members whose ballot is not complete can be nudged (and not yourself).";
      throw new DomainError("BAD_REQUEST", message, { userIds: [message] });
    }
    if (targets.length === 0) {
      throw new DomainError("CONFLICT", "Nobody to nudge: every voter's ballot is complete.");
    }
    const claimed = await claimNudges(tx, {
      projectId: input.projectId,
      userIds: targets.map((t) => t.userId),
      sentById: actor.userId,
      intervalSeconds: NUDGE_INTERVAL_MS / 1000,
    });
    const nudged = new Set(claimed.map((row) => row.userId));
    if (nudged.size === 0) {
      const last = await tx.nudge.findFirst({
        where: { projectId: input.projectId, userId: { in: targets.map((t) => t.userId) } },
        orderBy: { sentAt: "asc" },
        select: { sentAt: true },
      });
      const nextAt = new Date((last?.sentAt.getTime() ?? Date.now()) + NUDGE_INTERVAL_MS);
      const who = targets.length === 1 ? `${targets[0]?.name} was` : "Everyone waiting was";
      const when = `${nextAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
      throw new DomainError(
        "CONFLICT",
        `${who} nudged less than 12 hours ago. The next nudge is possible at ${when}.`,
      );
    }
    await notifyUsers(tx, [...nudged], {
      kind: "nudge",
      teamId: locked.teamId,
      projectId: input.projectId,
      actorId: actor.userId,
    });
    return {
      nudged: targets
        .filter((t) => nudged.has(t.userId))
        .map((t) => ({ userId: t.userId, name: t.name })),
      skipped: targets
        .filter((t) => !nudged.has(t.userId))
        .map((t) => ({ userId: t.userId, name: t.name })),
    };
  });
}
