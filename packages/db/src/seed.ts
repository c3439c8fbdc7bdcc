import type { Database } from "./client";

export const DEMO_EMAIL = "demo@tradeoff.dev";
export const DEMO_PASSWORD = "tradeoff-demo";
export const DEMO_TEAM_SLUG = "demo";

export interface SeedDemoOptions {
  /** Hashes the demo password; supplied by the auth package so db does not depend on it. */
  hashPassword: (plain: string) => Promise<string>;
  /** Password for a newly created demo user. Default "tradeoff-demo". */
  password?: string;
}

export interface SeedDemoResult {
  /** False when the demo user already existed (its password is then left as it was). */
  created: boolean;
  email: string;
  password: string;
  teamSlug: string;
}

/**
 * Creates the demo user and the demo team with that user as OWNER. Safe to run on every start:
 * existing rows are kept, missing ones are added.
 */
export async function seedDemo(db: Database, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const password = options.password ?? DEMO_PASSWORD;
  let user = await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } });
  let created = false;
  if (!user) {
    const passwordHash = await options.hashPassword(password);
    user = await db.user.upsert({
      where: { email: DEMO_EMAIL },
      create: { email: DEMO_EMAIL, name: "Demo User", passwordHash },
      update: {},
      select: { id: true },
    });
    created = true;
  }
  const team = await db.team.upsert({
    where: { slug: DEMO_TEAM_SLUG },
    create: { name: "Demo team", slug: DEMO_TEAM_SLUG },
    update: {},
    select: { id: true },
  });
  await db.membership.upsert({
    where: { teamId_userId: { teamId: team.id, userId: user.id } },
    create: { teamId: team.id, userId: user.id, role: "OWNER" },
    update: {},
  });
  return { created, email: DEMO_EMAIL, password, teamSlug: DEMO_TEAM_SLUG };
}
