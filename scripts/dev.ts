/**
 * `npm run dev`: the same database preparation as `npm start`, then the same server
 * (apps/web/server.ts) with Next.js in development mode: pages hot-reload, and the server
 * restarts when the API's or the packages' code changes.
 */
import { join } from "node:path";
import { hashPassword } from "@tradeoff/auth/password";
import { createPrismaClient, seedDemo } from "@tradeoff/db";
import { prepareDatabase } from "@tradeoff/db/prepare";
import {
  dataDir,
  fail,
  localSecret,
  portFromEnv,
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
  const demo = await seedDemo(db, { hashPassword });
  await db.$disconnect();

  const server = spawnServer(
    { port, dev: true },
    {
      ...process.env,
      ...quietEnv,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || localSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
    },
  );
  superviseChild(server, () => database.stop());
  console.log(`\n  Demo account: ${demo.email} / ${demo.password}\n`);
}

main().catch((error: Error) => fail(error.message));
