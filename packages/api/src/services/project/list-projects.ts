import type { PrismaClient } from "@tradeoff/db";

/** The team's projects, newest first, optionally of one status. */
export async function listProjects(
  db: PrismaClient,
  actor: { teamId: string },
  input: { status?: "DRAFT" | "OPEN" | "DECIDED" | "SUPERSEDED" | "ARCHIVED" },
) {
  return db.project.findMany({
    where: { teamId: actor.teamId, ...(input.status ? { status: input.status } : {}) },
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
