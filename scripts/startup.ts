/**
 * What `npm start` and `npm run dev` both do: prepare the database (embedded PostgreSQL unless
 * DATABASE_URL is set) and seed what startup seeds (the demo account on the embedded database; on
 * a configured one only with SEED_DEMO=true), then serve the app on it.
 */
import { join } from "node:path";
import { hashPassword } from "@tradeoff/auth/password";
import { createPrismaClient, seedForStartup } from "@tradeoff/db";
import { prepareDatabase } from "@tradeoff/db/prepare";
import {
  dataDir,
  embeddedDatabaseEnv,
  fail,
  publicUrlEnv,
  quietEnv,
  spawnServer,
  superviseChild,
} from "./lib";

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

type PreparedDatabase = Awaited<ReturnType<typeof prepareSeededDatabase>>["database"];

/**
 * Starts the app's server on the prepared database (Next.js in development mode with `dev`),
 * with `env` and the session secret on top of this process's environment, and stops the database
 * when the server exits; Ctrl-C and termination stop the server.
 */
export function serveOn(
  database: PreparedDatabase,
  options: {
    port: number;
    hostname?: string;
    dev?: boolean;
    secret: string;
    env?: Record<string, string>;
  },
) {
  const server = spawnServer(
    { port: options.port, hostname: options.hostname, dev: options.dev ?? false },
    {
      ...process.env,
      ...quietEnv,
      ...options.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: options.secret,
      ...publicUrlEnv(),
      ...embeddedDatabaseEnv(database.embedded),
    },
  );
  superviseChild(server, () => database.stop());
}
