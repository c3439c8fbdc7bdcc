import type { PrismaClient } from "@tradeoff/db";
import type { TeamActor } from "../../domain/roles";
import { assertCanManageProject } from "../project/access";
import { recordEvent } from "../project/events";
import { lockProject } from "../project/lock-project";

/**
 * Replaces a project's tags (labels such as `security` or `data-model`), which the folder
 * exports write to log4brains' `Tags:` line and MADR's front matter. Admins and the project's
 * creator, as for the project's other settings; a history event says who changed them.
 */
export async function setTags(
  db: PrismaClient,
  actor: TeamActor,
  input: { projectId: string; tags: string[] },
) {
  return db.$transaction(async (tx) => {
    const locked = await lockProject(tx, actor, input.projectId, "update");
    assertCanManageProject(locked.actor, locked);
    const before = await tx.project.findUniqueOrThrow({
      where: { id: input.projectId },
      select: { tags: true },
    });
    if (before.tags.join(",") === input.tags.join(","))
      return { projectId: input.projectId, tags: before.tags };
    const project = await tx.project.update({
      where: { id: input.projectId },
      data: { tags: input.tags },
      select: { id: true, tags: true },
    });
    await recordEvent(tx, actor, input.projectId, {
      type: "project.tagged",
      data: { before: before.tags, after: project.tags },
    });
    return { projectId: project.id, tags: project.tags };
  });
}

/** Every tag used in the team, with how many projects carry it: for filters and suggestions. */
export async function listTeamTags(db: PrismaClient, scope: { teamId: string }) {
  const rows = await db.$queryRaw<{ tag: string; projects: bigint }[]>`
    SELECT tag, count(*) AS projects FROM projects, unnest(tags) AS tag
    WHERE team_id = ${scope.teamId} GROUP BY tag ORDER BY tag`;
  return rows.map((r) => ({ tag: r.tag, projects: Number(r.projects) }));
}
