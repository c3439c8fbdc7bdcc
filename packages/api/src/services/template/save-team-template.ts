import type { Prisma, PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { findTeamProject } from "../project/find-team-project";
import { orderedCriteria, orderedOptions } from "../project/select";

/** Templates one team may keep; built-in templates do not count. */
export const TEAM_TEMPLATE_LIMIT = 100;

const templateSelect = { id: true, name: true, description: true, createdAt: true } as const;

/**
 * Saves a project's options and criteria (with guidance and anchors) as a team template. Names
 * are unique in the team (ignoring case): saving the same project under the same name again (a
 * double submit) answers the template already saved, and another project under a name in use
 * is refused, since templates are picked by name.
 */
export async function saveTeamTemplate(
  db: PrismaClient,
  actor: { userId: string; teamId: string },
  input: { projectId: string; name: string; description: string },
) {
  const project = await findTeamProject(
    db,
    { teamId: actor.teamId, projectId: input.projectId },
    {
      options: orderedOptions,
      criteria: orderedCriteria,
    },
  );
  const options = project.options;
  const criteria = project.criteria.map((c) => ({ ...c, guidance: c.guidance ?? {} }));
  return db.$transaction(async (tx) => {
    // One save per team at a time, so two submits at once cannot both find the name free.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`team-template:${actor.teamId}`}))::text`;
    const named = await tx.teamTemplate.findFirst({
      where: { teamId: actor.teamId, name: { equals: input.name, mode: "insensitive" } },
      select: { ...templateSelect, options: true, criteria: true },
    });
    if (named) {
      const { options: savedOptions, criteria: savedCriteria, ...template } = named;
      if (sameJson(savedOptions, options) && sameJson(savedCriteria, criteria)) return template;
      const message = `The team already has a template called “${named.name}”: choose another name.`;
      throw new DomainError("CONFLICT", message, { name: [message] });
    }
    const saved = await tx.teamTemplate.count({ where: { teamId: actor.teamId } });
    if (saved >= TEAM_TEMPLATE_LIMIT) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        `The team already has ${TEAM_TEMPLATE_LIMIT} templates, the most it can have. Delete templates you no longer use, then save this one.`,
      );
    }
    return tx.teamTemplate.create({
      data: {
        teamId: actor.teamId,
        name: input.name,
        description: input.description,
        options,
        criteria,
        createdById: actor.userId,
      },
      select: templateSelect,
    });
  });
}

/** Equal as stored: jsonb orders object keys its own way, so both sides are compared sorted. */
function sameJson(stored: Prisma.JsonValue, value: unknown): boolean {
  return canonical(stored) === canonical(value);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
