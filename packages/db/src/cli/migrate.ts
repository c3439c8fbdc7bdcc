import { parseDatabaseUrl } from "../client";
import { migrateDatabase } from "../migrate";
import { assertReachable } from "../prepare";

try {
  const url = process.env.DATABASE_URL;
  parseDatabaseUrl(url);
  await assertReachable(url as string);
  await migrateDatabase(url as string, { log: (message) => console.log(message) });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
