/**
 * What `npm start` and `npm run dev` do before the server starts: prepare the database
 * (embedded PostgreSQL unless DATABASE_URL is set) and seed what startup seeds (the demo account
 * on the embedded database; on a configured one only with SEED_DEMO=true).
 */
import { join } from "node:path";
import { hashPassword } from "@tradeoff/auth/password";
import { createPrismaClient, seedForStartup } from "@tradeoff/db";
import { prepareDatabase } from "@tradeoff/db/prepare";
import { dataDir, fail } from "./lib";

export async function prepareSeededDatabase(log: (message: string) => void) {
  const database = await prepareDatabase({ log, dataDir: join(dataDir, "pglite") }).catch(
    (error: Error) => fail(error.message),
  );
  log(
    database.embedded ? "Embedded PostgreSQL ready (data in .data/pglite)." : "PostgreSQL ready.",
  );
  const db = createPrismaClient(database.url);
  const { demo, warnings } = await seedForStartup(db, {
    hashPassword,
    embedded: database.embedded,
    seedDemo: process.env.SEED_DEMO === "true",
  });
  await db.$disconnect();
  for (const warning of warnings) console.warn(`! ${warning}`);
  return { database, demo };
}
