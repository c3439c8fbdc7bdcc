import type { Prisma } from "@tradeoff/db";

/** The fields of a membership the API returns. */
export const memberSelect = {
  role: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.MembershipSelect;
