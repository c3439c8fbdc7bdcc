/**
 * Serves the production build for the end-to-end tests on a database of its own:
 * created fresh and migrated on start, dropped on exit.
 */
import { randomBytes } from "node:crypto";
import { createTestDatabase } from "@tradeoff/db/testing";
import { killGroup, spawnServer } from "../../scripts/lib";

const port = process.env.E2E_PORT ?? "3100";

const database = await createTestDatabase();
const server = spawnServer(
  { port: Number(port), hostname: "127.0.0.1" },
  {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: "warn",
    // The webhook tests' receivers listen on 127.0.0.1.
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
    // Every test signs up its own members, all from 127.0.0.1.
    SIGN_UP_LIMIT: "999999",
  },
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  killGroup(server);
  await new Promise((resolve) => server.once("exit", resolve));
  await database.drop();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  if (!stopping) {
    console.error(`The e2e server exited unexpectedly (${code}).`);
    void database.drop().finally(() => process.exit(1));
  }
});
