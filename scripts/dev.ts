/**
 * `npm run dev`: the same database preparation as `npm start`, then the same server
 * (apps/web/server.ts) with Next.js in development mode: pages hot-reload, and the server
 * restarts when the API's or the packages' code changes.
 */
import {
  embeddedDatabaseEnv,
  fail,
  localSecret,
  portFromEnv,
  publicUrlEnv,
  quietEnv,
  spawnServer,
  superviseChild,
} from "./lib";
import { prepareSeededDatabase } from "./startup";

const port = portFromEnv(3000);
const log = (message: string) => console.log(`• ${message}`);

async function main() {
  const { database, demo } = await prepareSeededDatabase(log);

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
