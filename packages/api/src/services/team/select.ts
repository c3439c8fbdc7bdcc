import type { Prisma } from "@tradeoff/db";

/** The fields of a team the API returns, and nothing else. */
export const teamSelect = {
  id: true,
  name: true,
  slug: true,
  createdAt: true,
} satisfies Prisma.TeamSelect;
