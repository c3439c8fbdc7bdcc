import { afterAll, beforeAll, expect } from "vitest";

/**
 * A deprecation a dependency warns about is a break at its next major release (pg 9, for one,
 * turns a query sent while its connection is busy from a warning into an error). So a test file
 * during which one is emitted fails, with the warning's stack, in place of one line in the log.
 * The listener is added once per process: test files may share a worker.
 */
const KEY = Symbol.for("tradeoff.deprecations");
const registry = globalThis as typeof globalThis & { [KEY]?: string[] };
if (!registry[KEY]) {
  const seen: string[] = [];
  registry[KEY] = seen;
  process.on("warning", (warning) => {
    if (warning.name === "DeprecationWarning") seen.push(warning.stack ?? warning.message);
  });
}
const seen = registry[KEY];
let before = 0;

beforeAll(() => {
  before = seen.length;
});

afterAll(() => {
  const emitted = seen.slice(before).join("\n\n");
  expect(emitted, "deprecation warnings emitted while this file ran (their stacks)").toBe("");
});
