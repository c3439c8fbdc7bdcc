import { readdirSync } from "node:fs";
import type { IsolationCase } from "./case";

/**
 * Every case of every domain file in ./cases (each exports `cases`), keyed by procedure path.
 * A path defined in two files is an error, so one domain cannot silently override another.
 */
export async function loadCases(): Promise<Map<string, IsolationCase & { file: string }>> {
  const dir = new URL("./cases/", import.meta.url);
  const all = new Map<string, IsolationCase & { file: string }>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()) {
    const module = (await import(new URL(file, dir).href)) as {
      cases?: Record<string, IsolationCase>;
    };
    if (!module.cases) throw new Error(`isolation/cases/${file} must export \`cases\``);
    for (const [path, value] of Object.entries(module.cases)) {
      const previous = all.get(path);
      if (previous) throw new Error(`"${path}" has cases in both ${previous.file} and ${file}`);
      all.set(path, { ...value, file });
    }
  }
  return all;
}
