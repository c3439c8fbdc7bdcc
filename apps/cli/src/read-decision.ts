import { readFile } from "node:fs/promises";
import { type DecisionInput, DecisionInputError, validateDecisionInput } from "@tradeoff/scoring";
import { InputError } from "./errors";
import type { Io } from "./io";

const reasons: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "is a directory, not a file",
};

/** Reads a decision from a JSON file (`-` for stdin) and validates it. */
export async function readDecision(file: string, io: Io): Promise<DecisionInput> {
  const json = await readJson(file, io);
  // A record exported from a server is not a decision file: say what it is and what reads it.
  if ((json as { format?: unknown } | null)?.format === "tradeoff.decision-record") {
    throw new InputError([
      `${file === "-" ? "stdin" : file}: this is a decision record exported from a server (tradeoff export --format json), not a decision file. Its recommendation is in the file under "result"; \`tradeoff show TEAM/NUMBER\` prints it as a table, and \`tradeoff import\` brings the record into a team.`,
    ]);
  }
  // The title is printed above the result: one that is not text would vanish without a word.
  const title = (json as { title?: unknown } | null)?.title;
  const problems =
    title === undefined || typeof title === "string"
      ? []
      : [`title: must be text (a string) or left out, got ${JSON.stringify(title)}`];
  try {
    const decision = validateDecisionInput(json);
    if (problems.length > 0) throw new InputError(problems);
    return decision;
  } catch (error) {
    if (error instanceof DecisionInputError) {
      throw new InputError([
        ...problems,
        ...error.issues.map((issue) => `${issue.path}: ${issue.message}`),
      ]);
    }
    throw error;
  }
}

/**
 * Reads a JSON file (`-` for stdin); a file that cannot be read or is not JSON is bad input,
 * said with the file's name and why.
 */
export async function readJson(file: string, io: Io): Promise<unknown> {
  let text: string;
  try {
    text = file === "-" ? await io.readStdin() : await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new InputError([
      `${file}: cannot read the file (${reasons[code] ?? code ?? "unknown error"})`,
    ]);
  }

  const source = file === "-" ? "stdin" : file;
  let json: unknown;
  try {
    // A byte order mark (Windows editors write one) is not part of the JSON.
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const why = text.trim() === "" ? "the file is empty" : (error as Error).message;
    throw new InputError([`${source}: not valid JSON (${why})`]);
  }
  return json;
}
