import type { PrismaClient } from "@tradeoff/db";

/** Recorded decisions of a team whose review date has passed or falls within `withinDays`. */
export async function listDueReviews(
  db: PrismaClient,
  actor: { teamId: string },
  input: { withinDays: number },
  now = new Date(),
) {
  const until = new Date(now.getTime() + input.withinDays * 86_400_000);
  const records = await db.decisionRecord.findMany({
    where: {
      teamId: actor.teamId,
      reviewDate: { lte: until },
      project: { status: "DECIDED" },
    },
    orderBy: { reviewDate: "asc" },
    take: 50,
    select: {
      reviewDate: true,
      chosenOptionKey: true,
      project: { select: { id: true, number: true, title: true } },
    },
  });
  return records.map((r) => ({
    projectId: r.project.id,
    number: r.project.number,
    title: r.project.title,
    chosenOptionKey: r.chosenOptionKey,
    reviewDate: r.reviewDate,
    overdue: (r.reviewDate?.getTime() ?? 0) < now.getTime(),
  }));
}
