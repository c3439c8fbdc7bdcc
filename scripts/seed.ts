/**
 * `npm run db:seed [password]`: seeds the demo user and team into DATABASE_URL, hashing the
 * password with the app's own hasher (so the demo account signs in like any other).
 */
import { hashPassword } from "@tradeoff/auth/password";
import { createPrismaClient, parseDatabaseUrl, seedDemo } from "@tradeoff/db";
import { fail } from "./lib";

async function main() {
  const url = process.env.DATABASE_URL;
  parseDatabaseUrl(url);
  const db = createPrismaClient(url as string, { poolSize: 2 });
  try {
    const result = await seedDemo(db, { hashPassword, password: process.argv[2] });
    console.log(
      result.created
        ? `Demo user created: ${result.email} / ${result.password}, team "${result.teamSlug}".`
        : `Demo data already present (${result.email}, team "${result.teamSlug}"); left unchanged.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: Error) => fail(error.message));
