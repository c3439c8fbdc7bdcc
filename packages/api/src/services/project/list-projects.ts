import { Prisma, type PrismaClient } from "@tradeoff/db";
import { PROJECT_STATUSES_OF, type RecordStatus, recordStatusOf } from "../export/record-status";
import { readRecordSource } from "../record/record-source";
import type { ProjectStatus } from "./access";
import { projectRowSelect } from "./select";

/** A batch read while a record-status filter drops rows after the database narrowed them. */
const RECORD_FILTER_BATCH = 200;

/**
 * The team's projects, newest first, a page at a time, optionally of one status (the project's,
 * or its record's in MADR's words), carrying a tag, and matching a search: every word of `q`
 * must appear in the title or the problem statement, in any case and order. `total` is how
 * many match in all; `nextCursor` continues the list after this page (null on the last).
 */
export async function listProjects(
  db: PrismaClient,
  actor: { teamId: string },
  input: {
    status?: ProjectStatus;
    recordStatus?: RecordStatus;
    tag?: string;
    q?: string;
    cursor?: number | null;
    limit?: number;
  },
) {
  const limit = input.limit ?? 50;
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
  const recordStatus = input.recordStatus;
  if (!recordStatus) {
    const [rows, total] = await Promise.all([
      readRows(db, where, input.cursor, limit + 1),
      db.project.count({ where }),
    ]);
    return pageOf(rows, limit, total);
  }
  // The database narrowed it to the statuses such a record can have; the record's own status
  // word decides the rest, so batches are read until the page is full or the list ends.
  const matching: Awaited<ReturnType<typeof readRows>> = [];
  let cursor = input.cursor;
  for (;;) {
    const batch = await readRows(db, where, cursor, RECORD_FILTER_BATCH);
    matching.push(...batch.filter((p) => p.recordStatus === recordStatus));
    if (matching.length > limit || batch.length < RECORD_FILTER_BATCH) break;
    cursor = batch.at(-1)?.number;
  }
  return pageOf(matching, limit, await countRecordStatus(db, where, recordStatus));
}

function pageOf<T extends { number: number }>(rows: T[], limit: number, total: number) {
  const items = rows.slice(0, limit);
  return {
    items,
    nextCursor: rows.length > limit ? (items.at(-1)?.number ?? null) : null,
    total,
  };
}

async function readRows(
  db: PrismaClient,
  where: Prisma.ProjectWhereInput,
  cursor: number | null | undefined,
  take: number,
) {
  const rows = await db.project.findMany({
    where: cursor != null ? { AND: [where, { number: { lt: cursor } }] } : where,
    select: {
      ...projectRowSelect,
      createdAt: true,
      record: { select: { source: true } },
    },
    orderBy: { number: "desc" },
    take,
  });
  return rows.map(({ record, ...project }) => ({
    ...project,
    recordStatus: recordStatusOf({
      status: project.status,
      recorded: record !== null,
      sourceStatus: readRecordSource(record?.source)?.status ?? null,
    }),
  }));
}

/**
 * How many of the projects `where` finds have the record status asked for: those without a
 * record are counted by the database; for recorded ones, only the status word of an imported
 * record's source is read (not the record's text).
 */
async function countRecordStatus(
  db: PrismaClient,
  where: Prisma.ProjectWhereInput,
  recordStatus: RecordStatus,
) {
  const [unrecorded, recorded] = await Promise.all([
    db.project.groupBy({
      by: ["status"],
      where: { AND: [where, { record: { is: null } }] },
      _count: { _all: true },
    }),
    db.project.findMany({
      where: { AND: [where, { record: { isNot: null } }] },
      select: { id: true, status: true },
    }),
  ]);
  let total = unrecorded
    .filter((g) => recordStatusOf({ status: g.status, recorded: false }) === recordStatus)
    .reduce((sum, g) => sum + g._count._all, 0);
  if (recorded.length === 0) return total;
  const sources = await db.$queryRaw<{ project_id: string; source: unknown }[]>`
    SELECT project_id, CASE WHEN jsonb_typeof(source) = 'object' THEN jsonb_set(source, '{body}',
      -- A valid body stands in as one empty part: its text does not change the status.
      CASE WHEN jsonb_typeof(source->'body') = 'array'
        AND jsonb_array_length(source->'body') BETWEEN 1 AND 2
        AND NOT EXISTS (
          SELECT 1 FROM jsonb_array_elements(source->'body') part
          WHERE jsonb_typeof(part) <> 'string'
        ) THEN '[""]'::jsonb ELSE 'null'::jsonb END) END AS source
    FROM decision_records WHERE project_id IN (${Prisma.join(recorded.map((p) => p.id))})`;
  const sourceOf = new Map(sources.map((s) => [s.project_id, s.source]));
  for (const project of recorded) {
    const status = recordStatusOf({
      status: project.status,
      recorded: true,
      sourceStatus: readRecordSource(sourceOf.get(project.id))?.status ?? null,
    });
    if (status === recordStatus) total++;
  }
  return total;
}
