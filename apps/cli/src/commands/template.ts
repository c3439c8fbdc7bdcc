import { builtInTemplates, findTemplate, templateToDecision } from "@tradeoff/templates";
import { type Command, InvalidArgumentError } from "commander";
import type { Io } from "../io";

const templateList = () =>
  builtInTemplates.map((t) => `  ${t.key.padEnd(20)} ${t.title}`).join("\n");

/** `tradeoff template NAME`: a built-in template as a decision file ready to fill in. */
export function registerTemplate(program: Command, io: Io): void {
  program
    .command("template")
    .summary("print a built-in template as a decision file")
    .description(
      "Print a built-in template as a decision JSON file: its options and criteria (with the\n" +
        "guidance for each option) and an empty votes list to fill in, ready for `tradeoff score`.",
    )
    .argument("<name>", "template name", (name: string) => {
      if (!findTemplate(name)) {
        throw new InvalidArgumentError(
          `no built-in template "${name}". Available:\n${templateList()}`,
        );
      }
      return name;
    })
    .addHelpText("after", `\nBuilt-in templates:\n${templateList()}`)
    .action((name: string) => {
      const template = findTemplate(name);
      if (template) io.stdout(`${JSON.stringify(templateToDecision(template), null, 2)}\n`);
    });
}
