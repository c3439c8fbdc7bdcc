/**
 * `npm run dev`: the same database preparation as `npm start`, then the same server
 * (apps/web/server.ts) with Next.js in development mode: pages hot-reload, and the server
 * restarts when the API's or the packages' code changes.
 */
import { fail, listenHostname, localSecret, portFromEnv } from "./lib";
import { prepareSeededDatabase, serveOn } from "./startup";

const port = portFromEnv(3000);
const log = (message: string) => console.log(`• ${message}`);

async function main() {
  const hostname = listenHostname();
  const { database, demo } = await prepareSeededDatabase(log);

  serveOn(database, {
    port,
    hostname,
    dev: true,
    secret: process.env.NEXTAUTH_SECRET || localSecret(),
  });
  if (demo) console.log(`\n  Demo account: ${demo.email} / ${demo.password}\n`);
}

main().catch((error: Error) => fail(error.message));
