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
