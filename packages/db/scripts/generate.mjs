// Generates the Prisma client into packages/db/src/generated/prisma.
//
// The Prisma CLI insists on a native schema engine binary even for `generate`, which itself runs
// in WebAssembly. When the binary is absent (install scripts are not run, or the machine cannot
// download it) we point PRISMA_SCHEMA_ENGINE_BINARY at an existing executable so the CLI proceeds.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const require = createRequire(join(root, "package.json"));

function nativeSchemaEngine() {
  try {
    const dir = dirname(require.resolve("@prisma/engines/package.json"));
    const binary = readdirSync(dir).find((name) => name.startsWith("schema-engine"));
    return binary ? join(dir, binary) : undefined;
  } catch {
    return undefined;
  }
}

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !nativeSchemaEngine()) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}

const cli = require.resolve("prisma/build/index.js");
if (!existsSync(cli)) {
  console.error("prisma CLI not found; run npm install first");
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [cli, "generate", "--config", join(root, "prisma.config.ts")],
  { cwd: root, env, stdio: "inherit" },
);
process.exit(result.status ?? 1);
