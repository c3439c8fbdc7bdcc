import type { Prisma, PrismaClient } from "@tradeoff/db";
import { PROJECT_STATUSES_OF, type RecordStatus, recordStatusOf } from "../export/record-status";
import { readRecordSource } from "../record/record-source";
import type { ProjectStatus } from "./access";
import { projectRowSelect } from "./select";

/**
 * The team's projects, newest first, optionally of one status (the project's, or its record's
 * in MADR's words), carrying a tag, and matching a search: every word of `q` must appear in the
 * title or the problem statement, in any case and order.
 */
export async function listProjects(
  db: PrismaClient,
  actor: { teamId: string },
  input: { status?: ProjectStatus; recordStatus?: RecordStatus; tag?: string; q?: string },
) {
  // Prisma's `contains` becomes ILIKE '%word%' without escaping: a typed % or _ is a character.
  const words = (input.q ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10)
    .map((word) => word.replace(/[\\%_]/g, (c) => `\\${c}`));
  const statuses = [
    ...(input.status ? [[input.status]] : []),
    ...(input.recordStatus ? [PROJECT_STATUSES_OF[input.recordStatus]] : []),
  ];
  const where: Prisma.ProjectWhereInput = {
    teamId: actor.teamId,
    ...(input.tag ? { tags: { has: input.tag } } : {}),
    AND: [
      ...statuses.map((among) => ({ status: { in: among } })),
      ...words.map((word) => ({
        OR: [
          { title: { contains: word, mode: "insensitive" as const } },
          { context: { contains: word, mode: "insensitive" as const } },
        ],
      })),
    ],
  };
  const rows = await db.project.findMany({
    where,
    select: {
      ...projectRowSelect,
      createdAt: true,
      record: { select: { source: true } },
    },
    orderBy: { number: "desc" },
  });
  const listed = rows.map(({ record, ...project }) => ({
    ...project,
    recordStatus: recordStatusOf({
      status: project.status,
      recorded: record !== null,
      sourceStatus: readRecordSource(record?.source)?.status ?? null,
    }),
  }));
  // The database narrowed it to the statuses such a record can have; the words decide the rest.
  return input.recordStatus ? listed.filter((p) => p.recordStatus === input.recordStatus) : listed;
}
