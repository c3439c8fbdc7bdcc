/**
 * `npm run dev`: the same database preparation as `npm start`, then the same server
 * (apps/web/server.ts) with Next.js in development mode: pages hot-reload, and the server
 * restarts when the API's or the packages' code changes.
 */
import { join } from "node:path";
import { hashPassword } from "@tradeoff/auth/password";
import { createPrismaClient, seedForStartup } from "@tradeoff/db";
import { prepareDatabase } from "@tradeoff/db/prepare";
import {
  dataDir,
  embeddedDatabaseEnv,
  fail,
  localSecret,
  portFromEnv,
  publicUrlEnv,
  quietEnv,
  spawnServer,
  superviseChild,
} from "./lib";

const port = portFromEnv(3000);
const log = (message: string) => console.log(`• ${message}`);

async function main() {
  const database = await prepareDatabase({ log, dataDir: join(dataDir, "pglite") }).catch(
    (error: Error) => fail(error.message),
  );
  const db = createPrismaClient(database.url);
  const { demo, warnings } = await seedForStartup(db, {
    hashPassword,
    embedded: database.embedded,
    seedDemo: process.env.SEED_DEMO === "true",
  });
  await db.$disconnect();
  for (const warning of warnings) console.warn(`! ${warning}`);

  const server = spawnServer(
    { port, dev: true },
    {
      ...process.env,
      ...quietEnv,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || localSecret(),
      ...publicUrlEnv(),
      ...embeddedDatabaseEnv(database.embedded),
    },
  );
  superviseChild(server, () => database.stop());
  if (demo) console.log(`\n  Demo account: ${demo.email} / ${demo.password}\n`);
}

main().catch((error: Error) => fail(error.message));
