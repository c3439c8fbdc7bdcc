import {
  builtInTemplates,
  type ContextAnswers,
  type DecisionTemplate,
  findTemplate,
  suggestWeights,
  templateToDecision,
} from "@tradeoff/templates";
import { type Command, InvalidArgumentError } from "commander";
import { columns } from "../format/columns";
import type { Io } from "../io";

const templateList = () =>
  builtInTemplates.map((t) => `  ${t.key.padEnd(22)} ${t.title}`).join("\n");

/**
 * One line per built-in template: its key, its size and its question, for `--list`, fitted to
 * `width` (the question is what gets cut).
 */
const templateTable = (width: number | undefined) =>
  columns(
    ["Template", "Size", "Question"],
    builtInTemplates.map((t) => [
      t.key,
      `${t.options.length} options, ${t.criteria.length} criteria`,
      t.title,
    ]),
    { headed: false, width, text: [2] },
  );

const questionList = (template: DecisionTemplate) =>
  template.contextQuestions.map((q) => `  ${q.key.padEnd(26)} ${q.question}`).join("\n");

const ANSWER = /^([a-z0-9-]+)=(yes|no)$/;

/** Collects repeated `--answer question=yes|no` options. */
const collectAnswer = (value: string, answers: Record<string, boolean> = {}) => {
  const match = ANSWER.exec(value);
  if (!match?.[1])
    throw new InvalidArgumentError(`expected question=yes or question=no, got "${value}".`);
  return { ...answers, [match[1]]: match[2] === "yes" };
};

/**
 * `tradeoff template NAME`: a built-in template as a decision file ready to fill in;
 * `tradeoff template --list`: the built-in templates, the same set the web app offers.
 */
export function registerTemplate(program: Command, io: Io): void {
  program
    .command("template")
    .summary("print a built-in template as a decision file")
    .description(
      "Print a built-in template as a decision JSON file: its options and criteria (with the\n" +
        "guidance for each option) and an empty votes list to fill in, ready for `tradeoff score`.\n" +
        "Answer the template's context questions with --answer to start from suggested weights;\n" +
        "the file then lists each weight change and its reason under weightChanges.",
    )
    .argument("[name]", "template name (see --list)", (name: string) => {
      if (!findTemplate(name)) {
        throw new InvalidArgumentError(
          `no built-in template "${name}". Available:\n${templateList()}`,
        );
      }
      return name;
    })
    .option("-l, --list", "list the built-in templates and exit")
    .option(
      "-a, --answer <question=yes|no>",
      "answer a context question (repeatable; default: none, the template's own weights)",
      collectAnswer,
    )
    .addHelpText(
      "after",
      `\nBuilt-in templates:\n${templateList()}\n\n` +
        builtInTemplates
          .map((t) => `Context questions of ${t.key}:\n${questionList(t)}`)
          .join("\n\n") +
        "\n\nExamples:\n  tradeoff template --list\n  tradeoff template drf-vs-fastapi -a team-knows-django=yes -a needs-realtime=no",
    )
    .action(
      (
        name: string | undefined,
        options: { answer?: ContextAnswers; list?: boolean },
        command: Command,
      ) => {
        if (options.list) {
          io.stdout(`${templateTable(io.columns())}\n`);
          return;
        }
        if (!name) {
          command.error(`error: name a template. Built-in templates:\n${templateList()}`, {
            exitCode: 2,
            code: "tradeoff.missingTemplate",
          });
        }
        const template = findTemplate(name);
        if (!template) return;
        const known = new Set(template.contextQuestions.map((q) => q.key));
        const unknown = Object.keys(options.answer ?? {}).filter((key) => !known.has(key));
        if (unknown.length > 0) {
          command.error(
            `error: ${name} has no context question ${unknown.map((k) => `"${k}"`).join(", ")}. Its questions:\n${questionList(template)}`,
            { exitCode: 2, code: "tradeoff.unknownQuestion" },
          );
        }
        const { weights, changes, contradictions } = suggestWeights(template, options.answer ?? {});
        // Said, not refused: the weights still count every answer given.
        for (const c of contradictions) io.stderr(`warning: ${c.message}\n`);
        const decision = templateToDecision(template, weights);
        const output = changes.length > 0 ? { ...decision, weightChanges: changes } : decision;
        io.stdout(`${JSON.stringify(output, null, 2)}\n`);
      },
    );
}
