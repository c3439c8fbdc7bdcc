/**
 * `npm start`: build what is needed, prepare the database (embedded PostgreSQL unless
 * DATABASE_URL is set), seed the demo on first run, and serve the production build.
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
  run,
  spawnServer,
  superviseChild,
} from "./lib";

const port = portFromEnv(3000);
const url = `http://localhost:${port}`;
const log = (message: string) => console.log(`• ${message}`);

async function main() {
  const deployed = Boolean(process.env.DATABASE_URL);
  const secret = process.env.NEXTAUTH_SECRET || (deployed ? undefined : localSecret());
  if (!secret) {
    fail(
      "NEXTAUTH_SECRET is not set. A server with its own DATABASE_URL is treated as a deployment and needs a secret: " +
        "generate one with `openssl rand -base64 32`.",
    );
  }

  log("Building (cached builds are reused)…");
  await run(
    "npx",
    ["turbo", "run", "build", "--filter=@tradeoff/web", "--output-logs=errors-only"],
    {
      env: { ...process.env, ...quietEnv },
    },
  );

  const database = await prepareDatabase({ log, dataDir: join(dataDir, "pglite") }).catch(
    (error: Error) => fail(error.message),
  );
  log(
    database.embedded ? "Embedded PostgreSQL ready (data in .data/pglite)." : "PostgreSQL ready.",
  );

  const db = createPrismaClient(database.url);
  const demo = await seedDemo(db, { hashPassword });
  await db.$disconnect();

  const server = spawnServer(
    { port },
    {
      ...process.env,
      ...quietEnv,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL || url,
    },
  );
  superviseChild(server, () => database.stop());

  console.log(`\n  Tradeoff is starting on ${url}`);
  console.log(
    `  Demo account: ${demo.email} / ${demo.password}${demo.created ? " (just created)" : ""}\n`,
  );
}

main().catch((error: Error) => fail(error.message));
