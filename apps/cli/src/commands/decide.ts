import type { RouterInputs } from "@tradeoff/api";
import type { Command } from "commander";
import { CliError, EXIT_BAD_INPUT, EXIT_REFUSED, EXIT_USAGE } from "../errors";
import type { Io } from "../io";
import { type Client, call } from "../server/client";
import type { ServerConfig } from "../server/config";
import { print, textOrFile, withJson } from "../server/output";
import { connectToProject, PROJECT_ARGUMENT, resolveProject } from "../server/resolve";
import { decisionMade, statusWord } from "../server/status";

type Consequences = { good: string[]; neutral: string[]; bad: string[] };

/** The record's fields as the server names them in its messages, and as these commands do. */
const RECORD_OPTIONS = {
  chosenOptionKey: "--option",
  rationale: "--rationale",
  justification: "--justification",
  consequences: "--consequences",
  reviewDate: "--review-by",
  confirmProvisional: "--provisional",
  note: "--note",
  successorIds: "--by",
};

const CONSEQUENCES_HELP =
  "one consequence a line, each starting with good:, neutral: or bad: (or the JSON {good, neutral, bad})";

/**
 * Consequences from a file: one a line, `good: ...`, `neutral: ...` or `bad: ...`, or the JSON
 * object the API takes. Every line that is neither is reported with its number.
 */
export function parseConsequences(text: string, source: string): Consequences {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    try {
      const parsed = JSON.parse(trimmed) as Partial<Consequences>;
      return { good: parsed.good ?? [], neutral: parsed.neutral ?? [], bad: parsed.bad ?? [] };
    } catch (error) {
      throw new CliError(
        EXIT_BAD_INPUT,
        `${source}: this is not valid JSON (${(error as Error).message}).`,
      );
    }
  }
  const result: Consequences = { good: [], neutral: [], bad: [] };
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim().replace(/^[-*]\s+/, "");
    if (!line) return;
    const match = line.match(/^(good|neutral|bad)\s*:\s*(.*)$/i);
    if (!match?.[1]) {
      problems.push(
        `${source}:${index + 1}: start the line with good:, neutral: or bad: (found "${line.slice(0, 40)}").`,
      );
      return;
    }
    result[match[1].toLowerCase() as keyof Consequences].push(match[2] ?? "");
  });
  if (problems.length > 0) throw new CliError(EXIT_BAD_INPUT, problems.join("\n"));
  return result;
}

type RecordOptions = {
  option?: string;
  rationale?: string;
  justification?: string;
  consequences?: string;
  reviewBy?: string;
  team?: string;
  json?: boolean;
};

/** The options decide and revise share: what the record says. */
function recordOptions(command: Command, required: boolean): Command {
  const optionFlag = "-o, --option <key>";
  const rationaleFlag = "-r, --rationale <text|@file>";
  const withOptions = required
    ? command
        .requiredOption(optionFlag, "the key of the chosen option")
        .requiredOption(rationaleFlag, "why this option; @path reads a file, @- standard input")
    : command
        .option(optionFlag, "the key of the chosen option (default: unchanged)")
        .option(rationaleFlag, "why this option; @path reads a file (default: unchanged)");
  return withOptions
    .option(
      "-j, --justification <text|@file>",
      `why another option than the recommendation${required ? " (needed then)" : " (default: unchanged)"}`,
    )
    .option(
      "--consequences <@file|text>",
      `${CONSEQUENCES_HELP}${required ? " (default: none)" : " (default: unchanged)"}`,
    )
    .option(
      "--review-by <date>",
      `when to review the decision, YYYY-MM-DD${required ? " (default: no review date)" : ' (default: unchanged; "none" clears it)'}`,
    )
    .option("-t, --team <slug>", "the team, when PROJECT is a number");
}

async function recordFields(io: Io, options: RecordOptions) {
  // Standard input is read once: a second @- would read nothing and send an empty text.
  const fromStdin = (
    [
      ["--rationale", options.rationale],
      ["--justification", options.justification],
      ["--consequences", options.consequences],
    ] as const
  )
    .filter(([, value]) => value === "@-")
    .map(([name]) => name);
  if (fromStdin.length > 1)
    throw new CliError(
      EXIT_USAGE,
      `Only one option can read standard input (@-); ${fromStdin.join(" and ")} both ask for it. Give the others as text or @file.`,
    );
  const consequencesText = await textOrFile(io, "--consequences", options.consequences);
  return {
    ...(options.option !== undefined ? { chosenOptionKey: options.option } : {}),
    ...(options.rationale !== undefined
      ? { rationale: await textOrFile(io, "--rationale", options.rationale) }
      : {}),
    ...(options.justification !== undefined
      ? { justification: await textOrFile(io, "--justification", options.justification) }
      : {}),
    ...(consequencesText !== undefined
      ? { consequences: parseConsequences(consequencesText, options.consequences ?? "") }
      : {}),
    ...(options.reviewBy !== undefined
      ? { reviewDate: options.reviewBy === "none" ? null : options.reviewBy }
      : {}),
  };
}

/** The record's summary line and what a script needs of it. */
async function recordSummary(client: Client, config: ServerConfig, projectId: string) {
  const { view, revisions } = await call(config, () => client.record.get.query({ projectId }));
  const chosen = view.options.find((o) => o.key === view.decision?.chosenOptionKey);
  return {
    projectId,
    ref: `${view.team.slug}/${view.project.number}`,
    status: statusWord(view.project.status, decisionMade(view)),
    chosenOption: chosen ? { key: chosen.key, name: chosen.name } : null,
    revision: revisions[0]?.revision ?? null,
  };
}

/**
 * `tradeoff decide`, `tradeoff revise` and `tradeoff supersede`: recording a decision's outcome,
 * changing a recorded decision, and replacing it by later ones (read-write token).
 */
export function registerDecide(program: Command, io: Io): void {
  withJson(
    recordOptions(
      program
        .command("decide")
        .summary("record the outcome of a closed decision")
        .description(
          "Record the decision: the chosen option and why (the project's creator or a team admin).",
        )
        .argument("<project>", PROJECT_ARGUMENT),
      true,
    )
      .option("--provisional", "record it although the recommendation is still provisional")
      .addHelpText(
        "after",
        "\nExample:\n  tradeoff decide billing/1 --option fastapi --rationale @why.md --consequences @consequences.txt --review-by 2027-06-01\n\nconsequences.txt:\n  good: async views out of the box\n  bad: fewer batteries than Django REST framework",
      ),
  ).action(async (ref: string, options: RecordOptions & { provisional?: boolean }) => {
    // Files are read first: a wrong path is said before anything is asked of the server.
    const fields = await recordFields(io, options);
    const { config, client, projectId } = await connectToProject(ref, options.team);
    await call(
      config,
      () =>
        client.record.decide.mutate({
          projectId,
          ...(fields as Omit<RouterInputs["record"]["decide"], "projectId">),
          ...(options.provisional ? { confirmProvisional: true } : {}),
        }),
      RECORD_OPTIONS,
    );
    const summary = await recordSummary(client, config, projectId);
    print(io, options.json, summary, (s) => `Recorded ${s.ref}: ${s.chosenOption?.name ?? "?"}.`);
  });

  withJson(
    recordOptions(
      program
        .command("revise")
        .summary("change a recorded decision, with the reason")
        .description(
          "Change what a recorded decision says; unnamed fields stay as they are. Each change is a new revision with its reason.",
        )
        .argument("<project>", PROJECT_ARGUMENT)
        .requiredOption("-n, --note <text>", "the reason for the change, shown in the history"),
      false,
    ),
  ).action(async (ref: string, options: RecordOptions & { note: string }) => {
    const changes = await recordFields(io, options);
    if (Object.keys(changes).length === 0) {
      throw new CliError(
        EXIT_USAGE,
        "Say what changes: --option, --rationale, --justification, --consequences or --review-by.",
      );
    }
    const { config, client, projectId } = await connectToProject(ref, options.team);
    const { revisions } = await call(config, () => client.record.get.query({ projectId }));
    const current = revisions[0]?.fields;
    if (!current) {
      throw new CliError(
        EXIT_REFUSED,
        `${ref} has no recorded decision to revise yet. Record it with \`tradeoff decide ${ref}\`.`,
      );
    }
    await call(
      config,
      () =>
        client.record.revise.mutate({
          ...(current as Omit<RouterInputs["record"]["revise"], "projectId" | "note">),
          ...(changes as Partial<RouterInputs["record"]["revise"]>),
          projectId,
          note: options.note,
          // Revised by someone else since it was read: refused, rather than undoing their change.
          expectedRevision: revisions[0]?.revision,
        }),
      RECORD_OPTIONS,
    );
    const summary = await recordSummary(client, config, projectId);
    print(io, options.json, summary, (s) => `Revised ${s.ref} (revision ${s.revision}).`);
  });

  withJson(
    program
      .command("supersede")
      .summary("mark a decision as replaced by later ones")
      .description(
        "Mark a recorded decision as superseded by one or more later decisions of the same team.",
      )
      .argument("<record>", `the decision replaced: ${PROJECT_ARGUMENT}`)
      .requiredOption("-b, --by <record...>", "the decisions that replace it (one or more)")
      .option("-t, --team <slug>", "the team, when the decisions are numbers")
      .addHelpText("after", "\nExample:\n  tradeoff supersede billing/1 --by billing/4 billing/5"),
  ).action(async (ref: string, options: { by: string[]; team?: string; json?: boolean }) => {
    const { config, client, projectId } = await connectToProject(ref, options.team);
    const successors: { ref: string; projectId: string }[] = [];
    for (const by of options.by) {
      successors.push({ ref: by, ...(await resolveProject(client, config, by, options.team)) });
    }
    await call(
      config,
      () =>
        client.record.supersede.mutate({
          projectId,
          successorIds: successors.map((s) => s.projectId),
        }),
      RECORD_OPTIONS,
    );
    const summary = await recordSummary(client, config, projectId);
    print(
      io,
      options.json,
      { ...summary, supersededBy: successors.map((s) => s.projectId) },
      () => `${ref} is superseded by ${options.by.join(", ")}.`,
    );
  });
}
