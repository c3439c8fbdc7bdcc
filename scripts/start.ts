/**
 * `npm start`: build what is needed, prepare the database (embedded PostgreSQL unless
 * DATABASE_URL is set), seed the demo account on the embedded database (on a configured one only
 * with SEED_DEMO=true), and serve the production build.
 */
import {
  fail,
  listenAddress,
  listenHostname,
  localSecret,
  portFromEnv,
  quietEnv,
  run,
} from "./lib";
import { prepareSeededDatabase, serveOn } from "./startup";

const port = portFromEnv(3000);
const log = (message: string) => console.log(`• ${message}`);

async function main() {
  const hostname = listenHostname();
  const { url, reach } = listenAddress(hostname, port);
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

  const { database, demo } = await prepareSeededDatabase(log);

  serveOn(database, { port, hostname, secret, env: { NODE_ENV: "production" } });

  console.log(`\n  Tradeoff is starting on ${url}`);
  console.log(`  ${reach}`);
  if (demo) {
    console.log(
      `  Demo account: ${demo.email} / ${demo.password}${demo.created ? " (just created)" : ""}\n`,
    );
  }
}

main().catch((error: Error) => fail(error.message));
