import { createMigration } from "../migrate";

const name = process.argv.slice(2).join(" ");
if (!name) {
  console.error("Usage: npm run migration:create -w @tradeoff/db -- <name>");
  process.exit(1);
}

try {
  const result = await createMigration(name, { log: (message) => console.log(message) });
  if (!result.created) process.exitCode = 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
