import { randomBytes } from "node:crypto";
import type { Database } from "./client";
import type { Prisma, Role } from "./generated/prisma/client";

/** Unique across test files running in parallel against one database. */
function uniqueSuffix(): string {
  return randomBytes(5).toString("hex");
}

/** A user with a unique lowercase email. Pass `passwordHash` to let it sign in with a password. */
export function createUser(db: Database, overrides: Partial<Prisma.UserCreateInput> = {}) {
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      name: `Test User ${suffix}`,
      ...overrides,
      email: (overrides.email ?? `user-${suffix}@example.test`).toLowerCase(),
    },
  });
}

export interface CreateTeamInput {
  /** Becomes the team's OWNER. */
  ownerId: string;
  name?: string;
  slug?: string;
}

/** A team with a unique slug, owned by `ownerId`. */
export function createTeam(db: Database, { ownerId, name, slug }: CreateTeamInput) {
  const suffix = uniqueSuffix();
  return db.team.create({
    data: {
      name: name ?? `Team ${suffix}`,
      slug: slug ?? `team-${suffix}`,
      memberships: { create: { userId: ownerId, role: "OWNER" } },
    },
  });
}

export function addMember(db: Database, teamId: string, userId: string, role: Role = "MEMBER") {
  return db.membership.create({ data: { teamId, userId, role } });
}
