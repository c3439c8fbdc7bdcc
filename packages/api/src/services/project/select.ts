import type { Prisma } from "@tradeoff/db";

/** A project's options as every reader returns them, in their order. */
export const orderedOptions = {
  select: { key: true, name: true, description: true },
  orderBy: { position: "asc" },
} satisfies Prisma.Project$optionsArgs;

/** A project's criteria with everything voters are shown, in their order. */
export const orderedCriteria = {
  select: {
    key: true,
    name: true,
    description: true,
    defaultWeight: true,
    guidance: true,
    anchorLow: true,
    anchorHigh: true,
    mustHave: true,
  },
  orderBy: { position: "asc" },
} satisfies Prisma.Project$criteriaArgs;

/** What a list of the team's projects shows of each: number, title, state, method and dates. */
export const projectRowSelect = {
  id: true,
  number: true,
  title: true,
  isSample: true,
  status: true,
  tags: true,
  method: true,
  votingMode: true,
  deadline: true,
  round: true,
  updatedAt: true,
} satisfies Prisma.ProjectSelect;
