import type { Prisma, PrismaClient } from "@tradeoff/db";

/**
 * The team's projects, newest first, optionally of one status and matching a search: every
 * word of `q` must appear in the title or the problem statement, in any case and order.
 */
export async function listProjects(
  db: PrismaClient,
  actor: { teamId: string },
  input: { status?: "DRAFT" | "OPEN" | "DECIDED" | "SUPERSEDED" | "ARCHIVED"; q?: string },
) {
  // Prisma's `contains` becomes ILIKE '%word%' without escaping: a typed % or _ is a character.
  const words = (input.q ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10)
    .map((word) => word.replace(/[\\%_]/g, (c) => `\\${c}`));
  const where: Prisma.ProjectWhereInput = {
    teamId: actor.teamId,
    ...(input.status ? { status: input.status } : {}),
    ...(words.length > 0
      ? {
          AND: words.map((word) => ({
            OR: [
              { title: { contains: word, mode: "insensitive" as const } },
              { context: { contains: word, mode: "insensitive" as const } },
            ],
          })),
        }
      : {}),
  };
  return db.project.findMany({
    where,
    select: {
      id: true,
      number: true,
      title: true,
      isSample: true,
      status: true,
      votingMode: true,
      method: true,
      deadline: true,
      round: true,
      createdAt: true,
      updatedAt: true,
    },
    orderBy: { number: "desc" },
  });
}
