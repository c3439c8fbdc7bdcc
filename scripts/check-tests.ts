/**
 * Part of `npm run lint`: tests that cannot fail, or that are switched off without saying why,
 * are refused. For every test file (*.test.ts, *.test.tsx, *.spec.ts):
 *
 * - a skipped test (`it.skip`, `test.skip`, `describe.skip`, `ctx.skip`…) must carry its
 *   reason: Playwright's `test.skip(condition, "reason")`, a skip call given a message, or a
 *   `//` comment on the line above that says why (three words or more);
 * - `expect(x).toBeDefined()` is refused when x can never be undefined (a literal, `new …`,
 *   `JSON.stringify(…)`, `String(…)`, `typeof …`, an array or object): it asserts nothing.
 *
 * Usage: tsx scripts/check-tests.ts [folder…] (default: the repository). Exits 1 with one line
 * per problem.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "./lib";

const SKIPPED = new Set(["node_modules", ".next", ".turbo", "dist", ".data", "generated", ".git"]);

function testFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIPPED.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) testFiles(path, found);
    else if (/\.(test|spec)\.tsx?$/.test(name)) found.push(path);
  }
  return found;
}

/** `x.skip(` calls: the callee and where its arguments start. */
const SKIP_CALL = /\b(it|test|describe|ctx|context)\.skip\s*\(/g;
/** Values that are defined whatever happens. */
const ALWAYS_DEFINED =
  /expect\(\s*(JSON\.stringify\(|String\(|Number\(|Boolean\(|new\s|typeof\s|["'`[{]|-?\d)[^;]*?\)\s*\.toBeDefined\(\)/;

export function problemsIn(source: string): { line: number; message: string }[] {
  const lines = source.split("\n");
  const problems: { line: number; message: string }[] = [];
  lines.forEach((text, index) => {
    for (const match of text.matchAll(SKIP_CALL)) {
      const args = text.slice((match.index ?? 0) + match[0].length);
      const [callee] = match;
      // Playwright's conditional skip takes its reason as the second argument; vitest's
      // ctx.skip takes a message as its first.
      const hasMessage =
        /^[^)]*,\s*["'`]/.test(args) || (/^(ctx|context)/.test(callee) && /^\s*["'`]/.test(args));
      const above = (lines[index - 1] ?? "").trim();
      const commented =
        above.startsWith("//") && above.replace(/^\/\/\s*/, "").split(/\s+/).length >= 3;
      if (!hasMessage && !commented)
        problems.push({
          line: index + 1,
          message: `${callee.replace(/\s*\($/, "")} without a reason: say why on the line above (// …) or in the call`,
        });
    }
    if (ALWAYS_DEFINED.test(text))
      problems.push({
        line: index + 1,
        message: "expect(…).toBeDefined() of a value that is always defined asserts nothing",
      });
  });
  return problems;
}

function main() {
  const roots = process.argv.slice(2);
  const files = (roots.length ? roots : [repoRoot]).flatMap((root) => testFiles(root));
  let count = 0;
  for (const file of files) {
    for (const problem of problemsIn(readFileSync(file, "utf8"))) {
      count++;
      console.error(`${relative(repoRoot, file)}:${problem.line}: ${problem.message}`);
    }
  }
  if (count > 0) {
    console.error(`✖ ${count} test problem(s) in ${files.length} test files.`);
    process.exit(1);
  }
  console.log(
    `✓ ${files.length} test files: no skip without a reason, no assertion that cannot fail.`,
  );
}

main();
