#!/usr/bin/env node
// Runs the TypeScript sources directly (no build step): tsx compiles them on load.
import { register } from "tsx/esm/api";

// A reader that stops early (`tradeoff show billing/1 | head -3`) closes the pipe: stop
// quietly, as command-line tools do, instead of crashing with a stack trace on the next write.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
