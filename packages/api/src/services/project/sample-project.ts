import type { Prisma, PrismaClient } from "@tradeoff/db";
import { drfVsFastapi } from "@tradeoff/templates";
import { DomainError } from "../../errors";
import { recordEvent } from "./events";
import { findTeamProject } from "./find-team-project";
import { lockProject } from "./lock-project";
import { nextProjectNumber } from "./next-project-number";

/** The made-up teammates of a sample project; "(sample)" in each name marks them wherever shown. */
const SAMPLE_VOTERS = [
  { name: "Ada Lindqvist (sample)", lean: 0, weightShift: 1 },
  { name: "Bruno Mensah (sample)", lean: -1, weightShift: 0 },
  { name: "Chiara Ruiz (sample)", lean: 1, weightShift: -1 },
] as const;

const RATIONALES: Record<number, string> = {
  0: "Made-up reason: our async webhooks matter more to me than the admin screens.",
  1: "Made-up reason: we already know Django well, and that saves weeks.",
  2: "Made-up reason: typed request models would have caught last month's bug.",
};

export const SAMPLE_TITLE_PREFIX = "Sample: ";

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * "See how it works": an open decision from the DRF vs FastAPI template with the ballots of three
 * fictional teammates, so the recommendation, the history and the record have something to show.
 * The teammates are users marked fictional with no email, password or membership: they cannot
 * sign in, and their votes count in this project only. Everything is created in one transaction.
 *
 * A team has at most one sample at a time: the button pressed twice, in two tabs, or again after
 * a timeout answers the sample already there (`created: false`) instead of making another. The
 * team's row is locked before looking (as numbering a new project locks it anyway), so two
 * requests at once take turns and the second finds the first one's sample.
 */
export async function createSampleProject(
  db: PrismaClient,
  actor: { userId: string; teamId: string },
) {
  const template = drfVsFastapi;
  const optionKeys = template.options.map((o) => o.key);
  return db.$transaction(async (tx) => {
    const number = await nextProjectNumber(tx, actor.teamId);
    const existing = await tx.project.findFirst({
      where: { teamId: actor.teamId, isSample: true },
      orderBy: { number: "asc" },
      select: { id: true, number: true, title: true },
    });
    if (existing) return { ...existing, created: false };
    const now = new Date();
    const title = `${SAMPLE_TITLE_PREFIX}${template.title}`;
    // The template's own context: the title says "Sample", the voters' names "(sample)", and
    // the page's banner says the rest (what the votes are, how to remove them).
    const context = template.context;
    const project = await tx.project.create({
      data: {
        teamId: actor.teamId,
        number,
        title,
        context,
        status: "OPEN",
        openedAt: now,
        isSample: true,
        templateKey: template.key,
        createdById: actor.userId,
        options: {
          create: template.options.map(({ key, name, description }, position) => ({
            key,
            name,
            description,
            position,
          })),
        },
        criteria: {
          create: template.criteria.map(
            ({ key, name, description, defaultWeight, guidance }, position) => ({
              key,
              name,
              description,
              defaultWeight,
              guidance: guidance as unknown as Prisma.InputJsonValue,
              position,
            }),
          ),
        },
      },
      select: {
        id: true,
        number: true,
        title: true,
        criteria: { select: { id: true, key: true }, orderBy: { position: "asc" } },
      },
    });
    await recordEvent(tx, actor, project.id, {
      type: "project.created",
      data: {
        after: {
          title,
          status: "DRAFT",
          sample: true,
          templateKey: template.key,
          options: template.options.map(({ key, name }) => ({ key, name })),
          criteria: template.criteria.map(({ key, name, defaultWeight }) => ({
            key,
            name,
            defaultWeight,
          })),
        },
      },
    });
    await recordEvent(tx, actor, project.id, {
      type: "status.changed",
      data: { from: "DRAFT", to: "OPEN" },
    });

    for (const [voterIndex, voter] of SAMPLE_VOTERS.entries()) {
      const user = await tx.user.create({
        data: { name: voter.name, fictional: true },
        select: { id: true },
      });
      for (const [criterionIndex, criterion] of project.criteria.entries()) {
        const shape = template.criteria[criterionIndex];
        if (!shape) continue;
        // Each teammate follows the template's suggested scores with a lean of their own, so
        // the three ballots differ as real ones do.
        const scores: Record<string, number> = {};
        for (const [optionIndex, key] of optionKeys.entries()) {
          const suggested = shape.guidance[key]?.suggestedScore ?? 3;
          const wobble = (criterionIndex + optionIndex + voterIndex) % 3 === 0 ? voter.lean : 0;
          scores[key] = clamp(suggested + wobble, 1, 5);
        }
        const weight = clamp(
          shape.defaultWeight + ((criterionIndex + voterIndex) % 2 === 0 ? voter.weightShift : 0),
          0,
          5,
        );
        const rationale = criterionIndex === voterIndex ? (RATIONALES[voterIndex] ?? null) : null;
        await tx.vote.create({
          data: {
            projectId: project.id,
            criterionId: criterion.id,
            userId: user.id,
            weight,
            scores,
            rationale,
          },
        });
        await recordEvent(tx, { userId: user.id, teamId: actor.teamId }, project.id, {
          type: "vote.cast",
          criterionKey: criterion.key,
          data: { before: null, after: { weight, scores, noOpinion: false, rationale } },
        });
      }
    }
    return { id: project.id, number: project.number, title: project.title, created: true };
  });
}

/**
 * Removes a sample project in one go: the project (with everything in it, including any votes
 * real members cast on it) and its fictional teammates. Nothing else is touched; a project that
 * is not a sample is refused.
 */
export async function removeSampleProject(
  db: PrismaClient,
  actor: { userId: string; teamId: string },
  projectId: string,
) {
  return db.$transaction(async (tx) => {
    // Locked first: removed from two tabs at once, the second finds it gone and says so.
    await lockProject(tx, actor, projectId, "update");
    const project = await findTeamProject(
      tx,
      { teamId: actor.teamId, projectId },
      { id: true, isSample: true },
    );
    if (!project.isSample) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        "Only a sample decision can be removed this way. Archive a real decision instead.",
      );
    }
    const voters = await tx.vote.findMany({
      where: { projectId, user: { fictional: true } },
      select: { userId: true },
      distinct: ["userId"],
    });
    await tx.project.delete({ where: { id: projectId } });
    const removed = await tx.user.deleteMany({
      where: { id: { in: voters.map((v) => v.userId) }, fictional: true },
    });
    return { projectId, fictionalTeammatesRemoved: removed.count };
  });
}
