import type { Prisma, PrismaClient } from "@tradeoff/db";
import { findTemplate } from "@tradeoff/templates";
import type { z } from "zod";
import { createOnce } from "../../database-errors";
import { DomainError } from "../../errors";
import { type createProjectSchema, PAST_DEADLINE_MESSAGE } from "../../schemas/project";
import { recordEvent } from "./events";
import { withGuidanceFor } from "./guidance";
import { nextProjectNumber } from "./next-project-number";

type Input = z.output<typeof createProjectSchema>;

type Actor = { userId: string; teamId: string };

const createdSelect = { id: true, number: true, teamId: true, title: true, status: true } as const;

/**
 * Creates a draft project in the team, numbered after the team's last one, with its options
 * and criteria, and records `project.created`; all in one transaction. A deadline that has
 * already passed is refused, as the project form refuses it. With an idempotency key, the
 * creator's project made with that key in this team is answered instead when there is one
 * (a double submit, a retry after a lost answer), also when both requests arrive at once.
 */
export async function createProject(db: PrismaClient, actor: Actor, input: Omit<Input, "teamId">) {
  const key = input.idempotencyKey ?? null;
  /** The creator's project made with this key in this team, if any. */
  const created = () =>
    key
      ? db.project.findFirst({
          where: { teamId: actor.teamId, createdById: actor.userId, clientKey: key },
          select: createdSelect,
        })
      : null;
  return createOnce(created, () => insertProject(db, actor, input, key));
}

async function insertProject(
  db: PrismaClient,
  actor: Actor,
  input: Omit<Input, "teamId">,
  clientKey: string | null,
) {
  if (input.templateKey && !findTemplate(input.templateKey)) {
    throw new DomainError("BAD_REQUEST", "That template does not exist.", {
      templateKey: ["Pick one of the listed templates."],
    });
  }
  if (input.deadline && input.deadline.getTime() <= Date.now()) {
    throw new DomainError("BAD_REQUEST", PAST_DEADLINE_MESSAGE, {
      deadline: [PAST_DEADLINE_MESSAGE],
    });
  }
  const optionKeys = new Set(input.options.map((o) => o.key));
  const criteria = withGuidanceFor(input.criteria, optionKeys);

  return db.$transaction(async (tx) => {
    const number = await nextProjectNumber(tx, actor.teamId);
    const project = await tx.project.create({
      data: {
        teamId: actor.teamId,
        number,
        title: input.title,
        context: input.context,
        deadline: input.deadline,
        quorum: input.quorum,
        method: input.method,
        votingMode: input.votingMode,
        templateKey: input.templateKey ?? null,
        createdById: actor.userId,
        clientKey,
        options: {
          create: input.options.map((option, position) => ({ ...option, position })),
        },
        criteria: {
          create: criteria.map((criterion, position) => ({
            ...criterion,
            guidance: criterion.guidance as Prisma.InputJsonValue,
            position,
          })),
        },
      },
      select: createdSelect,
    });
    await recordEvent(tx, actor, project.id, {
      type: "project.created",
      data: {
        after: {
          title: input.title,
          status: "DRAFT",
          method: input.method,
          votingMode: input.votingMode,
          deadline: input.deadline?.toISOString() ?? null,
          quorum: input.quorum,
          templateKey: input.templateKey ?? null,
          options: input.options,
          criteria,
        },
      },
    });
    return project;
  });
}
