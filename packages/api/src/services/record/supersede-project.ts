import type { Prisma, PrismaClient } from "@tradeoff/db";
import type { TeamActor } from "../../domain/roles";
import { DomainError } from "../../errors";
import { notifyTeam } from "../notification/notify";
import { assertCanManageProject, STATUS_WORDS } from "../project/access";
import { recordEvent } from "../project/events";
import { lockProject } from "../project/lock-project";
import { moveProjectStatus } from "../project/move-status";

/**
 * Marks a decided project as superseded by one or more projects of the same team (MADR allows
 * several successors). Both sides show the link; the old record's status reads
 * "superseded by ...". Superseding an already superseded project adds successors.
 * Supersession is a forward chain: a project cannot be superseded by one it already supersedes,
 * directly or through others.
 */
export async function supersedeProject(
  db: PrismaClient,
  actor: TeamActor,
  input: { projectId: string; successorIds: string[] },
) {
  const successorIds = [...new Set(input.successorIds)];
  if (successorIds.includes(input.projectId)) {
    throw new DomainError("BAD_REQUEST", "A decision cannot supersede itself.", {
      successorIds: ["A decision cannot supersede itself."],
    });
  }
  return db.$transaction(async (tx) => {
    // One supersession of a team at a time, so two at once cannot close a cycle between them.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`supersede:${actor.teamId}`}))::text`;
    const locked = await lockProject(tx, actor, input.projectId, "update");
    assertCanManageProject(locked.actor, locked);
    if (locked.status !== "DECIDED" && locked.status !== "SUPERSEDED") {
      throw new DomainError(
        "CONFLICT",
        `Only a decided project can be superseded; this one is ${STATUS_WORDS[locked.status]}.`,
      );
    }
    // Tenancy: successors must be projects of the same team; others read as missing.
    const successors = await tx.project.findMany({
      where: { id: { in: successorIds }, teamId: actor.teamId },
      select: { id: true, number: true, title: true },
    });
    if (successors.length !== successorIds.length) {
      throw new DomainError("NOT_FOUND", "The replacing decision was not found in this team.", {
        successorIds: ["Pick decisions of this team."],
      });
    }
    const cycle = await supersededBySuccessor(tx, input.projectId, successorIds);
    if (cycle) {
      const named = `"${cycle.number}. ${cycle.title}"`;
      const message = `This decision already supersedes ${named}${cycle.direct ? "" : " by way of other decisions"}, so ${named} cannot supersede it in turn: supersession runs forward only. Supersede this decision by a newer one instead.`;
      throw new DomainError("CONFLICT", message, { successorIds: [message] });
    }
    await tx.supersession.createMany({
      data: successors.map((s) => ({
        predecessorId: input.projectId,
        successorId: s.id,
        createdById: actor.userId,
      })),
      skipDuplicates: true,
    });
    if (locked.status !== "SUPERSEDED") {
      await moveProjectStatus(tx, {
        projectId: input.projectId,
        teamId: locked.teamId,
        actorId: actor.userId,
        from: "DECIDED",
        to: "SUPERSEDED",
      });
    }
    await recordEvent(tx, actor, input.projectId, {
      type: "decision.superseded",
      data: { successors: successors.map((s) => ({ id: s.id, number: s.number, title: s.title })) },
    });
    for (const successor of successors) {
      await recordEvent(tx, actor, successor.id, {
        type: "decision.supersedes",
        data: { predecessorId: input.projectId },
      });
    }
    await notifyTeam(tx, "VIEWER", {
      kind: "project.superseded",
      teamId: locked.teamId,
      projectId: input.projectId,
      actorId: actor.userId,
    });
    return { projectId: input.projectId, status: "SUPERSEDED" as const, successors };
  });
}

/**
 * A named successor that the project already supersedes, directly or through a chain of
 * supersessions (following each record to the ones that replaced it); null when there is none.
 */
async function supersededBySuccessor(
  tx: Prisma.TransactionClient,
  projectId: string,
  successorIds: string[],
): Promise<{ number: number; title: string; direct: boolean } | null> {
  const rows = await tx.$queryRaw<{ id: string; depth: number }[]>`
    WITH RECURSIVE chain(start_id, id, depth) AS (
      SELECT s.predecessor_id, s.successor_id, 1
        FROM supersessions s WHERE s.predecessor_id = ANY(${successorIds}::text[])
      UNION
      SELECT c.start_id, s.successor_id, c.depth + 1
        FROM chain c JOIN supersessions s ON s.predecessor_id = c.id
       WHERE c.depth < 1000
    )
    SELECT start_id AS id, min(depth)::int AS depth FROM chain
     WHERE id = ${projectId} GROUP BY start_id ORDER BY 2 LIMIT 1`;
  const found = rows[0];
  if (!found) return null;
  const project = await tx.project.findUniqueOrThrow({
    where: { id: found.id },
    select: { number: true, title: true },
  });
  return { ...project, direct: found.depth === 1 };
}
