import {
  builtInTemplates,
  type ContextAnswers,
  type DecisionTemplate,
  findTemplate,
  suggestWeights,
  templateToDecision,
} from "@tradeoff/templates";
import { type Command, InvalidArgumentError } from "commander";
import type { Io } from "../io";

const templateList = () =>
  builtInTemplates.map((t) => `  ${t.key.padEnd(20)} ${t.title}`).join("\n");

const questionList = (template: DecisionTemplate) =>
  template.contextQuestions.map((q) => `  ${q.key.padEnd(26)} ${q.question}`).join("\n");

const ANSWER = /^([a-z0-9-]+)=(yes|no)$/;

/** Collects repeated `--answer question=yes|no` options. */
const collectAnswer = (value: string, answers: Record<string, boolean>) => {
  const match = ANSWER.exec(value);
  if (!match?.[1])
    throw new InvalidArgumentError(`expected question=yes or question=no, got "${value}".`);
  return { ...answers, [match[1]]: match[2] === "yes" };
};

/** `tradeoff template NAME`: a built-in template as a decision file ready to fill in. */
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
    .argument("<name>", "template name", (name: string) => {
      if (!findTemplate(name)) {
        throw new InvalidArgumentError(
          `no built-in template "${name}". Available:\n${templateList()}`,
        );
      }
      return name;
    })
    .option(
      "-a, --answer <question=yes|no>",
      "answer a context question (repeatable)",
      collectAnswer,
      {},
    )
    .addHelpText(
      "after",
      `\nBuilt-in templates:\n${templateList()}\n\n` +
        builtInTemplates
          .map((t) => `Context questions of ${t.key}:\n${questionList(t)}`)
          .join("\n\n") +
        "\n\nExample:\n  tradeoff template drf-vs-fastapi -a team-knows-django=yes -a needs-realtime=no",
    )
    .action((name: string, options: { answer: ContextAnswers }, command: Command) => {
      const template = findTemplate(name);
      if (!template) return;
      const known = new Set(template.contextQuestions.map((q) => q.key));
      const unknown = Object.keys(options.answer).filter((key) => !known.has(key));
      if (unknown.length > 0) {
        command.error(
          `error: ${name} has no context question ${unknown.map((k) => `"${k}"`).join(", ")}. Its questions:\n${questionList(template)}`,
          { exitCode: 2, code: "tradeoff.unknownQuestion" },
        );
      }
      const { weights, changes } = suggestWeights(template, options.answer);
      const decision = templateToDecision(template, weights);
      const output = changes.length > 0 ? { ...decision, weightChanges: changes } : decision;
      io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    });
}
