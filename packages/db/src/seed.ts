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

/** The warning for a demo account on a database the app does not own. */
export const DEMO_ACCOUNT_WARNING =
  `The demo account ${DEMO_EMAIL} exists on this database and its password is published: ` +
  "delete it (or change its password) unless this is a throwaway installation.";

export interface StartupSeedOptions extends SeedDemoOptions {
  /** True for the embedded database of `npm start` / `npm run dev`. */
  embedded: boolean;
  /** SEED_DEMO=true: seed a configured database anyway (a demo deployment). */
  seedDemo: boolean;
}

export interface StartupSeedResult {
  /** Set when the demo account was seeded (or found) for the person starting the app. */
  demo: SeedDemoResult | null;
  /** Sentences to log at start; empty when nothing needs attention. */
  warnings: string[];
}

/** True when a demo account exists: on a configured database that is worth a warning. */
export async function demoAccountExists(db: Database): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } });
  return Boolean(user);
}

/**
 * What `npm start` seeds. The demo account has a published password, so it goes only on the
 * embedded database of a local run; a configured database (a deployment) gets it only with an
 * explicit SEED_DEMO=true, and then every start says so. A demo account found on a configured
 * database without it is reported, never silently kept.
 */
export async function seedForStartup(
  db: Database,
  options: StartupSeedOptions,
): Promise<StartupSeedResult> {
  if (options.embedded) return { demo: await seedDemo(db, options), warnings: [] };
  if (options.seedDemo) {
    const demo = await seedDemo(db, options);
    return {
      demo,
      warnings: [
        `SEED_DEMO=true: the demo account ${DEMO_EMAIL} with its published password is on this database. ` +
          "Anyone can sign in to it; unset SEED_DEMO and delete the account for a real deployment.",
      ],
    };
  }
  return { demo: null, warnings: (await demoAccountExists(db)) ? [DEMO_ACCOUNT_WARNING] : [] };
}
